import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { writeSettings } from '../repo/settings.js';
import { useTempDir } from '../testing/tempDir.js';
import { cadencePolicyOf, coverageFromDb, loadCoverageInput } from './coverage.js';
import { openFixtureDatabase, REP_ONE, REP_TWO } from './testFixture.js';

describe('coverage from the database', () => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());
  const january = { from: '2026-01-01', to: '2026-01-31', asOf: '2026-03-01', timeZone: 'Asia/Shanghai' };

  it('loads the period’s completed visits on their local days plus the last one before the period', () => {
    db = openFixtureDatabase(tempDir());
    const input = loadCoverageInput(db, january);
    expect(input.visits.map((v) => `${v.accountId} ${v.day}`).sort()).toEqual(['acc-1 2026-01-05', 'acc-1 2026-01-11', 'acc-2 2026-01-20', 'acc-3 2025-12-01']);
    expect(input.complaints).toEqual([]);
  });

  it('reports per tier and per rep', () => {
    db = openFixtureDatabase(tempDir());
    const report = coverageFromDb(db, january);
    // acc-1 (A): no visit before the period, visited on the 5th and 11th, then 20 days to the 31st: within cadence.
    expect(report.byTier.A).toMatchObject({ accounts: 1, due: 1, withinCadence: 1, overdue: 0, visitsDone: 2, averageGapDays: 6 });
    // acc-2 (B): never visited before, visited in the period.
    expect(report.byTier.B).toMatchObject({ accounts: 1, due: 1, withinCadence: 1 });
    // acc-3 (C): last visit 2025-12-01, 61 days by the 31st: not yet due.
    expect(report.byTier.C).toMatchObject({ accounts: 1, due: 0, overdue: 0 });
    expect(report.byRep.map((rep) => [rep.ownerId, rep.counts.accounts])).toEqual([
      [REP_ONE, 2],
      [REP_TWO, 1],
    ]);
  });

  it('reports on one rep only', () => {
    db = openFixtureDatabase(tempDir());
    const report = coverageFromDb(db, { ...january, ownerIds: [REP_TWO] });
    expect(report.total.accounts).toBe(1);
    expect(report.accounts[0]!.account.name).toBe('=HYPERLINK("http://evil")');
  });

  it('uses the user’s cadence settings', () => {
    db = openFixtureDatabase(tempDir());
    writeSettings(db, { cadence: { A: 7, B: 30, C: 30 } });
    expect(cadencePolicyOf(db).tiers.C.ideal).toBe(30);
    expect(coverageFromDb(db, january).byTier.C).toMatchObject({ due: 1, overdue: 1 });
  });
});
