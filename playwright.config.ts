/**
 * End-to-end tests (test/e2e). Each spec launches its own host through test/e2e/support/app.ts:
 *   ROUNDS_E2E_HOST=browser  (default) browser mode — the Node host over HTTP, driven in Debian Chromium
 *   ROUNDS_E2E_HOST=electron the desktop app via Playwright's `_electron.launch`, where the Electron
 *                            runtime is installed (run `npm run build` first; `npm run test:e2e` does)
 * Playwright's own browsers are never downloaded: Chromium comes from Debian (`apt-get install chromium`).
 */
import { defineConfig } from '@playwright/test';

const host = process.env.ROUNDS_E2E_HOST === 'electron' ? 'electron' : 'browser';

export default defineConfig({
  testDir: 'test/e2e',
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
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      // Without the background-networking switches Chromium floods the closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  projects: [{ name: host }],
});
