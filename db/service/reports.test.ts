import { describe, expect, it } from 'vitest';
import { openFixtureDatabase, REP_ONE, REP_TWO } from '../reports/testFixture.js';
import { writeSettings } from '../repo/settings.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

/** The hand-made team (three accounts, five visits) behind the service, as a transport calls it. */
function fixtureHarness(dir: string): Harness {
  openFixtureDatabase(dir).close();
  return createHarness(dir, '2026-03-01T04:00:00.000Z');
}

const WINTER = { from: '2025-11-15', to: '2026-02-15' };

describe('reports through callApi', () => {
  const tempDir = useTempDir();

  it('pages the visit log newest first with the total, and filters by rep, tier, kind, status, city and days', async () => {
    const h = fixtureHarness(tempDir());
    const all = await h.call('reports.visitLog', { ...WINTER, limit: 2 });
    expect(all.total).toBe(5);
    expect(all.rows.map((row) => row.id)).toEqual(['v-4', 'v-3']);
    expect((await h.call('reports.visitLog', { ...WINTER, offset: 4 })).rows.map((row) => row.id)).toEqual(['v-5']);
    const ids = async (filters: object) => (await h.call('reports.visitLog', { ...WINTER, ...filters })).rows.map((row) => row.id).sort();
    expect(await ids({ ownerIds: [REP_TWO] })).toEqual(['v-4', 'v-5']);
    expect(await ids({ tiers: ['A'] })).toEqual(['v-1', 'v-2']);
    expect(await ids({ kinds: ['delivery', 'executive'] })).toEqual(['v-2', 'v-3']);
    expect(await ids({ statuses: ['planned'] })).toEqual(['v-4']);
    expect(await ids({ city: '北京' })).toEqual(['v-1', 'v-2']);
    expect(await ids({ from: '2026-01-15', to: '2026-01-31' })).toEqual(['v-3']);
    const byAccount = await h.call('reports.visitLog', { ...WINTER, sort: 'account' });
    expect(byAccount.rows.map((row) => row.accountId)).toEqual(['acc-3', 'acc-3', 'acc-2', 'acc-1', 'acc-1']);
    expect(byAccount.rows[2]).toMatchObject({ accountName: 'Acme, "Quoted" & Co', ownerId: REP_ONE, contactsMet: ['Bob "Bobby" Smith'] });
    h.db.close();
  });

  it('refuses a bad filter before touching the data', async () => {
    const h = fixtureHarness(tempDir());
    expect(await h.fail('reports.visitLog', { tiers: ['D'] })).toMatchObject({ code: 'validation', issues: [{ path: ['tiers', 0] }] });
    expect(await h.fail('reports.visitLog', { limit: 100_000 })).toMatchObject({ code: 'validation' });
    expect(await h.fail('reports.coverage', { period: { preset: 'custom', from: '2026-02-01', to: '2026-01-01' } })).toMatchObject({ code: 'validation' });
    h.db.close();
  });

  it('names the reps: this device’s user from settings, others from the team server', async () => {
    const h = fixtureHarness(tempDir());
    h.db.prepare('INSERT INTO sync_owners (id, display_name) VALUES (?, ?)').run(REP_ONE, '王芳');
    expect(await h.call('reports.reps', undefined)).toEqual([
      { ownerId: REP_ONE, name: '王芳' },
      { ownerId: REP_TWO, name: null },
    ]);
    writeSettings(h.db, { repName: '李雷' });
    h.db.prepare("UPDATE accounts SET owner_id = NULL WHERE id = 'acc-3'").run();
    expect((await h.call('reports.reps', undefined))[0]).toEqual({ ownerId: null, name: '李雷' });
    h.db.close();
  });

  it('reports coverage for a preset period: per tier, per rep, overdue accounts, sections', async () => {
    const h = fixtureHarness(tempDir());
    const january = await h.call('reports.coverage', { period: { preset: 'month', day: '2026-01-20' } });
    expect(january.period).toMatchObject({ preset: 'month', from: '2026-01-01', to: '2026-01-31' });
    expect(january.byTier.A).toMatchObject({ accounts: 1, due: 1, withinCadence: 1, visitsDone: 2 });
    expect(january.byTier.C).toMatchObject({ accounts: 1, due: 0 });
    expect(january.byRep).toEqual([expect.objectContaining({ ownerId: REP_ONE }), expect.objectContaining({ ownerId: REP_TWO })]);
    expect(january.complaints).toEqual({ opened: 0, answeredWithinTarget: 0, resolved: 0, medianResponseMinutes: null });
    // By the end of February (evaluated up to 1 March) the A account has gone 49 days without a visit.
    const quarter = await h.call('reports.coverage', { period: { preset: 'quarter' } });
    expect(quarter.period).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarter.overdue.map((row) => row.accountName)).toContain('中国石油天然气股份有限公司');
    expect(quarter.overdueTotal).toBe(quarter.overdue.length);
    const repTwo = await h.call('reports.coverage', { period: { preset: 'custom', from: '2026-01-01', to: '2026-01-31' }, ownerIds: [REP_TWO] });
    expect(repTwo.total.accounts).toBe(1);
    h.db.close();
  });

  it('gives coverage by tier over consecutive periods and completed visits per rep per week', async () => {
    const h = fixtureHarness(tempDir());
    const trend = await h.call('reports.coverageTrend', { preset: 'month', day: '2026-01-20', periods: 3 });
    expect(trend.map((point) => point.period.from)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01']);
    expect(trend[2]!.byTier.A).toEqual({ due: 1, withinCadence: 1 });
    const weeks = await h.call('reports.visitsPerWeek', { period: { preset: 'custom', from: '2026-01-01', to: '2026-01-31' } });
    expect(weeks.weeks[0]).toBe('2025-12-29');
    expect(weeks.weeks).toHaveLength(5);
    const repOne = weeks.reps.find((rep) => rep.ownerId === REP_ONE)!;
    // v-1 on Monday 5 January and v-2 on the 10th/11th (by zone) share a week; v-3 on the 20th
    expect(repOne.counts).toEqual([0, 2, 0, 1, 0]);
    h.db.close();
  });

  it('charts per week what By rep counts as visits done, with a series for every rep', async () => {
    const h = fixtureHarness(tempDir());
    const stamp = '2025-01-01T00:00:00.000Z';
    const visit = h.db.prepare(`INSERT INTO visits (id, account_id, kind, status, done_at, owner_id, created_at, updated_at) VALUES (?, ?, ?, 'done', ?, ?, ?, ?)`);
    // REP_TWO visits REP_ONE's account (shared): it counts for the account's rep, as in the table.
    visit.run('v-shared', 'acc-1', 'routine', '2026-01-14T02:00:00.000Z', REP_TWO, stamp, stamp);
    // A visit at an archived account counts nowhere.
    h.db.prepare(`INSERT INTO accounts (id, name, tier, status, owner_id, archived_at, created_at, updated_at) VALUES ('acc-old', 'Old', 'B', 'active', ?, ?, ?, ?)`).run(REP_TWO, stamp, stamp, stamp);
    visit.run('v-old', 'acc-old', 'routine', '2026-01-15T02:00:00.000Z', REP_TWO, stamp, stamp);
    const period = { preset: 'custom', from: '2026-01-01', to: '2026-01-31' } as const;
    const coverage = await h.call('reports.coverage', { period });
    const weeks = await h.call('reports.visitsPerWeek', { period });
    const charted = weeks.reps.map((rep) => [rep.ownerId, rep.counts.reduce((a, b) => a + b, 0)]);
    expect(charted).toEqual(coverage.byRep.map((rep) => [rep.ownerId, rep.counts.visitsDone]));
    expect(charted).toEqual([
      [REP_ONE, 4],
      [REP_TWO, 0],
    ]);
    h.db.close();
  });
});
