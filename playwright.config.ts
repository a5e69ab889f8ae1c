/**
 * End-to-end tests (test/e2e). Each spec launches its own host through test/e2e/support/app.ts:
 *   ROUNDS_E2E_HOST=browser  (default) browser mode — the Node host over HTTP, driven in Debian Chromium
 *   ROUNDS_E2E_HOST=electron the desktop app via Playwright's `_electron.launch`, where the Electron
 *                            runtime is installed (run `npm run build` first; `npm run test:e2e` does)
 * Playwright's own browsers are never downloaded: the browser is found by test/support/browser.ts
 * (ROUNDS_CHROMIUM, Playwright's Chromium if installed, else a system Chromium, Chrome or Edge). The
 * sync specs' PostgreSQL is ROUNDS_TEST_DATABASE_URL, else an embedded one the global setup starts.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NoBrowserError } from './test/support/browser.js';

const host = process.env.ROUNDS_E2E_HOST === 'electron' ? 'electron' : 'browser';

function browserExecutable(): string | undefined {
  if (host === 'electron') return undefined;
  try {
    return findChromium();
  } catch (error) {
    if (!(error instanceof NoBrowserError)) throw error;
    // One line that says what to install, not a stack trace.
    console.error(error.message);
    process.exit(1);
  }
}

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/support/playwrightGlobalSetup.ts',
  outputDir: 'test-results',
  // The machines have 2 cores, and every spec runs its own host process.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  metadata: { host },
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // The same zone the e2e support gives the host, so "today" agrees on both sides.
    timezoneId: process.env.TZ ?? 'Asia/Shanghai',
    launchOptions: { executablePath: browserExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: host }],
});
