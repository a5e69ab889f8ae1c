// The user's zone decides what "today" is; fixed here before any date code runs.
process.env.TZ = 'Asia/Shanghai';

/**
 * A new laptop's first sync against the real server (PGlite in memory, over HTTP): the priority phase
 * brings what Today needs first — Today then lists what the laptop that has everything lists — and the
 * full pull after it never puts an older version over an edit made here meanwhile, pending or already
 * pushed. A sync cut during either phase resumes where it was after a restart; a server from before
 * the phase is synced from as before.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../core/sync/protocol.js';
import type { Db } from '../../../db/connection.js';
import { SyncController } from '../../../db/sync/controller.js';
import { SyncConnection } from '../../../db/sync/http.js';
import { pullChanges } from '../../../db/sync/pull.js';
import { pushOutbox } from '../../../db/sync/push.js';
import { readPriorityState, readSyncState } from '../../../db/sync/state.js';
import { memoryTokenStore, type TokenStore } from '../../../db/sync/tokens.js';
import { countPending } from '../../../db/synced/outbox.js';
import { createHarness, type Harness } from '../../../db/testing/harness.js';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { buildSyncServer } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { addUser } from '../../../server/users.js';

const PASSWORD = 'correct horse battery';
// Monday 2026-11-23, 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';
const TODAY = '2026-11-23';
const SYNCED = ['accounts', 'contacts', 'family_members', 'important_dates', 'visits', 'notes', 'complaints', 'orders', 'greetings'];

let store: SqlClient;
let app: FastifyInstance;
let url: string;
let users = 0;
const tempDir = useTempDir();
const open: Db[] = [];

beforeAll(async () => {
  store = await openStore({ memory: true });
  app = buildSyncServer({ store, tokenSecret: 'priority-test-secret-0123456789', throttle: { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } });
  url = await app.listen({ host: '127.0.0.1', port: 0 });
}, 60_000);

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
});

afterAll(async () => {
  await app.close();
  await store.close();
});

/** What a pull request asked: a priority page (with the cursor it continues from) or a page of the full pull. */
type Asked = { priority: true; after: string | null } | { priority: false; cursor: string | null };

interface Laptop {
  h: Harness;
  tokens: TokenStore;
  /** every pull request this laptop made, in order */
  asked: Asked[];
  /** runs before the answer of a pull request reaches the laptop (the server has answered it already) */
  beforeAnswer: (asked: Asked, answer: PullResponse | undefined) => Promise<void> | void;
  connection(): SyncConnection;
}

/** A laptop with the app's service over its own database, signed in as `user`. */
async function laptop(user: string, dir = tempDir()): Promise<Laptop> {
  const h = createHarness(dir, NOW);
  open.push(h.db);
  const tokens = memoryTokenStore();
  const device: Laptop = {
    h,
    tokens,
    asked: [],
    beforeAnswer: () => undefined,
    connection: () => new SyncConnection({ serverUrl: url, clientId: readSyncState(device.h.db).clientId, tokens, fetch: watched, now: () => new Date(NOW) }),
  };
  const watched: typeof fetch = async (input, init) => {
    if (!String(input).endsWith('/v1/sync/pull')) return fetch(input, init);
    const body = JSON.parse(String(init?.body)) as { cursor: string | null; priority?: { after: string | null } };
    const asked: Asked = body.priority ? { priority: true, after: body.priority.after } : { priority: false, cursor: body.cursor };
    device.asked.push(asked);
    // Plain JSON pages (no compact form asked for), so this test can read what each answer holds.
    const headers = new Headers(init?.headers);
    headers.delete('accept');
    const response = await fetch(input, { ...init, headers });
    const text = await response.text();
    await device.beforeAnswer(asked, response.ok ? (JSON.parse(text) as PullResponse) : undefined);
    return new Response(text, { status: response.status, headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' } });
  };
  await new SyncController({ db: h.db, tokens, fetch: watched, autoSync: false }).signIn({ serverUrl: url, username: user, password: PASSWORD });
  return device;
}

async function newUser(): Promise<string> {
  const username = `rep-${++users}-${Date.now()}`;
  await addUser(store, { username, role: 'rep', teamName: `team ${username}`, password: PASSWORD });
  return username;
}

/** Every index and trigger of the database, as SQLite keeps them. */
const indexes = (db: Db) => db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();
/** The accounts a search finds, by name. */
const found = async (laptop: Laptop, search: string) => (await laptop.h.call('accounts.list', { search })).rows.map((row) => row.name);
const counts = (db: Db) => Object.fromEntries(SYNCED.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number]));

