/**
 * Today on the demo data for a fixed "today": the right items in the right order, and the
 * three everyday actions — mark greeted, snooze, log a visit — each change Today at once and survive
 * a restart. The demo data set is deterministic for a seed and a "now".
 */
import { expect, test, type Page } from '@playwright/test';
import { launchRounds, type RoundsApp } from './support/app.js';
import { dialog, fixBrowserClock } from './support/ui.js';

const NOW = '2026-11-23T01:30:00.000Z'; // Monday 09:30 in Shanghai

let app: RoundsApp;
test.afterEach(async () => {
  await app?.close();
});

type Group = 'Complaints' | "Today's visits" | 'Overdue revisits' | 'Important dates';

/** One agenda row: the item of a group's list that holds the account's link. */
function agendaRow(page: Page, group: Group, accountName: string) {
  return page.getByRole('list', { name: group, exact: true }).getByRole('listitem').filter({ has: page.getByRole('link', { name: accountName, exact: true }) });
}

async function openToday(page: Page) {
  await fixBrowserClock(page, NOW);
  await page.reload();
  await page.getByRole('navigation').getByText('Today').click();
  await expect(page.getByRole('heading', { name: 'Complaints' })).toBeVisible();
}

test('Today ranks the demo agenda and remembers what the rep did', async ({ browser }) => {
  test.setTimeout(240_000);
  app = await launchRounds(browser, { now: NOW, language: 'en' });
  await fixBrowserClock(app.page, NOW);
  await app.page.reload();
  await app.page.getByLabel('Your name').fill('Li Lei');
  await app.page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(app.page.getByText(/Loaded 60 accounts/)).toBeVisible({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Start using Rounds' }).click();
  await openToday(app.page);
  const page = app.page;

  // The groups come in the order of urgency, complaints past target first.
  const headings = await page.getByRole('main').getByRole('heading').allInnerTexts();
  const order = ['Complaints', "Today's visits", 'Overdue revisits', 'Due revisits', 'Important dates', 'Win back'].map((group) =>
    headings.findIndex((text) => text.startsWith(group)),
  );
  expect(order.every((index) => index >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  await expect(agendaRow(page, 'Complaints', '广州天成医疗科技有限责任公司')).toContainText(/hours? past target/);
  await expect(agendaRow(page, 'Overdue revisits', '杭州汇丰物流有限责任公司')).toContainText('91 days overdue');
  await expect(agendaRow(page, 'Important dates', '重庆盛世软件科技集团有限公司')).toContainText('何丽敏');

  // Mark a birthday greeted: WeChat and flowers.
  await agendaRow(page, 'Important dates', '重庆盛世软件科技集团有限公司').getByRole('button', { name: /Mark greeted/ }).click();
  const greeted = dialog(page, 'Mark greeted');
  await greeted.getByText('WeChat', { exact: true }).click();
  await greeted.getByRole('textbox', { name: 'Gift' }).fill('一束鲜花');
  await greeted.getByRole('button', { name: /Save|OK/ }).click();
  await expect(greeted).toBeHidden();
  await expect(agendaRow(page, 'Important dates', '重庆盛世软件科技集团有限公司')).toHaveCount(0);

  // Snooze an overdue revisit until tomorrow.
  await agendaRow(page, 'Overdue revisits', '杭州汇丰物流有限责任公司').getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('menuitem', { name: 'Until tomorrow' }).click();
  await expect(agendaRow(page, 'Overdue revisits', '杭州汇丰物流有限责任公司')).toHaveCount(0);

  // Log one of today's planned visits as done.
  await agendaRow(page, "Today's visits", '正泰新能源股份有限公司').getByRole('button', { name: /Log visit/ }).click();
  const logVisit = page.getByRole('dialog').last();
  await logVisit.getByLabel('Outcome').fill('季度回访完成');
  // It starts at the planned time, 11:00, still to come at 09:30: the rep says when it really took place.
  await expect(logVisit.getByLabel('Done at')).toHaveValue('2026-11-23 11:00');
  await logVisit.getByLabel('Done at').fill('2026-11-23 09:15');
  await logVisit.getByLabel('Done at').press('Enter');
  await logVisit.getByRole('button', { name: 'Save' }).click();
  await expect(logVisit).toBeHidden();
  await expect(agendaRow(page, "Today's visits", '正泰新能源股份有限公司')).toHaveCount(0);

  // After a restart the three stay done; the rest of the agenda is unchanged.
  await app.restart();
  await openToday(app.page);
  await expect(agendaRow(app.page, 'Important dates', '中国石油天然气股份有限公司重庆分公司')).toContainText('梁刚');
  await expect(agendaRow(app.page, 'Complaints', '广州天成医疗科技有限责任公司')).toBeVisible();
  await expect(agendaRow(app.page, 'Important dates', '重庆盛世软件科技集团有限公司')).toHaveCount(0);
  await expect(agendaRow(app.page, 'Overdue revisits', '杭州汇丰物流有限责任公司')).toHaveCount(0);
  await expect(agendaRow(app.page, "Today's visits", '正泰新能源股份有限公司')).toHaveCount(0);
});

test('Plan my week plans next week inside the working hours, and what was planned stays planned', async ({ browser }) => {
  test.setTimeout(240_000);
  app = await launchRounds(browser, { now: NOW, language: 'en' });
  await fixBrowserClock(app.page, NOW);
  await app.page.reload();
  await app.page.getByLabel('Your name').fill('Li Lei');
  await app.page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(app.page.getByText(/Loaded 60 accounts/)).toBeVisible({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Start using Rounds' }).click();
  await openToday(app.page);
  const page = app.page;

  await page.getByRole('button', { name: 'Plan my week' }).click();
  const plan = dialog(page, 'Plan my week');
  await expect(plan.getByTestId('a-tier-coverage')).toContainText(/A-tier falling due: \d+ accounts?, planned: \d+/);
  // This week from Monday 09:30: nothing proposed before now.
  const today = plan.getByRole('region', { name: 'Monday, Nov 23' });
  if ((await today.count()) > 0) {
    for (const box of await today.getByRole('checkbox').all()) {
      const name = (await box.getAttribute('aria-label')) ?? '';
      expect(name.match(/at (\d\d:\d\d)/)?.[1] ?? '').toMatch(/^(09:[3-5]\d|1\d:\d\d)$/);
    }
  }

  await plan.getByText('Next week', { exact: true }).click();
  await expect(plan.getByText('Mon, Nov 30 – Sun, Dec 6')).toBeVisible();
  await expect(plan.getByTestId('a-tier-coverage')).toContainText(/A-tier falling due: (\d+) accounts?, planned: \1$/);
  const scheduledLine = (scope: typeof plan) => scope.getByText(/^\d+ due accounts? already ha(s|ve) a visit planned$/);
  const scheduledBefore = (await scheduledLine(plan).count()) > 0 ? Number.parseInt(await scheduledLine(plan).innerText(), 10) : 0;
  const boxes = plan.getByRole('checkbox');
  const proposed = await boxes.count();
  expect(proposed).toBeGreaterThan(1);
  const dropped = ((await boxes.first().getAttribute('aria-label')) ?? '').replace(/^Keep (.*) at .*$/, '$1');
  await boxes.first().click();
  await plan.getByRole('button', { name: `Plan ${proposed - 1} visit${proposed - 1 === 1 ? '' : 's'}` }).click();
  await expect(plan).toBeHidden();

  // Planned: next week's proposal now holds only the dropped one among the accounts it proposed, the rest are in the schedule.
  await page.getByRole('button', { name: 'Plan my week' }).click();
  const again = dialog(page, 'Plan my week');
  await again.getByText('Next week', { exact: true }).click();
  await expect(again.getByText('Mon, Nov 30 – Sun, Dec 6')).toBeVisible();
  await expect(again.getByRole('checkbox', { name: new RegExp(`^Keep ${dropped} at`) })).toBeVisible();
  await expect(scheduledLine(again)).toHaveText(new RegExp(`^${scheduledBefore + proposed - 1} due account`));
});

test('Undo on Today reverses a greeting and a logged visit, away from the list’s buttons, and stays undone after a restart', async ({ browser }) => {
  test.setTimeout(240_000);
  app = await launchRounds(browser, { now: NOW, language: 'en' });
  await app.page.setViewportSize({ width: 1366, height: 768 });
  await fixBrowserClock(app.page, NOW);
  await app.page.reload();
  await app.page.getByLabel('Your name').fill('Li Lei');
  await app.page.getByRole('button', { name: 'Load demo data' }).click();
  await expect(app.page.getByText(/Loaded 60 accounts/)).toBeVisible({ timeout: 30_000 });
  await app.page.getByRole('button', { name: 'Start using Rounds' }).click();
  await openToday(app.page);
  const page = app.page;

  // The first date and the first planned visit of the day, whichever accounts they are.
  const firstDate = page.getByRole('list', { name: 'Important dates', exact: true }).getByRole('listitem').first();
  const dateAccount = await firstDate.getByRole('link').first().innerText();
  const birthday = agendaRow(page, 'Important dates', dateAccount);
  await birthday.getByRole('button', { name: /Mark greeted/ }).click();
  const greeted = dialog(page, 'Mark greeted');
  await greeted.getByRole('textbox', { name: 'Gift' }).fill('蛋糕');
  await greeted.getByRole('button', { name: /Save|OK/ }).click();
  await expect(greeted).toBeHidden();
  await expect(birthday).toHaveCount(0);

  // What was done and for whom, with Undo, in the header: it covers none of the agenda's buttons.
  const bar = page.getByTestId('undo-bar');
  await expect(bar).toContainText(new RegExp(`^Greeting marked: \\S+ · ${dateAccount.replace(/[()]/g, '\\$&')}`));
  const covered = await page.evaluate(() => {
    const bar = document.querySelector('[data-testid="undo-bar"]')!.getBoundingClientRect();
    const main = document.querySelector('main')!.getBoundingClientRect();
    return [...document.querySelectorAll('main button')].flatMap((button) => {
      const box = button.getBoundingClientRect();
      // Buttons scrolled out of the list's view are clipped, not covered.
      if (box.bottom <= main.top || box.top >= main.bottom) return [];
      const overlaps = box.left < bar.right && bar.left < box.right && box.top < bar.bottom && bar.top < box.bottom;
      return overlaps ? [button.textContent ?? ''] : [];
    });
  });
  expect(covered).toEqual([]);
  await bar.getByRole('button', { name: 'Undo' }).click();
  await expect(bar).toContainText('Undone: Greeting marked');
  await expect(birthday).toHaveCount(1);

  // Log one of today's planned visits, then undo: it is planned again.
  const visitAccount = await page.getByRole('list', { name: "Today's visits", exact: true }).getByRole('listitem').last().getByRole('link').first().innerText();
  const planned = agendaRow(page, "Today's visits", visitAccount);
  await planned.getByRole('button', { name: /Log visit/ }).click();
  const logVisit = page.getByRole('dialog').last();
  await logVisit.getByLabel('Done at').fill('2026-11-23 09:15');
  await logVisit.getByLabel('Done at').press('Enter');
  if (await logVisit.getByRole('button', { name: 'Save' }).isVisible()) await logVisit.getByRole('button', { name: 'Save' }).click();
  await expect(logVisit).toBeHidden();
  await expect(planned).toHaveCount(0);
  await expect(bar).toContainText(`Planned visit marked done: ${visitAccount}`);
  await bar.getByRole('button', { name: 'Undo' }).click();
  await expect(planned).toHaveCount(1);

  await app.restart();
  await openToday(app.page);
  await expect(agendaRow(app.page, 'Important dates', dateAccount)).toHaveCount(1);
  await expect(agendaRow(app.page, "Today's visits", visitAccount)).toHaveCount(1);
});
