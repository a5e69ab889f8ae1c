/**
 * Launches Rounds for an end-to-end spec, in whichever host `ROUNDS_E2E_HOST` names:
 * `browser` (default; the Node host over HTTP, driven in Chromium) or `electron` (where the runtime exists).
 * Specs only see `RoundsApp`, so the same spec runs against both hosts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, type Browser, type Page, type ElectronApplication } from '@playwright/test';

export interface RoundsApp {
  page: Page;
  dataDir: string;
  /** Stops the app (as a user quitting it) and starts it again on the same data folder. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Fixed "now" for the app (ISO instant), so Today is deterministic. */
  now?: string;
  dataDir?: string;
  language?: 'zh-CN' | 'en';
}

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const URL_PATTERN = /(http:\/\/127\.0\.0\.1:\d+\/#launch=[A-Za-z0-9_-]+)/;

export function newDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-e2e-'));
}

function hostEnv(options: LaunchOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...(options.now ? { ROUNDS_NOW: options.now } : {}),
    LANG: options.language === 'en' ? 'en_US.UTF-8' : 'zh_CN.UTF-8',
    TZ: process.env.TZ ?? 'Asia/Shanghai',
  };
}

async function startBrowserHost(dataDir: string, options: LaunchOptions): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'host/browser-main.ts', '--data-dir', dataDir, '--port', '0', '--no-open'], {
    cwd: repoRoot,
    env: hostEnv(options),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host did not print its URL within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_PATTERN.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code} before it was ready:\n${output}`));
    });
  });
  return { child, url };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function launchInBrowser(browser: Browser, options: LaunchOptions): Promise<RoundsApp> {
  const dataDir = options.dataDir ?? newDataDir();
  // The screen of the laptops reps carry: every spec, and every screenshot, at 1366×768.
  const context = await browser.newContext({ locale: options.language ?? 'zh-CN', viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  let host = await startBrowserHost(dataDir, options);
  await page.goto(host.url);
  return {
    page,
    dataDir,
    async restart() {
      await stopChild(host.child);
      host = await startBrowserHost(dataDir, options);
      await page.goto(host.url);
    },
    async close() {
      await context.close();
      await stopChild(host.child);
    },
  };
}

async function launchInElectron(options: LaunchOptions): Promise<RoundsApp> {
  const dataDir = options.dataDir ?? newDataDir();
  const start = () =>
    _electron.launch({ args: [path.join(repoRoot, 'dist/electron/main.cjs'), '--data-dir', dataDir], cwd: repoRoot, env: hostEnv(options) as Record<string, string> });
  let app: ElectronApplication = await start();
  const holder: RoundsApp = {
    page: await app.firstWindow(),
    dataDir,
    async restart() {
      await app.close();
      app = await start();
      holder.page = await app.firstWindow();
    },
    async close() {
      await app.close();
    },
  };
  return holder;
}

export async function launchRounds(browser: Browser, options: LaunchOptions = {}): Promise<RoundsApp> {
  return process.env.ROUNDS_E2E_HOST === 'electron' ? launchInElectron(options) : launchInBrowser(browser, options);
}
