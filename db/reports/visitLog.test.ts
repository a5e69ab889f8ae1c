import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { useTempDir } from '../testing/tempDir.js';
import { openFixtureDatabase, REP_ONE, REP_TWO } from './testFixture.js';
import { countVisitLog, iterateVisitLog, visitLogPage, type VisitLogQuery } from './visitLog.js';

describe('visit log', () => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());
  const ids = (query: VisitLogQuery) => [...iterateVisitLog(db!, query)].map((row) => row.id);

  it('lists every visit newest first with account, rep and the names of the contacts met', () => {
    db = openFixtureDatabase(tempDir());
    const rows = [...iterateVisitLog(db, {})];
    expect(rows.map((row) => row.id)).toEqual(['v-4', 'v-3', 'v-2', 'v-1', 'v-5']);
    expect(rows.find((row) => row.id === 'v-1')).toMatchObject({
      accountName: '中国石油天然气股份有限公司',
      tier: 'A',
      city: '北京',
      ownerId: REP_ONE,
      kind: 'routine',
      status: 'done',
      contactsMet: ['张伟', '李娜'],
      nextStep: '+86 安排培训',
    });
  });

  it('filters by calendar days in the user’s time zone', () => {
    db = openFixtureDatabase(tempDir());
    expect(ids({ from: '2026-01-10', to: '2026-01-10', timeZone: 'Asia/Shanghai' })).toEqual([]);
    expect(ids({ from: '2026-01-11', to: '2026-01-11', timeZone: 'Asia/Shanghai' })).toEqual(['v-2']);
    expect(ids({ from: '2026-01-10', to: '2026-01-10', timeZone: 'UTC' })).toEqual(['v-2']);
    expect(ids({ from: '2026-01-01', timeZone: 'UTC' })).toEqual(['v-4', 'v-3', 'v-2', 'v-1']);
  });

  it('filters by rep, tier, kind, status, account and city', () => {
    db = openFixtureDatabase(tempDir());
    expect(ids({ ownerIds: [REP_TWO] })).toEqual(['v-4', 'v-5']);
    expect(ids({ ownerIds: [null] })).toEqual([]);
    expect(ids({ tiers: ['B', 'C'] })).toEqual(['v-4', 'v-3', 'v-5']);
    expect(ids({ kinds: ['executive', 'delivery'] })).toEqual(['v-3', 'v-2']);
    expect(ids({ statuses: ['planned'] })).toEqual(['v-4']);
    expect(ids({ accountId: 'acc-1' })).toEqual(['v-2', 'v-1']);
    expect(ids({ city: '深圳' })).toEqual(['v-4', 'v-5']);
    expect(ids({ tiers: [] })).toEqual([]);
  });

  it('sorts by any column with the id as tie-breaker', () => {
    db = openFixtureDatabase(tempDir());
    expect(ids({ sort: 'tier' })).toEqual(['v-1', 'v-2', 'v-3', 'v-4', 'v-5']);
    expect(ids({ sort: 'tier', descending: true })).toEqual(['v-5', 'v-4', 'v-3', 'v-2', 'v-1']);
    expect(ids({ sort: 'when' })).toEqual(['v-5', 'v-1', 'v-2', 'v-3', 'v-4']);
  });

  it('pages without repeating or skipping, with the total', () => {
    db = openFixtureDatabase(tempDir());
    const first = visitLogPage(db, { sort: 'when' }, { offset: 0, limit: 2 });
    const second = visitLogPage(db, { sort: 'when' }, { offset: 2, limit: 2 });
    const third = visitLogPage(db, { sort: 'when' }, { offset: 4, limit: 2 });
    expect([...first.rows, ...second.rows, ...third.rows].map((row) => row.id)).toEqual(['v-5', 'v-1', 'v-2', 'v-3', 'v-4']);
    expect(first.total).toBe(5);
    expect(countVisitLog(db, { ownerIds: [REP_ONE], statuses: ['done'] })).toBe(3);
  });

  it('leaves out deleted visits and visits of deleted accounts', () => {
    db = openFixtureDatabase(tempDir());
    db.prepare("UPDATE visits SET deleted_at = '2026-02-01T00:00:00.000Z' WHERE id = 'v-1'").run();
    db.prepare("UPDATE accounts SET deleted_at = '2026-02-01T00:00:00.000Z' WHERE id = 'acc-3'").run();
    expect(ids({})).toEqual(['v-3', 'v-2']);
  });
});