/** Laptop A's book: every kind of Today item on 2026-11-23, and older history Today does not need. */
async function bookOn(a: Laptop) {
  const { h } = a;
  const account = (name: string, tier: 'A' | 'B' | 'C') => h.call('accounts.create', { name, tier, city: '上海' });
  const visitDone = (accountId: string, doneAt: string, kind: 'routine' | 'phone_call' = 'routine') => h.call('visits.log', { accountId, doneAt, kind });
  const overdueA = await account('甲 overdue A', 'A');
  // Older visits first: the full pull brings them after the priority phase.
  for (let month = 1; month <= 9; month++) await visitDone(overdueA.id, `2026-0${month}-05T03:00:00.000Z`);
  await visitDone(overdueA.id, '2026-10-20T03:00:00.000Z');
  await visitDone(overdueA.id, '2026-11-10T03:00:00.000Z', 'phone_call');
  const dueB = await account('乙 due B', 'B');
  await visitDone(dueB.id, '2026-10-14T03:00:00.000Z');
  const planned = await account('丙 planned', 'C');
  await h.call('visits.plan', { accountId: planned.id, plannedAt: '2026-11-23T14:00:00+08:00' });
  const lapsed = await account('丁 lapsed', 'C');
  await visitDone(lapsed.id, '2026-04-01T03:00:00.000Z');
  const birthdayAccount = await account('戊 birthday', 'B');
  await visitDone(birthdayAccount.id, '2026-11-20T03:00:00.000Z');
  const contact = await h.call('contacts.create', { accountId: birthdayAccount.id, name: '李娜' });
  await h.call('dates.create', { accountId: birthdayAccount.id, contactId: contact.id, kind: 'birthday', calendar: 'lunar', month: 10, day: 17, isLeapMonth: true, year: 1984 });
  const keyContact = await h.call('contacts.create', { accountId: overdueA.id, name: '王总', isKey: true });
  await h.call('dates.create', { accountId: overdueA.id, contactId: keyContact.id, kind: 'birthday', calendar: 'gregorian', month: 6, day: 1 });
  await h.call('complaints.create', { accountId: dueB.id, channel: 'phone', severity: 'high', description: '交货延误', receivedAt: '2026-11-22T18:00:00+08:00' });
  await h.call('complaints.create', { accountId: overdueA.id, channel: 'email', severity: 'low', description: 'Invoice typo', receivedAt: '2026-11-23T09:00:00+08:00' });
  for (let i = 1; i <= 12; i++) await h.call('notes.create', { accountId: dueB.id, body: `拜访记录 ${i}` });
  const connection = a.connection();
  expect(await pushOutbox(h.db, connection, () => NOW)).toMatchObject({ rejected: 0 });
  await pullChanges(h.db, connection);
  return { overdueA, dueB, planned, lapsed, birthdayAccount };
}

