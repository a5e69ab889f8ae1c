/**
 * `kill -9` of the app (the laptop's half; the server's is `test/sync/server/postgresProcesses.test.ts`):
 * a child process writes a note and an account edit through the repo and is SIGKILLed (a) before any
 * sync, (b) while its push is in flight after the server committed it. Reopening the data folder and
 * syncing loses nothing and applies nothing twice. Real sign-in, real server (PGlite in memory) over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../core/sync/protocol.js';
import { main } from '../../../cli/main.js';
import type { CliIo } from '../../../cli/io.js';
import { openDataFolderDatabase } from '../../../cli/database.js';
import type { Db } from '../../../db/connection.js';
import { insertAccount } from '../../../db/repo/accounts.js';
import { getNote } from '../../../db/repo/notes.js';
import { SyncController } from '../../../db/sync/controller.js';
import { countPending } from '../../../db/synced/outbox.js';
import { fileTokenStore } from '../../../db/sync/tokens.js';
import { buildSyncServer } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { addUser } from '../../../server/users.js';

const CHILD = fileURLToPath(new URL('./killedAppChild.ts', import.meta.url));
const PASSWORD = 'correct horse battery';

interface Written {
  noteId: string;
  body: string;
  city: string;
}

let store: SqlClient;
let app: FastifyInstance;
let serverUrl: string;
const dirs: string[] = [];

beforeAll(async () => {
  store = await openStore({ memory: true });
  await addUser(store, { username: 'zhou', role: 'rep', teamName: 'South', password: PASSWORD });
  app = buildSyncServer({ store, tokenSecret: 'killed-app-test-secret-0123456789', throttle: { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } });
  serverUrl = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  await app.close();
  await store.close();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function quietIo(env: NodeJS.ProcessEnv = {}): CliIo {
  return { stdout: () => undefined, stderr: () => undefined, env, now: () => new Date() };
}

/** A data folder signed in with `rounds login` (tokens in its 0600 file) holding one account already on the server. */
async function signedInFolderWithAccount(): Promise<{ dir: string; accountId: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-killed-app-'));
  dirs.push(dir);
  expect(await main(['--data-dir', dir, 'login', '--server', serverUrl, '--user', 'zhou'], quietIo({ ROUNDS_PASSWORD: PASSWORD }))).toBe(0);
  const db = openDataFolderDatabase(dir);
  const account = insertAccount(db, { name: `岭南医药 ${path.basename(dir)}`, tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: '广州', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, new Date().toISOString());
  db.close();
  expect(await main(['--data-dir', dir, 'sync'], quietIo())).toBe(0);
  return { dir, accountId: account.id };
}

function pointFolderAt(dir: string, url: string): void {
  const db = openDataFolderDatabase(dir);
  db.prepare('UPDATE sync_state SET server_url = ?').run(url);
  db.close();
}

/** Starts the app's child process and resolves with what it wrote once it has committed it. */
function startChild(dir: string, accountId: string, mode: 'write' | 'write-and-sync'): { child: ChildProcess; written: Promise<Written> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, accountId, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const written = new Promise<Written>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('{'));
      if (line && output.includes('\n')) resolve(JSON.parse(line) as Written);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code, signal) => reject(new Error(`child exited (${code ?? signal}) before writing: ${output}`)));
  });
  return { child, written };
}

/** SIGKILL, and the signal the child died of. */
function killHard(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => {
    child.once('exit', (_code, signal) => resolve(signal));
    child.kill('SIGKILL');
  });
}

/**
 * Between the app and the server: forwards every request, but a push only upstream — once the server
 * has answered (so it committed), the app never hears back. `pushCommitted` resolves with that answer.
 */
async function swallowingPushProxy(upstream: string): Promise<{ url: string; pushCommitted: Promise<PushResponse>; close(): Promise<void> }> {
  let committed!: (answer: PushResponse) => void;
  const pushCommitted = new Promise<PushResponse>((resolve) => (committed = resolve));
  const proxy = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      fetch(`${upstream}${request.url}`, { method: request.method, headers, body: chunks.length > 0 ? Buffer.concat(chunks) : undefined })
        .then(async (answer) => {
          const body = await answer.text();
          if (request.url === '/v1/sync/push') return committed(JSON.parse(body) as PushResponse);
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(body);
        })
        .catch(() => response.writeHead(502).end());
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
    pushCommitted,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections(); // the swallowed push's socket is still open
        proxy.close(() => resolve());
      }),
  };
}

