/**
 * Every screen, in both languages, on demo data: an accessibility scan (no serious or critical
 * violations), no untranslated i18n keys on screen, and a screenshot for people to look at
 * (test-results/screens/<language>-<screen>.png).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { launchRounds, type RoundsApp } from './support/app.js';
import { fixBrowserClock } from './support/ui.js';

const NOW = '2026-11-23T01:30:00.000Z';
const LANGUAGES = [
  {
    code: 'zh-CN', start: '开始使用巡访', loadDemo: '加载演示数据', demoLoaded: /已加载 \d+ 个客户|演示数据已加载/, name: '李雷', visitLog: '拜访记录', demoTitle: '这台电脑上有演示数据', removeDemo: '移除演示数据',
    importButton: '从 Excel/CSV 导入', sample: '前几行将这样读取', headerRow: '第 3 行：客户名称',
  },
  {
    code: 'en', start: 'Start using Rounds', loadDemo: 'Load demo data', demoLoaded: /Loaded \d+ accounts|The demo data is loaded/, name: 'Li Lei', visitLog: 'Visit log', demoTitle: 'Demo data on this laptop', removeDemo: 'Remove demo data',
    importButton: 'Import from Excel/CSV', sample: 'How the first rows will be read', headerRow: 'Line 3: 客户名称',
  },
] as const;

/** Text that looks like an i18n key leaking through (`enum.tier.A`, `validation.required`, `today.title`). */
const RAW_KEY = /\b(enum|validation|errors|today|accounts|account|settings|calendar|festival|common|reminders|complaints|sync|onboarding)\.[a-z][\w.]*\b/;

/** Axe judges colours as rendered: a popup caught mid-fade would read as low contrast. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
}

async function checkScreen(page: Page, language: string, screen: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await settle(page);
  await expect(page.getByRole('main')).toBeVisible();
  const text = await page.locator('body').innerText();
  expect(text, `untranslated key on ${screen}`).not.toMatch(RAW_KEY);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0]?.target.join(' ')})`), `axe on ${screen} (${language})`).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${language}-${screen}.png`, fullPage: false });
}

for (const language of LANGUAGES) {
  test.describe(`every screen in ${language.code}`, () => {
    let app: RoundsApp;
    test.afterEach(async () => {
      await app?.close();
    });

    test(`is accessible, translated and captured (${language.code})`, async ({ browser }) => {
      test.setTimeout(360_000);
      app = await launchRounds(browser, { now: NOW, language: language.code });
      const { page } = app;
      await fixBrowserClock(page, NOW);
      await page.reload();

      await expect(page.getByRole('button', { name: language.start })).toBeVisible();
      const onboardingScan = await new AxeBuilder({ page }).analyze();
      expect(onboardingScan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await page.screenshot({ path: `test-results/screens/${language.code}-onboarding.png` });
      await page.getByRole('textbox').first().fill(language.name);
      await page.getByRole('button', { name: language.loadDemo }).click();
      await expect(page.getByText(/60/).first()).toBeVisible({ timeout: 30_000 });
      // A reload before starting: the demo data is not offered a second time.
      await page.reload();
      await expect(page.getByText(language.demoLoaded)).toBeVisible();
      await expect(page.getByRole('button', { name: language.loadDemo })).toHaveCount(0);
      await page.getByRole('textbox').first().fill(language.name);
      await page.getByRole('button', { name: language.start }).click();

      const nav = page.getByRole('navigation');
      const items = nav.getByRole('menuitem');
      await expect(items.first()).toBeVisible();
      const count = await items.count();
      expect(count).toBeGreaterThanOrEqual(4);
      for (let index = 0; index < count; index += 1) {
        await items.nth(index).click();
        await checkScreen(page, language.code, `nav-${index + 1}`);
      }

      // The Team screen's visit log tab (its filters and "export this list").
      await page.goto(page.url().replace(/\?.*$/, '?r=team'));
      await page.getByRole('tab', { name: language.visitLog }).click();
      await expect(page.getByRole('tabpanel').locator('.ant-table-row').first()).toBeVisible();
      await checkScreen(page, language.code, 'team-visit-log');

      // An account page and each of its tabs.
      await page.goto(page.url().replace(/\?.*$/, '?r=accounts'));
      await page.getByRole('main').getByRole('link').first().click();
      await expect(page.getByRole('tablist')).toBeVisible();
      const tabs = page.getByRole('tab');
      const tabCount = await tabs.count();
      for (let index = 0; index < tabCount; index += 1) {
        await tabs.nth(index).click();
        await checkScreen(page, language.code, `account-tab-${index + 1}`);
      }

      // The import, opened from Accounts, on a hand-kept sheet: a merged title row above the headers.
      await page.goto(page.url().replace(/\?.*$/, '?r=accounts'));
      await page.getByRole('button', { name: language.importButton }).click();
      await page.locator('input[type=file]').setInputFiles(await titledWorkbook());
      await expect(page.getByText(language.sample)).toBeVisible();
      await expect(page.getByRole('combobox').first()).toBeVisible();
      await expect(page.getByText(language.headerRow)).toBeVisible();
      await checkScreen(page, language.code, 'import-header-row-sample');

      // Quick search palette.
      await page.keyboard.press('Control+k');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.type('zg');
      await checkScreenDialog(page, language.code, 'search-palette');
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();

      // Before sign-in, Settings says the demo data stays on this laptop and offers to remove it (asking first).
      await page.goto(page.url().replace(/\?.*$/, '?r=settings'));
      const notice = page.getByRole('alert').filter({ hasText: language.demoTitle });
      await notice.scrollIntoViewIfNeeded();
      await checkScreen(page, language.code, 'settings-demo-notice');
      await notice.getByRole('button', { name: language.removeDemo }).click();
      const removeButtons = page.getByRole('button', { name: language.removeDemo });
      await expect(removeButtons).toHaveCount(2);
      await checkScreenDialog(page, language.code, 'settings-demo-remove-confirm');
      await removeButtons.last().click();
      await expect(notice).toBeHidden();
    });
  });
}

/**
 * Small laptop screens: at 1024×640 the navigation is icons only, and at both 1024×640 and 1366×768 the
 * tallest form dialog (Log as done, with the visit's summary and a note) keeps its Save button inside the
 * window; Esc on it once something is typed asks before discarding.
 */
