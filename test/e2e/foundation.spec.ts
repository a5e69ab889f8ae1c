/**
 * A rep's first journey, in whichever host ROUNDS_E2E_HOST names: first run,
 * an account with a Chinese name, a contact with a lunar birthday in a leap month, a visit planned and
 * logged with a note, search by Chinese substring and pinyin initials, a language switch, a restart.
 */
import { expect, test } from '@playwright/test';
import { launchRounds, type RoundsApp } from './support/app.js';
import { dialog, fixBrowserClock, pickOption } from './support/ui.js';

const NOW = '2026-11-23T01:30:00.000Z'; // 09:30 in Shanghai, Monday
const ACCOUNT = '中国石油华东销售分公司';

let app: RoundsApp;

test.afterEach(async () => {
  await app?.close();
});

test('a rep keeps an account, a lunar birthday, a visit and a note across a restart', async ({ browser }) => {
  test.setTimeout(180_000);
  app = await launchRounds(browser, { now: NOW, language: 'en' });
  const { page } = app;
  await fixBrowserClock(page, NOW);
  await page.reload();

  // First run: name, no demo data; the empty app says what to do first.
  await expect(page.getByRole('heading', { name: 'Welcome to Rounds' })).toBeVisible();
  await page.getByLabel('Your name').fill('Li Lei');
  await page.getByRole('button', { name: 'Start using Rounds' }).click();
  await page.getByRole('navigation').getByText('Accounts').click();
  await expect(page.getByText('No accounts yet')).toBeVisible();

  // An account with a Chinese name.
  await page.getByRole('button', { name: 'New account' }).first().click();
  const accountForm = dialog(page, 'New account');
  await accountForm.getByLabel('Name', { exact: true }).fill(ACCOUNT);
  await accountForm.getByText('A', { exact: true }).click();
  await accountForm.getByLabel('City').fill('上海');
  await accountForm.getByRole('button', { name: 'Save' }).click();
  await expect(accountForm).toBeHidden();
  await expect(page.getByRole('heading', { name: ACCOUNT })).toBeVisible();

  // A contact with a lunar birthday in a leap month: 闰六月初一. 2027 has no leap sixth month,
  // so the next birthday falls on the regular 六月初一 = 4 July 2027.
  await page.getByRole('tab', { name: /Contacts/ }).click();
  await page.getByRole('button', { name: 'Add contact' }).click();
  const contactForm = dialog(page, 'New contact');
  await contactForm.getByLabel('Name', { exact: true }).fill('王建国');
  await contactForm.getByRole('button', { name: 'Save' }).click();
  await expect(contactForm).toBeHidden();
  // The first "Add date" is the company's; the contact's own is in the contact's card.
  await page.getByRole('button', { name: 'Add date' }).last().click();
  const dateForm = dialog(page, 'New important date');
  await pickOption(page, dateForm, 'Kind', 'Birthday');
  await dateForm.getByText('Lunar', { exact: true }).click();
  await pickOption(page, dateForm, 'Month', /^Month 6$/);
  await dateForm.getByLabel('Leap month (闰)').check();
  await pickOption(page, dateForm, 'Day', /^1$/);
  await expect(dateForm.getByText(/Next: Jul 4, 2027 \(in 223 days\)/)).toBeVisible();
  await dateForm.getByRole('button', { name: 'Save' }).click();
  await expect(dateForm).toBeHidden();
  const contactsPanel = page.getByRole('tabpanel', { name: /Contacts/ });
  await expect(contactsPanel.getByText('Lunar leap 6/1')).toBeVisible();
  await expect(contactsPanel.getByText(/Next: Jul 4, 2027/)).toBeVisible();

  // Plan a visit, then log it as done with a note.
  await page.getByRole('button', { name: 'Plan visit' }).first().click();
  const planForm = dialog(page, 'Plan a visit');
  await planForm.getByLabel('Purpose').fill('年度合同续签');
  // Typing the date and pressing Enter takes the date and saves the form, as Enter does in any field.
  await planForm.getByLabel('Date and time').fill('2026-11-24 10:00');
  await planForm.getByLabel('Date and time').press('Enter');
  await expect(planForm).toBeHidden();
  await page.getByRole('tab', { name: /Visits/ }).click();
  const visitsPanel = page.getByRole('tabpanel', { name: /Visits/ });
  await expect(visitsPanel.getByText('年度合同续签')).toBeVisible();
  await expect(visitsPanel.getByText(/Nov(ember)? 24/)).toBeVisible();
  await page.getByRole('button', { name: 'Log as done' }).first().click();
  const logForm = dialog(page, `Log as done: the visit to ${ACCOUNT}`);
  await logForm.getByLabel('Outcome').fill('客户同意续签，二期预算待批');
  await logForm.getByLabel('Note (optional)').fill('王总喜欢喝龙井 <b>not bold</b>');
  // The done time starts at the planned time (tomorrow), which cannot be saved: say when it really was.
  await expect(logForm.getByLabel('Done at')).toHaveValue('2026-11-24 10:00');
  await logForm.getByLabel('Done at').fill('2026-11-23 09:00');
  // Enter takes the typed time in the picker without submitting the dialog; Save does.
  await logForm.getByLabel('Done at').press('Enter');
  await expect(logForm).toBeVisible();
  await logForm.getByRole('button', { name: 'Save' }).click();
  await expect(logForm).toBeHidden();
  await page.getByRole('tab', { name: /Notes/ }).click();
  await expect(page.getByRole('tabpanel', { name: /Notes/ }).getByText('王总喜欢喝龙井 <b>not bold</b>')).toBeVisible();

  // Search by a Chinese substring and by pinyin initials.
  await page.getByRole('navigation').getByText('Accounts').click();
  const search = page.getByLabel('Search accounts');
  await search.fill('石油');
  await expect(page.getByRole('link', { name: ACCOUNT })).toBeVisible();
  await search.fill('zgsy');
  await expect(page.getByRole('link', { name: ACCOUNT })).toBeVisible();
  await search.fill('不存在的客户');
  await expect(page.getByRole('link', { name: ACCOUNT })).toBeHidden();

  // Switch the language at runtime.
  await page.getByRole('navigation').getByText('Settings').click();
  await page.getByText('中文', { exact: true }).first().click();
  await expect(page.getByRole('navigation').getByText('客户')).toBeVisible();

  // Restart: everything is still there, in Chinese.
  await app.restart();
  await fixBrowserClock(app.page, NOW);
  await app.page.reload();
  await app.page.getByRole('navigation').getByText('客户').click();
  await app.page.getByRole('link', { name: ACCOUNT }).click();
  await app.page.getByRole('tab', { name: /笔记/ }).click();
  await expect(app.page.getByRole('tabpanel', { name: /笔记/ }).getByText('王总喜欢喝龙井 <b>not bold</b>')).toBeVisible();
  await app.page.getByRole('tab', { name: /联系人/ }).click();
  await expect(app.page.getByRole('tabpanel', { name: /联系人/ }).getByText('农历闰六月初一')).toBeVisible();
});
