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

  it('has a row for every rep of the team it knows, with zeros where nothing was done', () => {
    db = openFixtureDatabase(tempDir());
    const silent = '01900000-0000-7000-8000-000000000003';
    const lead = '01900000-0000-7000-8000-000000000009';
    // The team server named a rep whose rows this laptop holds none of now, and the signed-in lead (who owns no account).
    db.prepare("UPDATE sync_state SET user_id = ?, role = 'lead'").run(lead);
    const named = db.prepare('INSERT INTO sync_owners (id, display_name) VALUES (?, ?)');
    named.run(silent, '赵六');
    named.run(REP_ONE, '王芳');
    named.run(lead, '组长');
    // REP_TWO's one account is archived: nothing of theirs is served, yet they stay in the report.
    db.prepare("UPDATE accounts SET archived_at = '2025-12-01T00:00:00.000Z' WHERE owner_id = ?").run(REP_TWO);
    const report = coverageFromDb(db, january);
    expect(report.byRep.map((rep) => [rep.ownerId, rep.counts.accounts, rep.counts.visitsDone])).toEqual([
      [REP_ONE, 2, 3],
      [silent, 0, 0],
      [REP_TWO, 0, 0],
    ]);
    expect(report.byRep[1]!.counts).toEqual({ accounts: 0, due: 0, withinCadence: 0, overdue: 0, visitsDone: 0, averageGapDays: null });
    expect(coverageFromDb(db, { ...january, ownerIds: [silent] }).byRep.map((rep) => rep.ownerId)).toEqual([silent]);
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

  it('counts complaints, orders and greetings from their tables', () => {
    db = openFixtureDatabase(tempDir());
    const stamp = '2025-01-01T00:00:00.000Z';
    const complaint = db.prepare(
      `INSERT INTO complaints (id, account_id, channel, severity, description, received_at, target_hours, first_responded_at, resolved_at, created_at, updated_at)
       VALUES (?, 'acc-1', 'phone', 'high', '交货延迟', ?, ?, ?, ?, ?, ?)`,
    );
    complaint.run('cp-1', '2026-01-03T01:00:00.000Z', null, '2026-01-03T03:00:00.000Z', '2026-01-04T01:00:00.000Z', stamp, stamp);
    complaint.run('cp-2', '2026-01-04T01:00:00.000Z', 1, '2026-01-04T05:00:00.000Z', null, stamp, stamp);
    complaint.run('cp-3', '2026-02-04T01:00:00.000Z', null, null, null, stamp, stamp);
    db.prepare(`INSERT INTO important_dates (id, account_id, contact_id, kind, calendar, month, day, created_at, updated_at) VALUES ('d-1', 'acc-1', 'con-1', 'birthday', 'gregorian', 1, 20, ?, ?)`).run(stamp, stamp);
    db.prepare(`INSERT INTO important_dates (id, account_id, contact_id, kind, calendar, month, day, created_at, updated_at) VALUES ('d-2', 'acc-2', 'con-3', 'birthday', 'lunar', 12, 1, ?, ?)`).run(stamp, stamp);
    db.prepare(`INSERT INTO greetings (id, key, account_id, date_id, occurrence_day, channel, greeted_at, created_at, updated_at) VALUES ('g-1', 'k', 'acc-1', 'd-1', '2026-01-20', 'wechat', '2026-01-20T01:00:00.000Z', ?, ?)`).run(stamp, stamp);
    // acc-3's last visit was 2025-12-01 (211 days before 30 June): its January order keeps it from lapsing.
    db.prepare(`INSERT INTO orders (id, account_id, day, amount, created_at, updated_at) VALUES ('o-1', 'acc-3', '2026-01-15', 1000, ?, ?)`).run(stamp, stamp);
    const report = coverageFromDb(db, { ...january, asOf: '2026-12-31', to: '2026-06-30' });
    expect(report.complaints).toEqual({ opened: 3, answeredWithinTarget: 1, resolved: 1, medianResponseMinutes: 180 });
    // d-1 on 2026-01-20 (greeted); d-2 (农历腊月初一) falls on 2026-01-19: due, not greeted.
    expect(report.greetings).toEqual({ due: 2, done: 1 });
    expect(report.lifecycle.lapsedAccountIds).toEqual([]);
  });
});
