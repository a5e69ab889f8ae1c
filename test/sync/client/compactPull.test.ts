/**
 * The laptop pulls compact pages (`core/sync/pullEncoding.ts`) from the real server over real HTTP,
 * brotli-compressed, and ends with the same rows as the laptop that wrote them; a compact page that
 * does not decode is refused whole, changing nothing here.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PULL_COLUMNS_TYPE, type EncodedPullPage } from '../../../core/sync/pullEncoding.js';
import { insertAccount } from '../../../db/repo/accounts.js';
import { insertContact } from '../../../db/repo/contacts.js';
import { deleteNote, insertNote } from '../../../db/repo/notes.js';
import { SyncError } from '../../../db/sync/http.js';
import { pullChanges } from '../../../db/sync/pull.js';
import { syncOnce } from '../../../db/sync/run.js';
import { readSyncState } from '../../../db/sync/state.js';
import { SYNCED_TABLE_ORDER } from '../../../db/synced/tables.js';
import { buildSyncServer } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { addUser } from '../../../server/users.js';
import { closeDevices, createDevice, type Device } from './device.js';

const PASSWORD = 'correct horse battery';
const NOW = '2026-11-23T02:00:00.000Z';
let store: SqlClient;
let app: FastifyInstance;
let url: string;

/** What the pull answers looked like on the wire; `tamper` changes a compact page before the client reads it. */
const answers: Array<{ type: string; encoding: string }> = [];
let tamper: ((page: EncodedPullPage) => void) | null = null;

const watchingFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!String(input).endsWith('/v1/sync/pull')) return response;
  const type = response.headers.get('content-type') ?? '';
  answers.push({ type, encoding: response.headers.get('content-encoding') ?? '' });
  if (!tamper || !type.startsWith(PULL_COLUMNS_TYPE)) return response;
  const page = (await response.json()) as EncodedPullPage;
  tamper(page);
  return new Response(JSON.stringify(page), { status: response.status, headers: { 'content-type': type } });
};

