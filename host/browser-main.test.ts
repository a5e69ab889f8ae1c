/** The real browser-mode process on a real database: what `npm start` runs where Electron is missing. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE } from './lock.js';

const root = path.resolve(import.meta.dirname, '..');
const entry = ['--import', 'tsx', path.join(root, 'host', 'browser-main.ts')];
const children: ChildProcess[] = [];

function launch(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...entry, '--data-dir', dataDir, '--no-open'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Rounds is running at (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('browser mode', () => {
  it('serves the API with its token, refuses a second instance, and releases the folder on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-browser-main-'));
    const { child, url } = await launch(dataDir);
    const { origin, hash } = new URL(url);
    const launchCode = hash.replace('#launch=', '');
    const session = await fetch(`${origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ launch: launchCode }) });
    const { token } = (await session.json()) as { token: string };

    const status = await fetch(`${origin}/api/app.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-rounds-token': token }, body: '{}' });
    expect(await status.json()).toEqual({ ok: true, value: { state: 'ready' } });
    const forged = await fetch(`${origin}/api/app.status`, { method: 'POST', headers: { 'x-rounds-token': 'guess' } });
    expect(forged.status).toBe(401);

    const second = spawnSync(process.execPath, [...entry, '--data-dir', dataDir, '--no-open'], { cwd: root, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Rounds is already running on this data folder (pid ${child.pid})`);

    const exited = exitOf(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'rounds.sqlite'))).toBe(true);
  });
});
