/**
 * Live team sync against the real sync server (`server/`, PGlite in memory, over real HTTP): the
 * laptop's change-stream client and the server's `GET /v1/sync/events` agree: a note saved on one
 * laptop reaches another that is only listening.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { databasePathIn } from '../../../db/paths.js';
import { insertAccount } from '../../../db/repo/accounts.js';
import { insertNote } from '../../../db/repo/notes.js';
import { SyncController } from '../../../db/sync/controller.js';
import { memoryTokenStore } from '../../../db/sync/tokens.js';
import { buildSyncServer } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { addUser } from '../../../server/users.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-23T02:00:00.000Z';
let store: SqlClient;
let app: FastifyInstance;
let url: string;
const laptops: Array<{ db: Db; controller: SyncController; dir: string }> = [];

beforeAll(async () => {
  store = await openStore({ memory: true });
  await addUser(store, { username: 'wang', role: 'rep', teamName: 'East', password: PASSWORD });
  await addUser(store, { username: 'li', role: 'lead', teamName: 'East', password: PASSWORD });
  app = buildSyncServer({ store, tokenSecret: 'live-test-secret-0123456789abc', throttle: { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterAll(async () => {
  for (const { controller, db, dir } of laptops) {
    controller.stop();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await app.close();
  await store.close();
});

async function laptop(username: string): Promise<{ db: Db; controller: SyncController }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-live-real-'));
  const db = openDatabase(databasePathIn(dir));
  const controller = new SyncController({ db, tokens: memoryTokenStore(), pushQuietMs: 20, pushMaxWaitMs: 40 });
  laptops.push({ db, controller, dir });
  controller.holdLiveUpdates();
  await controller.signIn({ serverUrl: url, username, password: PASSWORD });
  await controller.idle();
  return { db, controller };
}

describe('live team sync against the real server', () => {
  it('a rep’s note reaches the lead’s laptop, which only listens, and the stream is held live', async () => {
    const rep = await laptop('wang');
    const lead = await laptop('li');
    await vi.waitFor(() => expect(lead.controller.status().updates).toBe('live'), { timeout: 10_000 });
    await vi.waitFor(() => expect(rep.controller.status().updates).toBe('live'), { timeout: 10_000 });
    const account = insertAccount(rep.db, { name: 'East Harbour Logistics', tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: 'Ningbo', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }, NOW);
    insertNote(rep.db, { accountId: account.id, visitId: null, contactId: null, body: 'New buyer from next month' }, NOW);
    await vi.waitFor(() => expect(lead.db.prepare('SELECT body FROM notes').pluck().all()).toEqual(['New buyer from next month']), { timeout: 10_000 });
    expect(rep.controller.status()).toMatchObject({ pending: 0, lastError: null });
  });
});