describe('a new laptop’s first sync', () => {
  it('brings what Today needs first: after the priority phase Today lists what the laptop with everything lists', async () => {
    const user = await newUser();
    const a = await laptop(user);
    await bookOn(a);
    const expected = await a.h.call('agenda.today', undefined);
    expect(expected.items.map((item) => item.kind)).toEqual(
      expect.arrayContaining(['complaint_breached', 'complaint_open', 'planned_visit', 'revisit_overdue', 'revisit_due', 'important_date', 'win_back']),
    );

    const b = await laptop(user);
    let atPriority: { search: string[][]; today: unknown; notes: number; visits: number; progress: string[] } | undefined;
    const progress: string[] = [];
    b.beforeAnswer = async (asked) => {
      // The first page of the full pull: the priority phase is over and applied.
      if (asked.priority || asked.cursor !== null || atPriority) return;
      atPriority = {
        // The accounts' search index is set aside until the pull ends: search answers all the same.
        search: [await found(b, 'overdue'), await found(b, 'due B'), await found(b, '上海')],
        today: await b.h.call('agenda.today', undefined),
        notes: counts(b.h.db).notes!,
        visits: counts(b.h.db).visits!,
        progress: [...progress],
      };
    };
    let appliedAt: number | undefined;
    // While the full pull fills the tables their secondary indexes are set aside, and Today still answers the same.
    let duringLoad: { indexes: number; today: Promise<unknown> } | undefined;
    const report = await pullChanges(b.h.db, b.connection(), {
      pageSize: 5,
      today: () => TODAY,
      onProgress: (p) => {
        progress.push(`${p.phase}:${p.done}/${p.total}`);
        if (p.phase === 'all' && !duringLoad) duringLoad = { indexes: indexes(b.h.db).length, today: b.h.call('agenda.today', undefined) };
      },
      onPriorityApplied: () => (appliedAt = progress.length),
    });
    expect(duringLoad!.indexes).toBeLessThan(indexes(a.h.db).length - 10);
    expect(await duringLoad!.today).toEqual(expected);
    expect(indexes(b.h.db)).toEqual(indexes(a.h.db));
    expect(b.h.db.prepare('SELECT count(*) FROM indexes_set_aside').pluck().get()).toBe(0);
    const searches = [await found(a, 'overdue'), await found(a, 'due B'), await found(a, '上海')];
    expect(searches[0]).toEqual(['甲 overdue A']);
    expect(atPriority!.search).toEqual(searches);
    expect([await found(b, 'overdue'), await found(b, 'due B'), await found(b, '上海')]).toEqual(searches);
    // The rebuilt index answers (FTS), and keeps up with the next edit (its triggers are back).
    expect(b.h.db.prepare("SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH '\"overdue\"'").pluck().get()).toBe(1);
    expect(atPriority).toBeDefined();
    expect(atPriority!.today).toEqual(expected);
    // Only what Today needs had arrived: no notes, the latest visit of each kind per account, the planned one.
    expect(atPriority!.notes).toBe(0);
    expect(atPriority!.visits).toBeLessThan(counts(a.h.db).visits!);
    expect(appliedAt).toBe(atPriority!.progress.length);
    expect(atPriority!.progress.every((line) => line.startsWith('today:'))).toBe(true);
    expect(atPriority!.progress.at(-1)).toBe(`today:${report.prioritized}/${report.prioritized}`);
    expect(progress.at(-1)).toBe(`all:${report.pulled}/${report.pulled}`);
    // Then everything, as on A; the phase is remembered as done.
    expect(counts(b.h.db)).toEqual(counts(a.h.db));
    expect(await b.h.call('agenda.today', undefined)).toEqual(expected);
    expect(readPriorityState(b.h.db)).toEqual({ cursor: null, done: true });
    expect(b.asked.filter((asked) => asked.priority).length).toBe(Math.ceil(report.prioritized / 5));
    expect(countPending(b.h.db)).toBe(0);

    // A later sync pulls from its cursor, with no priority phase.
    b.asked.length = 0;
    await pullChanges(b.h.db, b.connection(), { today: () => TODAY });
    expect(b.asked).toEqual([{ priority: false, cursor: expect.any(String) }]);
  }, 60_000);

  it.each(['pending in the outbox', 'already pushed'] as const)(
    'never lets a later page put an older version over an edit made meanwhile (%s)',
    async (edit) => {
      const user = await newUser();
      const a = await laptop(user);
      const book = await bookOn(a);
      const b = await laptop(user);
      const accountVersion = () => b.h.db.prepare('SELECT server_version FROM accounts WHERE id = ?').pluck().get(book.overdueA.id) as number;
      let pushedVersion: number | undefined;
      // Rows of the full pull's answers so far, and how many there are up to the page with the account.
      let answered = 0;
      let throughStalePage: number | undefined;
      b.beforeAnswer = async (asked, answer) => {
        if (asked.priority || !answer) return;
        answered += answer.rows.length;
        // The full pull's page with the account is already answered (it holds the account at its old
        // version): the rep edits that account, a priority row, before the page is applied here.
        if (pushedVersion !== undefined || !answer.rows.some((pulled) => pulled.id === book.overdueA.id)) return;
        throughStalePage = answered;
        const before = accountVersion();
        await b.h.call('accounts.update', { id: book.overdueA.id, patch: { city: '杭州', tier: 'B' } });
        if (edit === 'already pushed') {
          expect(await pushOutbox(b.h.db, b.connection(), () => NOW)).toMatchObject({ applied: 1 });
          expect(accountVersion()).toBeGreaterThan(before);
        }
        pushedVersion = accountVersion();
      };
      const row = () => b.h.db.prepare('SELECT city, tier, name FROM accounts WHERE id = ?').get(book.overdueA.id);
      // Right after that page is applied (later pages bring a pushed edit back at its new version anyway).
      let afterStalePage: unknown;
      const onProgress = (progress: { phase?: string; done: number }) => {
        if (progress.phase === 'all' && progress.done === throughStalePage) afterStalePage = { ...(row() as object), version: accountVersion() };
      };
      await pullChanges(b.h.db, b.connection(), { pageSize: 5, today: () => TODAY, onProgress });
      // The page with the old version came after the edit and left it alone.
      expect(afterStalePage).toEqual({ city: '杭州', tier: 'B', name: '甲 overdue A', version: pushedVersion });
      expect(row()).toEqual({ city: '杭州', tier: 'B', name: '甲 overdue A' });
      expect(accountVersion()).toBeGreaterThanOrEqual(pushedVersion!);
      expect(countPending(b.h.db)).toBe(edit === 'pending in the outbox' ? 1 : 0);
      // And it reaches the other laptop.
      await pushOutbox(b.h.db, b.connection(), () => NOW);
      await pullChanges(a.h.db, a.connection());
      expect(a.h.db.prepare('SELECT city, tier FROM accounts WHERE id = ?').get(book.overdueA.id)).toEqual({ city: '杭州', tier: 'B' });
      expect(counts(b.h.db)).toEqual(counts(a.h.db));
    },
    60_000,
  );

  it.each(['priority', 'full'] as const)('resumes after the app is stopped during the %s phase, where it was', async (phase) => {
    const user = await newUser();
    const a = await laptop(user);
    await bookOn(a);
    const dir = tempDir();
    const b = await laptop(user, dir);
    // The second page of the phase never arrives: the app is gone.
    b.beforeAnswer = (asked) => {
      const inPhase = phase === 'priority' ? asked.priority : !asked.priority;
      if (inPhase && (asked.priority ? asked.after : asked.cursor) !== null) throw new TypeError('fetch failed: the app was stopped');
    };
    await expect(pullChanges(b.h.db, b.connection(), { pageSize: 5, today: () => TODAY })).rejects.toMatchObject({ code: 'offline' });
    const saved = { priority: readPriorityState(b.h.db), cursor: readSyncState(b.h.db).cursor };
    if (phase === 'priority') {
      expect(saved).toEqual({ priority: { cursor: expect.any(String), done: false }, cursor: null });
    } else {
      expect(saved).toEqual({ priority: { cursor: null, done: true }, cursor: expect.any(String) });
    }
    // The indexes set aside for the full pull are back although it failed.
    expect(indexes(b.h.db)).toEqual(indexes(a.h.db));
    const applied = counts(b.h.db);
    b.h.db.close();

    const restarted = await laptopAgain(b, dir);
    await pullChanges(restarted.h.db, restarted.connection(), { pageSize: 5, today: () => TODAY });
    // It went on from the page it had, not from the start.
    expect(restarted.asked[0]).toEqual(phase === 'priority' ? { priority: true, after: saved.priority.cursor } : { priority: false, cursor: saved.cursor });
    expect(counts(restarted.h.db)).toEqual(counts(a.h.db));
    expect(Object.values(applied).reduce((x, y) => x + y)).toBeGreaterThan(0);
    expect(await restarted.h.call('agenda.today', undefined)).toEqual(await a.h.call('agenda.today', undefined));
  }, 60_000);

  it.each(['refuses the priority field (400)', 'ignores the priority field'] as const)('from a server that %s, syncs everything as before', async (behaviour) => {
    const user = await newUser();
    const a = await laptop(user);
    await bookOn(a);
    const b = await laptop(user);
    const olderServer: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
      if (!String(input).endsWith('/v1/sync/pull') || !body.priority) return fetch(input, init);
      if (behaviour === 'refuses the priority field (400)') {
        return new Response(JSON.stringify({ error: 'invalid', message: 'sync.server.invalidRequest' }), { status: 400, headers: { 'content-type': 'application/json' } });
      }
      const { priority: _ignored, ...plain } = body;
      return fetch(input, { ...init, body: JSON.stringify(plain) });
    };
    const connection = new SyncConnection({ serverUrl: url, clientId: readSyncState(b.h.db).clientId, tokens: b.tokens, fetch: olderServer });
    const report = await pullChanges(b.h.db, connection, { pageSize: 5, today: () => TODAY });
    expect(report.prioritized).toBe(0);
    expect(counts(b.h.db)).toEqual(counts(a.h.db));
    expect(readPriorityState(b.h.db).done).toBe(true);
  }, 60_000);
});

