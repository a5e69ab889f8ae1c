/** A real `rounds serve` (embedded PGlite in a temp folder) for end-to-end sync specs, on 127.0.0.1 only. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const rounds = (args: string[]) => [process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args]] as const;

export interface SyncServer {
  url: string;
  stop(): Promise<void>;
  /** starts again on the same data folder and port (a server that went away and came back) */
  start(): Promise<void>;
}

export function addUser(dataDir: string, username: string, password: string, role: 'rep' | 'lead', team: string): void {
  const [node, args] = rounds(['user', 'add', '--data-dir', dataDir, '--role', role, '--team', team, username]);
  execFileSync(node, args, { cwd: repoRoot, env: { ...process.env, ROUNDS_PASSWORD: password }, stdio: 'pipe' });
}

export async function startSyncServer(prepare: (dataDir: string) => void): Promise<SyncServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-e2e-server-'));
  prepare(dataDir);
  let child: ChildProcess | null = null;
  let port = '0';
  let url = '';
  const start = async () => {
    const [node, args] = rounds(['serve', '--data-dir', dataDir, '--port', port]);
    child = spawn(node, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`sync server did not start within 60 s:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
        if (match?.[1] && match[2]) {
          clearTimeout(timer);
          port = match[2];
          resolve(match[1]);
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => reject(new Error(`sync server exited with ${code}:\n${output}`)));
    });
  };
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (running.exitCode === null) running.kill('SIGKILL');
  };
  await start();
  return {
    get url() {
      return url;
    },
    start,
    stop,
  };
}
