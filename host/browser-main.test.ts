/** The real browser-mode process on a real database: what `npm start` runs where Electron is missing. */
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from './lock.js';
import { BROWSER_MAIN, exchangeLaunchCode, ROOT, useBrowserProcesses } from './testing/browserProcess.js';

const launch = useBrowserProcesses();

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('browser mode', () => {
  it('serves the API with its token, refuses a second instance, and releases the folder on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-browser-main-'));
    const { child, url } = await launch(['--data-dir', dataDir, '--no-open']);
    const { origin, hash } = new URL(url);
    const launchCode = hash.replace('#launch=', '');
    const session = await exchangeLaunchCode(origin, launchCode);
    const { token } = (await session.json()) as { token: string };

    const status = await fetch(`${origin}/api/app.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rounds-token': token }, body: '{}' });
    expect(await status.json()).toEqual({ ok: true, value: { state: 'ready' } });
    const forged = await fetch(`${origin}/api/app.status`, { method: 'POST', headers: { 'x-rounds-token': 'guess' } });
    expect(forged.status).toBe(401);

    const second = spawnSync(process.execPath, [...BROWSER_MAIN, '--data-dir', dataDir, '--no-open'], { cwd: ROOT, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Rounds is already running on this data folder (pid ${child.pid})`);

    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'rounds.sqlite'))).toBe(true);
  });
});