beforeAll(async () => {
  store = await openStore({ memory: true });
  await addUser(store, { username: 'wang', role: 'rep', teamName: 'East', password: PASSWORD });
  app = buildSyncServer({ store, tokenSecret: 'client-test-secret-0123456789', throttle: { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterEach(() => {
  tamper = null;
  closeDevices();
});

afterAll(async () => {
  await app.close();
  await store.close();
});

/**
 * Every synced table's live rows as this laptop keeps them (a tombstone of a row a laptop never had
 * leaves no row), but their creation time: the writing laptop keeps its own, another the server's.
 */
function syncedRows(device: Device): unknown {
  return SYNCED_TABLE_ORDER.map((table) =>
    (device.db.prepare(`SELECT * FROM ${table} WHERE deleted_at IS NULL ORDER BY id`).all() as Array<Record<string, unknown>>).map(({ created_at: _created, ...row }) => row),
  );
}

function writeSome(device: Device, count: number): void {
  const account = insertAccount(device.db, { name: `华东精密 ${count} 😀`, tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: '上海', address: null, longTermContract: true, strategic: false, annualRevenue: 1200000, cadenceDays: null, interests: null, notes: '第一行\n第二行', externalId: null }, NOW);
  const contact = insertContact(device.db, { accountId: account.id, name: '赵敏', title: '采购', role: null, phone: '+86 138 0000 0000', email: null, wechat: null, interests: null, isKey: true }, NOW);
  for (let i = 0; i < count; i += 1) {
    const note = insertNote(device.db, { accountId: account.id, visitId: null, contactId: i % 2 === 0 ? contact.id : null, body: `见了采购 ${i}：客户希望下周演示 🚀` }, NOW);
    if (i % 7 === 0) deleteNote(device.db, note.id, NOW);
  }
}

describe('compact pull pages between laptops', () => {
  it('a laptop pulls compact, brotli-compressed pages and ends with the rows the other laptop wrote', async () => {
    const server = { url, fetch: watchingFetch };
    const a = await createDevice(server, 'wang', PASSWORD);
    const b = await createDevice(server, 'wang', PASSWORD);
    writeSome(a, 40);
    expect(await syncOnce(a.db, a.connection())).toMatchObject({ rejected: 0 });
    await pullChanges(a.db, a.connection());

    answers.length = 0;
    // Small pages: several of them, each applied with its cursor.
    const report = await pullChanges(b.db, b.connection(), { pageSize: 20 });
    expect(report.pulled).toBeGreaterThan(0);
    expect(answers.length).toBeGreaterThan(1);
    for (const answer of answers) expect(answer).toEqual({ type: expect.stringContaining(PULL_COLUMNS_TYPE), encoding: 'br' });
    expect(syncedRows(b)).toEqual(syncedRows(a));
    expect(readSyncState(b.db).cursor).toBe(readSyncState(a.db).cursor);
  }, 60_000);

  it('refuses a compact page that does not decode, and changes nothing on the laptop', async () => {
    const server = { url, fetch: watchingFetch };
    const a = await createDevice(server, 'wang', PASSWORD);
    const b = await createDevice(server, 'wang', PASSWORD);
    writeSome(a, 5);
    await syncOnce(a.db, a.connection());
    const before = JSON.stringify([syncedRows(b), readSyncState(b.db).cursor]);
    const breakages: Array<[string, (page: EncodedPullPage) => void]> = [
      ['NUL in a name', (page) => (page.rows.groups.find((g) => g.table === 'notes')!.columns.find((c) => c.name === 'body')!.values[0] = 'met the buyer\u0000')],
      ['a lone surrogate', (page) => (page.rows.groups[0]!.columns.find((c) => c.name === 'name')!.values[0] = 'broken \ud83d')],
      ['an unknown table', (page) => ((page.rows.groups[0] as { table: string }).table = 'users')],
      ['a missing id', (page) => page.rows.groups[0]!.ids.pop()],
      ['a huge version', (page) => (page.rows.versions[0] = 2 ** 60)],
    ];
    for (const [what, breakage] of breakages) {
      tamper = breakage;
      const error = await pullChanges(b.db, b.connection()).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(SyncError);
      expect((error as SyncError).code, what).toBe('server');
      expect((error as SyncError).message, what).toMatch(/^pull page refused: rows\./);
      expect(JSON.stringify([syncedRows(b), readSyncState(b.db).cursor]), what).toBe(before);
    }
    // The same page, untouched, is taken.
    tamper = null;
    await pullChanges(b.db, b.connection());
    expect(syncedRows(b)).toEqual(syncedRows(a));
  }, 60_000);

  it('refuses as whole a plain JSON page from a proxy that drops the compact form, or relabels a compact page: no way around the checks', async () => {
    const a = await createDevice({ url, fetch }, 'wang', PASSWORD);
    // The proxy asks the server for the plain form, breaks it (or not), and answers it as JSON.
    type PlainPage = { rows: Array<Record<string, unknown> & { data: Record<string, unknown> }> };
    let breakPlain: ((page: PlainPage) => void) | null = null;
    let relabel = false;
    const proxy: typeof fetch = async (input, init) => {
      if (!String(input).endsWith('/v1/sync/pull')) return fetch(input, init);
      const headers = { ...(init?.headers as Record<string, string>) };
      if (!relabel) delete headers.accept;
      const response = await fetch(input, { ...init, headers });
      const page = (await response.json()) as PlainPage;
      breakPlain?.(page);
      return new Response(JSON.stringify(page), { status: response.status, headers: { 'content-type': 'application/json' } });
    };
    const b = await createDevice({ url, fetch: proxy }, 'wang', PASSWORD);
    writeSome(a, 5);
    await syncOnce(a.db, a.connection());
    const before = JSON.stringify([syncedRows(b), readSyncState(b.db).cursor]);
    const breakages: Array<[string, ((page: PlainPage) => void) | null, boolean]> = [
      ['NUL in a name', (page) => (page.rows[0]!.data.name = 'met the buyer\u0000'), false],
      ['a lone surrogate', (page) => (page.rows[0]!.data.name = 'broken \ud83d'), false],
      ['an unknown table', (page) => (page.rows[0]!.table = 'users'), false],
      ['a made-up id', (page) => (page.rows[0]!.id = '../accounts'), false],
      ['a huge version', (page) => (page.rows[0]!.version = 2 ** 60), false],
      ['a row twice', (page) => page.rows.push({ ...page.rows[0]!, version: Number(page.rows[0]!.version) + 1 }), false],
      ['a compact page labelled JSON', null, true],
    ];
    for (const [what, breakage, relabelled] of breakages) {
      breakPlain = breakage;
      relabel = relabelled;
      const error = await pullChanges(b.db, b.connection(), { priority: false }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, what).toBeInstanceOf(SyncError);
      expect([(error as SyncError).code, (error as SyncError).message], what).toEqual(['server', expect.stringMatching(/^pull page refused: /)]);
      expect(JSON.stringify([syncedRows(b), readSyncState(b.db).cursor]), what).toBe(before);
    }
    // The same plain pages, untouched, are taken.
    breakPlain = null;
    relabel = false;
    await pullChanges(b.db, b.connection(), { priority: false });
    expect(syncedRows(b)).toEqual(syncedRows(a));
  }, 60_000);
});
