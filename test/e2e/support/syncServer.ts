/**
 * A real `rounds serve` for end-to-end sync specs, on 127.0.0.1 only, over a scratch database of the
 * local PostgreSQL test server (ROUNDS_TEST_DATABASE_URL, as the sync server tests use). The embedded
 * PGlite store would cost each spec its initialisation (5 s on an idle machine, several times that on
 * a busy one); PGlite itself is covered by the sync server tests (test/sync/server).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UserRole } from '../../../core/sync/protocol.js';
import { openStore } from '../../../server/store/open.js';
import { addUser } from '../../../server/users.js';
import { createScratchDatabase } from '../../sync/server/backends.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');

export interface TeamUser {
  username: string;
  password: string;
  role: UserRole;
  team: string;
  /** the name the team sees; the username by default */
  displayName?: string;
}

export interface SyncServer {
  url: string;
  stop(): Promise<void>;
  /** starts again on the same database and port (a server that went away and came back) */
  start(): Promise<void>;
  /** stops it for good and drops its database */
  close(): Promise<void>;
}

async function addUsers(databaseUrl: string, users: readonly TeamUser[]): Promise<void> {
  const store = await openStore({ databaseUrl });
  try {
    for (const user of users) {
      await addUser(store, { username: user.username, password: user.password, role: user.role, teamName: user.team, ...(user.displayName ? { displayName: user.displayName } : {}) });
    }
  } finally {
    await store.close();
  }
}

export async function startSyncServer(users: readonly TeamUser[]): Promise<SyncServer> {
  const database = await createScratchDatabase();
  await addUsers(database.databaseUrl, users);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-e2e-server-'));
  let child: ChildProcess | null = null;
  let port = '0';
  let url = '';
  const start = async () => {
    // As an operator runs it: the launcher, on the bundle `npm run test:e2e` has just built.
    child = spawn(process.execPath, ['cli/bin/rounds.mjs', 'serve', '--data-dir', dataDir, '--database-url', database.databaseUrl, '--port', port], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    async close() {
      await stop();
      await database.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