describe('an account that arrives after its visits', () => {
  it('takes its last visit from them (an account edited after its visits comes after them in version order)', async () => {
    const user = await newUser();
    const a = await laptop(user);
    const account = await a.h.call('accounts.create', { name: '后到的客户', tier: 'B', city: '上海' });
    await a.h.call('visits.log', { accountId: account.id, doneAt: '2026-11-02T03:00:00.000Z', kind: 'routine' });
    await a.h.call('accounts.update', { id: account.id, patch: { city: '苏州' } });
    await pushOutbox(a.h.db, a.connection(), () => NOW);
    const lastVisit = (device: Laptop) => device.h.db.prepare('SELECT last_visit_at FROM accounts WHERE id = ?').pluck().get(account.id);
    expect(lastVisit(a)).toBe('2026-11-02T03:00:00.000Z');
    const b = await laptop(user);
    b.beforeAnswer = (_asked, answer) => {
      // The plain pull's order: the visit, then the account's newer version.
      if (answer && !answer.priority) expect(answer.rows.map((row) => row.table).indexOf('accounts')).toBeGreaterThan(answer.rows.map((row) => row.table).indexOf('visits'));
    };
    await pullChanges(b.h.db, b.connection(), { priority: false });
    expect(lastVisit(b)).toBe('2026-11-02T03:00:00.000Z');
  }, 60_000);
});

/** The same data folder opened again (a restart), its session kept. */
async function laptopAgain(before: Laptop, dir: string): Promise<Laptop> {
  const h = createHarness(dir, NOW);
  open.push(h.db);
  const device: Laptop = {
    h,
    tokens: before.tokens,
    asked: [],
    beforeAnswer: () => undefined,
    connection: () => new SyncConnection({ serverUrl: url, clientId: readSyncState(h.db).clientId, tokens: before.tokens, fetch: watched, now: () => new Date(NOW) }),
  };
  const watched: typeof fetch = async (input, init) => {
    if (String(input).endsWith('/v1/sync/pull')) {
      const body = JSON.parse(String(init?.body)) as { cursor: string | null; priority?: { after: string | null } };
      device.asked.push(body.priority ? { priority: true, after: body.priority.after } : { priority: false, cursor: body.cursor });
    }
    return fetch(input, init);
  };
  return device;
}
