/**
 * Two laptops of one rep and a sync server (issue 4): a note written while the server is away waits
 * in the outbox (the status bar shows it pending), reaches the server when it is back, and appears on
 * the other laptop — the status bar going from pending to synced.
 */
import { expect, test, type Page } from '@playwright/test';
import { launchRounds, type RoundsApp } from './support/app.js';
import { addUser, startSyncServer, type SyncServer } from './support/syncServer.js';
import { dialog } from './support/ui.js';

const ACCOUNT = '杭州云栖软件科技有限公司';
const NOTE = '离线时写的笔记：客户想要二期报价 (offline note)';
let server: SyncServer | undefined;
const apps: RoundsApp[] = [];

test.afterEach(async () => {
  for (const app of apps.splice(0)) await app.close();
  await server?.stop();
});

async function onboardAndSignIn(page: Page, serverUrl: string): Promise<void> {
  await page.getByLabel('Your name').fill('Zhang Wei');
  await page.getByRole('button', { name: 'Start using Rounds' }).click();
  await page.getByRole('navigation').getByText('Settings').click();
  await page.getByLabel('Server address').fill(serverUrl);
  await page.getByLabel('User name').fill('zhangwei');
  await page.locator('input[type=password]').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status').getByText('Synced')).toBeVisible({ timeout: 30_000 });
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('navigation').getByText('Settings').click();
  await page.getByRole('button', { name: 'Sync now' }).click();
}

test('a note written offline on one laptop reaches the other after reconnecting', async ({ browser }) => {
  test.setTimeout(300_000);
  // Users are added before the server starts: the embedded store has one process at a time.
  const started = await startSyncServer((dataDir) => addUser(dataDir, 'zhangwei', 'correct horse battery', 'rep', '华东'));
  server = started;

  const laptop = await launchRounds(browser, { language: 'en' });
  apps.push(laptop);
  const desktop = await launchRounds(browser, { language: 'en' });
  apps.push(desktop);
  await onboardAndSignIn(laptop.page, started.url);
  await onboardAndSignIn(desktop.page, started.url);

  // An account made on the laptop reaches the desktop.
  const a = laptop.page;
  await a.getByRole('navigation').getByText('Accounts').click();
  await a.getByRole('button', { name: 'New account' }).first().click();
  const form = dialog(a, 'New account');
  await form.getByLabel('Name', { exact: true }).fill(ACCOUNT);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(a.getByRole('heading', { name: ACCOUNT })).toBeVisible();
  await syncNow(a);
  await expect(a.getByRole('status').getByText('Synced')).toBeVisible({ timeout: 30_000 });
  await syncNow(desktop.page);
  await desktop.page.getByRole('navigation').getByText('Accounts').click();
  await expect(desktop.page.getByRole('link', { name: ACCOUNT })).toBeVisible({ timeout: 30_000 });

  // The server goes away; the laptop writes a note, which waits in the outbox.
  await started.stop();
  await a.getByRole('navigation').getByText('Accounts').click();
  await a.getByRole('link', { name: ACCOUNT }).click();
  await a.getByRole('button', { name: 'New note' }).click();
  const noteForm = dialog(a, 'New note');
  await noteForm.getByLabel('Note', { exact: true }).fill(NOTE);
  await noteForm.getByRole('button', { name: 'Save' }).click();
  await expect(noteForm).toBeHidden();
  await syncNow(a);
  await expect(a.getByRole('status').getByText('1 to send')).toBeVisible({ timeout: 30_000 });

  // The server is back: the laptop sends, the desktop receives.
  await started.start();
  await syncNow(a);
  await expect(a.getByRole('status').getByText('Synced')).toBeVisible({ timeout: 30_000 });
  await expect(a.getByRole('status').getByText('1 to send')).toBeHidden();
  await syncNow(desktop.page);
  await desktop.page.getByRole('navigation').getByText('Accounts').click();
  await desktop.page.getByRole('link', { name: ACCOUNT }).click();
  await desktop.page.getByRole('tab', { name: /Notes/ }).click();
  await expect(desktop.page.getByRole('tabpanel', { name: /Notes/ }).getByText(NOTE)).toBeVisible({ timeout: 30_000 });
});
