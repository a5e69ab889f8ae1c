/** The real browser-mode process (`host/browser-main.ts`, what `npm start` runs where Electron is missing), for tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** node's arguments that run browser mode */
export const BROWSER_MAIN = ['--import', 'tsx', path.join(ROOT, 'host', 'browser-main.ts')];

export interface BrowserProcess {
  child: ChildProcess;
  /** the URL it printed */
  url: string;
}

/** Registers killing what it launched after each test; returns `launch`, which resolves once the URL is printed. */
export function useBrowserProcesses(): (args: string[], env?: NodeJS.ProcessEnv) => Promise<BrowserProcess> {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });
  return (args, env = process.env) => {
    const child = spawn(process.execPath, [...BROWSER_MAIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
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
  };
}

/** Trades a launch code for the token at `origin` (`POST /session`). */
export function exchangeLaunchCode(origin: string, launch: string): Promise<Response> {
  return fetch(`${origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ launch }) });
}
