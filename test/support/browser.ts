/**
 * The Chromium-family browser the end-to-end tests and the browser benchmark drive. Playwright's own
 * browsers cannot be downloaded on every machine (this project's build machines have no network but
 * npm's registry), so the first of these that exists is used: ROUNDS_CHROMIUM, Playwright's installed
 * Chromium, then a system Chromium, Chrome or Edge.
 */
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_BROWSERS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/usr/bin/microsoft-edge', '/usr/bin/microsoft-edge-stable'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
};

/** Without the background-networking switches Chromium floods a closed network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export class NoBrowserError extends Error {}

function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** The browser's executable; throws `NoBrowserError` (one line saying what to install) when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, exists: (file: string) => boolean = fs.existsSync): string {
  if (env.ROUNDS_CHROMIUM) {
    if (exists(env.ROUNDS_CHROMIUM)) return env.ROUNDS_CHROMIUM;
    throw new NoBrowserError(`ROUNDS_CHROMIUM names ${env.ROUNDS_CHROMIUM}, which does not exist.`);
  }
  const candidates = [playwrightChromium(), ...(SYSTEM_BROWSERS[platform] ?? [])].filter((file): file is string => !!file);
  const found = candidates.find((file) => exists(file));
  if (found) return found;
  throw new NoBrowserError('No Chromium-family browser for the end-to-end tests: install Chromium (Debian: apt-get install chromium), Google Chrome or Microsoft Edge, or set ROUNDS_CHROMIUM to one.');
}