async function serverRows(accountId: string): Promise<{ notes: Array<{ id: string; body: string }>; city: string; accountVersion: number; teamVersion: number }> {
  const notes = await store.query<{ id: string; body: string }>(`SELECT id, data->>'body' AS body FROM sync_rows WHERE table_name = 'notes' AND account_id = $1`, [accountId]);
  const [account] = await store.query<{ city: string; version: string }>(`SELECT data->>'city' AS city, version FROM sync_rows WHERE table_name = 'accounts' AND id = $1`, [accountId]);
  const [team] = await store.query<{ last_version: string }>(`SELECT last_version FROM teams WHERE name = 'South'`);
  return { notes, city: account!.city, accountVersion: Number(account!.version), teamVersion: Number(team!.last_version) };
}

function expectKeptLocally(db: Db, accountId: string, written: Written): void {
  expect(getNote(db, written.noteId)).toMatchObject({ body: written.body, deletedAt: null });
  expect(db.prepare('SELECT city FROM accounts WHERE id = ?').pluck().get(accountId)).toBe(written.city);
  expect(countPending(db)).toBe(0);
}

describe('the app killed with kill -9', () => {
  it('right after a local write, before any sync: the next opening of the folder pushes each change exactly once', async () => {
    const { dir, accountId } = await signedInFolderWithAccount();
    const { child, written } = startChild(dir, accountId, 'write');
    const wrote = await written;
    expect(await killHard(child)).toBe('SIGKILL');
    expect((await serverRows(accountId)).notes).toEqual([]);

    // A fresh process would do the same: `rounds sync` opens the folder (taking over the dead child's lock).
    expect(await main(['--data-dir', dir, 'sync'], quietIo())).toBe(0);
    const after = await serverRows(accountId);
    expect(after.notes).toEqual([{ id: wrote.noteId, body: wrote.body }]);
    expect(after.city).toBe(wrote.city);

    // Syncing again sends nothing more.
    expect(await main(['--data-dir', dir, 'sync'], quietIo())).toBe(0);
    expect(await serverRows(accountId)).toEqual(after);
    const db = openDataFolderDatabase(dir);
    expectKeptLocally(db, accountId, wrote);
    db.close();
  }, 60_000);

  it('while its push is in flight after the server committed it: the retry is answered duplicate and applies nothing twice', async () => {
    const { dir, accountId } = await signedInFolderWithAccount();
    const proxy = await swallowingPushProxy(serverUrl);
    try {
      pointFolderAt(dir, proxy.url);
      const { child, written } = startChild(dir, accountId, 'write-and-sync');
      const wrote = await written;
      const committed = await proxy.pushCommitted;
      expect(committed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
      const atKill = await serverRows(accountId);
      expect(await killHard(child)).toBe('SIGKILL');
      expect(atKill.notes).toEqual([{ id: wrote.noteId, body: wrote.body }]);
      expect(atKill.city).toBe(wrote.city);

      // Reopen the folder and sync straight to the server, watching what its push is answered.
      pointFolderAt(dir, serverUrl);
      const pushAnswers: PushResponse[] = [];
      const watchingFetch: typeof fetch = async (input, init) => {
        const response = await fetch(input, init);
        if (String(input).endsWith('/v1/sync/push')) pushAnswers.push((await response.clone().json()) as PushResponse);
        return response;
      };
      const db = openDataFolderDatabase(dir);
      try {
        expect(countPending(db)).toBe(2);
        const controller = new SyncController({ db, tokens: fileTokenStore(dir), fetch: watchingFetch, autoSync: false });
        await controller.runOnce();
        expect(pushAnswers).toHaveLength(1);
        expect(pushAnswers[0]!.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
        // The same rows at the same versions, and the team's counter did not move: nothing applied twice.
        expect(await serverRows(accountId)).toEqual(atKill);
        expectKeptLocally(db, accountId, wrote);
      } finally {
        db.close();
      }
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