const SMALL_SCREENS = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
] as const;
const DIALOG_TEXT = {
  'zh-CN': { todaysVisits: '今日拜访', logVisit: '记录拜访', save: /^保\s?存$/, outcome: '结果', discard: /^放\s?弃$/, asks: /^放弃对“记为已完成：.+ 的拜访”的修改？$/ },
  en: { todaysVisits: "Today's visits", logVisit: 'Log visit', save: /^Save$/, outcome: 'Outcome', discard: /^Discard$/, asks: /^Discard changes to “Log as done: the visit to .+”\?$/ },
} as const;

for (const language of LANGUAGES) {
  for (const size of SMALL_SCREENS) {
    test(`the log-as-done dialog fits ${size.width}×${size.height} (${language.code})`, async ({ browser }) => {
      test.setTimeout(180_000);
      const text = DIALOG_TEXT[language.code];
      const app = await launchRounds(browser, { now: NOW, language: language.code });
      try {
        const { page } = app;
        await page.setViewportSize(size);
        await fixBrowserClock(page, NOW);
        await page.reload();
        await page.getByRole('textbox').first().fill(language.name);
        await page.getByRole('button', { name: language.loadDemo }).click();
        await expect(page.getByText(/60/).first()).toBeVisible({ timeout: 30_000 });
        await page.getByRole('textbox').first().fill(language.name);
        await page.getByRole('button', { name: language.start }).click();

        await expect(page.locator('.ant-layout-sider-collapsed')).toHaveCount(size.width < 1200 ? 1 : 0);
        const visits = page.locator('.ant-card', { hasText: text.todaysVisits });
        await visits.getByRole('button', { name: text.logVisit }).first().click();
        const dialog = page.getByRole('dialog');
        await expect(dialog.getByTestId('dialog-subject')).toBeVisible();
        await settle(page);
        const save = dialog.getByRole('button', { name: text.save });
        await expect(save).toBeInViewport({ ratio: 1 });
        const box = (await save.boundingBox())!;
        expect(box.y + box.height, 'Save button bottom edge').toBeLessThanOrEqual(size.height);
        await page.screenshot({ path: `test-results/screens/${language.code}-log-as-done-${size.width}x${size.height}.png` });

        await dialog.getByLabel(text.outcome).fill('…');
        await page.keyboard.press('Escape');
        await expect(page.locator('.ant-modal-confirm-title')).toHaveText(text.asks);
        await page.screenshot({ path: `test-results/screens/${language.code}-discard-${size.width}x${size.height}.png` });
        await page.getByRole('button', { name: text.discard }).click();
        await expect(dialog).toHaveCount(0);
      } finally {
        await app.close();
      }
    });
  }
}

/** A customer list kept by hand: a title merged across the sheet, a blank row, then the headers. */
async function titledWorkbook(): Promise<{ name: string; mimeType: string; buffer: Buffer }> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('华东区');
  sheet.addRow(['2026年 华东区重点客户名单']);
  sheet.mergeCells('A1:E1');
  sheet.addRow([]);
  sheet.addRow(['客户名称', '城市', '客户等级', '联系人', '农历生日']);
  sheet.addRow(['苏州恒信精密机械有限公司', '苏州', 'A类', '张伟', '农历八月十五']);
  sheet.addRow(['宁波永安化工有限公司', '宁波', 'D', '王强', '腊月廿三']);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { name: '华东区客户.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer };
}

async function checkScreenDialog(page: Page, language: string, screen: string): Promise<void> {
  await settle(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`), `axe on ${screen} (${language})`).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${language}-${screen}.png` });
}
