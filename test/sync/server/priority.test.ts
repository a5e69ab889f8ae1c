/**
 * A first sync's priority phase (`PullRequest.priority`): exactly the rows a rep's Today needs, paged
 * with a cursor of its own, and only rows the caller may read — never another rep's private rows nor
 * another team's. On PGlite and on a real PostgreSQL server.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type PullResponse, type SyncedTable } from '../../../core/sync/protocol.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, type TestDevice, useSyncServer } from './fixture.js';

/** The laptop's today in these tests: lunar 十月十五 of 2026. */
const DAY = '2026-12-03';

type Expected = Partial<Record<SyncedTable, string[]>>;

describe.each(BACKENDS)('priority phase on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['bob', 'rep', 'north'], ['lena', 'lead', 'north'], ['zed', 'rep', 'south']]);
  let alice: TestDevice;
  let bob: TestDevice;
  let lena: TestDevice;
  let zed: TestDevice;
  /** what alice's priority phase must bring, by table */
  const wanted: Expected = {};
  /** alice's rows it must leave to the full pull */
  const leftOut: string[] = [];
  /** bob's rows that would be priority rows for their reader */
  const bobs: string[] = [];
  /** zed's (another team) */
  const zeds: string[] = [];
  const visitIds = { routineLatest: '', callLatest: '', plannedAhead: '' };
  const keyIds = { keyOfA: '', keyOfB: '' };

  const priorityAsk = (device: TestDevice, after: string | null, limit: number, extra: Record<string, unknown> = {}) =>
    device.post<PullResponse>('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: device.clientId, cursor: null, limit, withTotal: after === null, priority: { day: DAY, after, ...extra } });

  /** Every page of the phase: the rows in order, the total the first page announced, the pages' sizes. */
  async function priorityPhase(device: TestDevice, limit = 3): Promise<{ rows: PullResponse['rows']; total: number | undefined; pages: number }> {
    const rows: PullResponse['rows'] = [];
    let after: string | null = null;
    let total: number | undefined;
    let pages = 0;
    for (;;) {
      const answer = await priorityAsk(device, after, limit);
      expect(answer.status).toBe(200);
      expect(answer.body.priority).toBe(true);
      expect(answer.body.rows.length).toBeLessThanOrEqual(limit);
      if (after === null) total = answer.body.total;
      rows.push(...answer.body.rows);
      pages += 1;
      if (!answer.body.hasMore) return { rows, total, pages };
      after = answer.body.cursor;
    }
  }

  const byTable = (rows: PullResponse['rows']): Expected => {
    const tables: Expected = {};
    for (const row of rows) (tables[row.table] ??= []).push(row.id);
    for (const ids of Object.values(tables)) ids.sort();
    return tables;
  };

  beforeAll(async () => {
    const signIn = (name: string) => testServer.fixture.signIn(name);
    [alice, bob, lena, zed] = await Promise.all([signIn('alice'), signIn('bob'), signIn('lena'), signIn('zed')]);
    const want = (table: SyncedTable, id: string) => (wanted[table] ??= []).push(id);
    const ids = () => ({
      accountA: newId(), accountB: newId(), accountC: newId(), gone: newId(),
      keyOfA: newId(), plainOfA: newId(), keyOfB: newId(), keyOfC: newId(), namedByDate: newId(), namedByComplaint: newId(),
      spouse: newId(), otherChild: newId(),
      dueGregorian: newId(), farGregorian: newId(), dueLunar: newId(), farLunar: newId(), longLead: newId(),
      routineOld: newId(), routineLatest: newId(), callLatest: newId(), plannedAhead: newId(), plannedPast: newId(), cancelled: newId(),
      open: newId(), resolved: newId(), orderOld: newId(), orderLatest: newId(), greetedThisYear: newId(), greetedLongAgo: newId(), greetedOtherDate: newId(),
    });
    const a = ids();
    const visit = (accountId: string, fields: Record<string, unknown>) => ({
      accountId, kind: 'routine', plannedAt: null, doneAt: null, cancelledAt: null, purpose: null, metContactIds: [], outcome: null, nextStep: null, nextVisitDate: null, ...fields,
    });
    const rowsOf = (device: TestDevice, x: ReturnType<typeof ids>) => [
      device.mutation('accounts', x.accountA, accountFields('甲级客户', { tier: 'A' })),
      device.mutation('accounts', x.accountB, accountFields('乙级客户', { tier: 'B' })),
      device.mutation('accounts', x.accountC, accountFields('丙级客户', { tier: 'C' })),
      device.mutation('accounts', x.gone, accountFields('已删除', { tier: 'A' })),
      device.mutation('contacts', x.keyOfA, { accountId: x.accountA, name: '关键人', isKey: true }),
      device.mutation('contacts', x.plainOfA, { accountId: x.accountA, name: '普通人' }),
      device.mutation('contacts', x.keyOfC, { accountId: x.accountC, name: '丙级关键人', isKey: true }),
      device.mutation('contacts', x.keyOfB, { accountId: x.accountB, name: '乙级关键人', isKey: true }),
      device.mutation('contacts', x.namedByDate, { accountId: x.accountC, name: '快过生日' }),
      device.mutation('contacts', x.namedByComplaint, { accountId: x.accountC, name: '投诉人' }),
      device.mutation('family_members', x.spouse, { contactId: x.namedByDate, name: '配偶', relation: 'spouse' }),
      device.mutation('family_members', x.otherChild, { contactId: x.namedByDate, name: '孩子', relation: 'child' }),
      device.mutation('important_dates', x.dueGregorian, { accountId: x.accountC, contactId: x.namedByDate, familyMemberId: x.spouse, kind: 'birthday', calendar: 'gregorian', month: 12, day: 20 }),
      device.mutation('important_dates', x.farGregorian, { accountId: x.accountC, contactId: x.namedByDate, familyMemberId: x.otherChild, kind: 'birthday', calendar: 'gregorian', month: 6, day: 1 }),
      // Lunar 冬月初一 falls on 9 December 2026; lunar 五月初五 in June.
      device.mutation('important_dates', x.dueLunar, { accountId: x.accountA, contactId: x.keyOfA, kind: 'birthday', calendar: 'lunar', month: 11, day: 1 }),
      device.mutation('important_dates', x.farLunar, { accountId: x.accountA, contactId: x.plainOfA, kind: 'birthday', calendar: 'lunar', month: 5, day: 5 }),
      // 48 days ahead, but reminded 60 days before.
      device.mutation('important_dates', x.longLead, { accountId: x.accountC, kind: 'founding_day', calendar: 'gregorian', month: 1, day: 20, leadDays: 60 }),
      device.mutation('visits', x.routineOld, visit(x.accountA, { kind: 'routine', status: 'done', doneAt: '2026-10-01T02:00:00.000Z' })),
      device.mutation('visits', x.routineLatest, visit(x.accountA, { kind: 'routine', status: 'done', doneAt: '2026-11-01T02:00:00.000Z' })),
      device.mutation('visits', x.callLatest, visit(x.accountA, { kind: 'phone_call', status: 'done', doneAt: '2026-09-01T02:00:00.000Z' })),
      device.mutation('visits', x.plannedAhead, visit(x.accountC, { kind: 'routine', status: 'planned', plannedAt: '2026-12-10T01:00:00.000Z' })),
      device.mutation('visits', x.plannedPast, visit(x.accountC, { kind: 'routine', status: 'planned', plannedAt: '2026-11-01T01:00:00.000Z' })),
      device.mutation('visits', x.cancelled, visit(x.accountC, { kind: 'routine', status: 'cancelled', plannedAt: '2026-12-11T01:00:00.000Z', cancelledAt: '2026-12-01T01:00:00.000Z' })),
      device.mutation('complaints', x.open, { accountId: x.accountC, contactId: x.namedByComplaint, channel: 'phone', severity: 'high', description: '发货延迟', receivedAt: '2026-12-02T01:00:00.000Z' }),
      device.mutation('complaints', x.resolved, { accountId: x.accountC, channel: 'email', severity: 'low', description: '已解决', receivedAt: '2026-10-02T01:00:00.000Z', resolvedAt: '2026-10-03T01:00:00.000Z' }),
      device.mutation('orders', x.orderOld, { accountId: x.accountA, day: '2026-10-01', amount: 100 }),
      device.mutation('orders', x.orderLatest, { accountId: x.accountA, day: '2026-11-15', amount: 200 }),
      // Last year's greeting of a date due now (Today shows how it went), not older ones nor another date's.
      device.mutation('greetings', x.greetedThisYear, { key: `date:${x.dueGregorian}:2025-12-20`, accountId: x.accountC, dateId: x.dueGregorian, occurrenceDay: '2025-12-20', channel: 'wechat', greetedAt: '2025-12-20T01:00:00.000Z' }),
      device.mutation('greetings', x.greetedLongAgo, { key: `date:${x.dueGregorian}:2024-06-01`, accountId: x.accountC, dateId: x.dueGregorian, occurrenceDay: '2024-06-01', channel: 'call', greetedAt: '2024-06-01T01:00:00.000Z' }),
      device.mutation('greetings', x.greetedOtherDate, { key: `date:${x.farGregorian}:2026-06-01`, accountId: x.accountC, dateId: x.farGregorian, occurrenceDay: '2026-06-01', channel: 'call', greetedAt: '2026-06-01T01:00:00.000Z' }),
      device.mutation('notes', newId(), { accountId: x.accountA, body: '笔记不在优先范围' }),
    ];
    const pushAll = async (device: TestDevice, x: ReturnType<typeof ids>) => {
      const { results } = await device.push([...rowsOf(device, x), device.mutation('accounts', x.gone, {}, { op: 'delete' })]);
      expect(results.filter((result) => result.status !== 'applied')).toEqual([]);
    };
    await pushAll(alice, a);
    for (const id of [a.accountA, a.accountB, a.accountC]) want('accounts', id);
    for (const id of [a.keyOfA, a.namedByDate, a.namedByComplaint]) want('contacts', id);
    want('family_members', a.spouse);
    for (const id of [a.dueGregorian, a.dueLunar, a.longLead]) want('important_dates', id);
    for (const id of [a.routineLatest, a.callLatest, a.plannedAhead]) want('visits', id);
    want('complaints', a.open);
    want('orders', a.orderLatest);
    want('greetings', a.greetedThisYear);
    for (const ids of Object.values(wanted)) ids.sort();
    Object.assign(visitIds, { routineLatest: a.routineLatest, callLatest: a.callLatest, plannedAhead: a.plannedAhead });
    Object.assign(keyIds, { keyOfA: a.keyOfA, keyOfB: a.keyOfB });
    leftOut.push(a.gone, a.plainOfA, a.keyOfB, a.keyOfC, a.otherChild, a.farGregorian, a.farLunar, a.routineOld, a.plannedPast, a.cancelled, a.resolved, a.orderOld, a.greetedLongAgo, a.greetedOtherDate);

    const b = ids();
    await pushAll(bob, b);
    bobs.push(b.accountA, b.keyOfA, b.dueGregorian, b.routineLatest, b.open);
    const z = ids();
    await pushAll(zed, z);
    zeds.push(z.accountA, z.keyOfA, z.dueGregorian, z.routineLatest, z.open);
  }, 60_000);

  it('brings exactly the rows Today needs, over pages of its own, and says how many', async () => {
    const phase = await priorityPhase(alice);
    expect(byTable(phase.rows)).toEqual(wanted);
    const count = Object.values(wanted).flat().length;
    expect(phase.total).toBe(count);
    expect(phase.pages).toBe(Math.ceil(count / 3));
    // Accounts last (Today shows nothing of an account before it is there), each row once.
    const tables = phase.rows.map((row) => row.table);
    expect(tables.indexOf('accounts')).toBe(tables.length - wanted.accounts!.length);
    expect(tables.lastIndexOf('visits')).toBeLessThan(tables.indexOf('accounts'));
    expect(new Set(phase.rows.map((row) => row.id)).size).toBe(phase.rows.length);
    // Whole rows, as a pull has them.
    const routine = phase.rows.find((row) => row.table === 'visits' && row.data.kind === 'routine')!;
    expect(routine).toMatchObject({ ownerId: alice.userId, data: { status: 'done', doneAt: '2026-11-01T02:00:00.000Z', deletedAt: null } });
    for (const id of leftOut) expect(phase.rows.map((row) => row.id)).not.toContain(id);
  });

  it('brings each account’s latest visit of any kind and of the kinds the laptop’s cadence counts, when it says which', async () => {
    const visitsFor = async (countingKinds: string[]) => {
      const answer = await priorityAsk(alice, null, 5000, { countingKinds });
      return answer.body.rows.filter((row) => row.table === 'visits').map((row) => row.id).sort();
    };
    const { routineLatest, callLatest, plannedAhead } = visitIds;
    // The latest of any kind is the routine visit of 1 November; the latest phone call is older.
    expect(await visitsFor(['routine', 'executive'])).toEqual([routineLatest, plannedAhead].sort());
    expect(await visitsFor(['phone_call'])).toEqual([routineLatest, callLatest, plannedAhead].sort());
    const wrong = await priorityAsk(alice, null, 10, { countingKinds: ['lunch'] });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid', issues: [{ path: ['priority', 'countingKinds', 0] }] } });
  });

  it('brings the key contacts of the tiers the laptop greets at festivals', async () => {
    const contactsFor = async (keyContactTiers: string[]) =>
      (await priorityAsk(alice, null, 5000, { keyContactTiers })).body.rows.filter((row) => row.table === 'contacts').map((row) => row.id);
    expect(await contactsFor(['A', 'B'])).toEqual(expect.arrayContaining([keyIds.keyOfA, keyIds.keyOfB]));
    expect(await contactsFor(['A'])).not.toContain(keyIds.keyOfB);
    expect(await contactsFor([])).not.toContain(keyIds.keyOfB);
  });

  it('never brings another rep’s private rows nor another team’s; a lead gets the team’s', async () => {
    const seen = async (device: TestDevice) => new Set((await priorityPhase(device, 5000)).rows.map((row) => row.id));
    const [aliceSees, bobSees, lenaSees, zedSees] = await Promise.all([seen(alice), seen(bob), seen(lena), seen(zed)]);
    const alices = Object.values(wanted).flat();
    expect([...bobs, ...zeds].filter((id) => aliceSees.has(id))).toEqual([]);
    expect([...alices, ...zeds].filter((id) => bobSees.has(id))).toEqual([]);
    expect([...alices, ...bobs].filter((id) => zedSees.has(id))).toEqual([]);
    expect(bobs.filter((id) => !bobSees.has(id))).toEqual([]);
    expect(zeds.filter((id) => !zedSees.has(id))).toEqual([]);
    expect([...alices, ...bobs].every((id) => lenaSees.has(id))).toBe(true);
    expect(zeds.filter((id) => lenaSees.has(id))).toEqual([]);
  });

  it('an account shared with a rep brings its priority rows to them too', async () => {
    const shared = newId();
    const birthday = newId();
    await alice.push([
      alice.mutation('accounts', shared, accountFields('共享客户', { tier: 'B' })),
      alice.mutation('important_dates', birthday, { accountId: shared, kind: 'founding_day', calendar: 'gregorian', month: 12, day: 5 }),
    ]);
    const bobSees = async () => (await priorityPhase(bob, 5000)).rows.map((row) => row.id);
    expect(await bobSees()).not.toContain(birthday);
    await testServer.db.store.query('INSERT INTO account_shares (account_id, user_id) VALUES ($1, $2)', [shared, bob.userId]);
    expect(await bobSees()).toEqual(expect.arrayContaining([shared, birthday]));
  });

  it('refuses a cursor of another team and an impossible day, naming the field', async () => {
    const first = await priorityAsk(alice, null, 2);
    const foreign = await priorityAsk(zed, first.body.cursor, 2);
    expect(foreign).toMatchObject({ status: 400, body: { error: 'invalid', issues: [{ path: ['priority', 'after'] }] } });
    const badDay = await alice.post('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null, limit: 10, priority: { day: '2026-02-30', after: null } });
    expect(badDay).toMatchObject({ status: 400, body: { error: 'invalid', issues: [{ path: ['priority', 'day'] }] } });
  });

  it('refuses a today the calendar cannot place (before 1901, after 2100) with a 400 naming the day, not a server error', async () => {
    for (const day of ['0001-01-01', '1800-06-01', '2150-01-01', '9999-12-31']) {
      const answer = await alice.post('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null, limit: 10, priority: { day, after: null } });
      expect(answer).toMatchObject({ status: 400, body: { error: 'invalid', issues: expect.arrayContaining([expect.objectContaining({ path: ['priority', 'day'] })]) } });
    }
    const last = await alice.post<PullResponse>('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null, limit: 10, priority: { day: '2100-12-31', days: 92, after: null } });
    expect(last).toMatchObject({ status: 200, body: { priority: true } });
  });

  it('a pull without it is the pull it always was', async () => {
    const plain = await alice.pull(null, 5000);
    expect(plain.priority).toBeUndefined();
    expect(plain.rows.map((row) => row.id)).toEqual(expect.arrayContaining(leftOut.filter((id) => id !== leftOut[0])));
  });
});
