import { describe, expect, it } from 'vitest';
import { coverageReport, type CoverageAccount, type CoverageInput, type CoverageVisit } from './coverage.js';

const account = (id: string, tier: CoverageAccount['tier'], ownerId: string | null = null, status: CoverageAccount['status'] = 'active'): CoverageAccount => ({
  id,
  name: `客户${id}`,
  tier,
  status,
  cadenceDays: null,
  ownerId,
});
const visit = (accountId: string, day: string, kind: CoverageVisit['kind'] = 'routine'): CoverageVisit => ({ accountId, day, kind });
const input = (overrides: Partial<CoverageInput>): CoverageInput => ({
  from: '2026-01-01',
  to: '2026-01-31',
  asOf: '2026-12-31',
  accounts: [],
  visits: [],
  orders: [],
  complaints: [],
  greetings: [],
  ...overrides,
});

describe('coverageReport', () => {
  it('counts an A account visited every 14 days as due and within cadence, with its average gap', () => {
    const report = coverageReport(input({ accounts: [account('a', 'A')], visits: [visit('a', '2025-12-25'), visit('a', '2026-01-08'), visit('a', '2026-01-22')] }));
    expect(report.byTier.A).toEqual({ accounts: 1, due: 1, withinCadence: 1, overdue: 0, visitsDone: 2, averageGapDays: 14 });
    expect(report.total.withinCadence).toBe(1);
  });

  it('marks a gap longer than the maximum as not within cadence, and overdue at the end when still open', () => {
    // A: ideal 14, maximum 21. Last visit 2025-12-20: overdue from 2026-01-11 until the 2026-01-15 visit.
    const late = coverageReport(input({ accounts: [account('a', 'A')], visits: [visit('a', '2025-12-20'), visit('a', '2026-01-15')] }));
    expect(late.byTier.A).toMatchObject({ due: 1, withinCadence: 0, overdue: 0 });
    // Not visited again: on 2026-01-31 it is 42 days since the last visit, 21 past the maximum.
    const open = coverageReport(input({ accounts: [account('a', 'A')], visits: [visit('a', '2025-12-20')] }));
    expect(open.byTier.A).toMatchObject({ due: 1, withinCadence: 0, overdue: 1 });
    expect(open.accounts[0]!.daysOverdue).toBe(42 - 21);
  });

  it('does not count an account that never came due in the period', () => {
    const report = coverageReport(input({ accounts: [account('c', 'C')], visits: [visit('c', '2025-12-15')] }));
    expect(report.byTier.C).toMatchObject({ accounts: 1, due: 0, withinCadence: 0, overdue: 0 });
  });

  it('treats an account never contacted as due, and within cadence only if contacted in the period', () => {
    const report = coverageReport(input({ accounts: [account('b1', 'B'), account('b2', 'B')], visits: [visit('b1', '2026-01-10')] }));
    expect(report.byTier.B).toMatchObject({ accounts: 2, due: 2, withinCadence: 1 });
  });

  it('evaluates a running period only up to today and ignores later contacts', () => {
    const report = coverageReport(input({ asOf: '2026-01-10', accounts: [account('a', 'A')], visits: [visit('a', '2025-12-20'), visit('a', '2026-01-20')] }));
    expect(report.evaluatedTo).toBe('2026-01-10');
    expect(report.byTier.A).toMatchObject({ due: 1, withinCadence: 1, overdue: 0, visitsDone: 0 });
  });

  it('skips contacts of kinds that do not count toward cadence', () => {
    const policy = { tiers: { A: { ideal: 14, maximum: 21 }, B: { ideal: 30, maximum: 45 }, C: { ideal: 90, maximum: 90 } }, hardCapDays: 90, countingKinds: ['routine'] as const, lapseThresholdDays: 180 };
    const report = coverageReport(input({ policy, accounts: [account('a', 'A')], visits: [visit('a', '2025-12-28'), visit('a', '2026-01-10', 'phone_call')] }));
    expect(report.byTier.A).toMatchObject({ withinCadence: 0, overdue: 1, visitsDone: 0 });
  });

  it('splits per rep and merges the average gap exactly', () => {
    const report = coverageReport(
      input({
        accounts: [account('a', 'A', 'rep-1'), account('b', 'B', 'rep-1'), account('c', 'A', 'rep-2')],
        visits: [visit('a', '2025-12-31'), visit('a', '2026-01-10'), visit('b', '2025-12-01'), visit('b', '2026-01-20'), visit('c', '2026-01-05')],
      }),
    );
    expect(report.byRep.map((rep) => rep.ownerId)).toEqual(['rep-1', 'rep-2']);
    expect(report.byRep[0]!.counts).toMatchObject({ accounts: 2, visitsDone: 2, averageGapDays: (10 + 50) / 2 });
    expect(report.byRep[0]!.byTier.B).toMatchObject({ accounts: 1, withinCadence: 0 });
    expect(report.total.averageGapDays).toBe(30);
  });

  it('leaves prospects and lapsed accounts out of cadence but finds lapses and win-backs', () => {
    const report = coverageReport(
      input({
        accounts: [account('p', 'A', null, 'prospect'), account('l', 'C', null, 'lapsed'), account('w', 'B', null, 'active')],
        visits: [visit('l', '2025-05-01'), visit('w', '2025-03-01'), visit('w', '2026-01-15')],
      }),
    );
    expect(report.total.accounts).toBe(1);
    expect(report.lifecycle).toEqual({ lapsedAccountIds: ['l'], wonBackAccountIds: ['w'] });
  });

  it('counts orders as activity for lapses and win-backs', () => {
    const report = coverageReport(
      input({
        accounts: [account('o', 'C', null, 'active'), account('w', 'C', null, 'lapsed')],
        visits: [visit('o', '2025-03-01'), visit('w', '2025-03-01')],
        orders: [
          { accountId: 'o', day: '2025-12-20' },
          { accountId: 'w', day: '2026-01-20' },
        ],
      }),
    );
    expect(report.lifecycle).toEqual({ lapsedAccountIds: [], wonBackAccountIds: ['w'] });
  });

  it('summarises complaints and greetings from their typed inputs', () => {
    const report = coverageReport(
      input({
        complaints: [
          { accountId: 'a', openedDay: '2026-01-02', firstResponseMinutes: 60, targetMinutes: 360, resolvedDay: '2026-01-03' },
          { accountId: 'a', openedDay: '2026-01-05', firstResponseMinutes: 600, targetMinutes: 360, resolvedDay: null },
          { accountId: 'a', openedDay: '2026-01-06', firstResponseMinutes: null, targetMinutes: 360, resolvedDay: null },
          { accountId: 'a', openedDay: '2026-02-06', firstResponseMinutes: 1, targetMinutes: 360, resolvedDay: null },
        ],
        greetings: [
          { accountId: 'a', dueDay: '2026-01-29', doneDay: '2026-01-29' },
          { accountId: 'a', dueDay: '2026-01-30', doneDay: null },
        ],
      }),
    );
    expect(report.complaints).toEqual({ opened: 3, answeredWithinTarget: 1, resolved: 1, medianResponseMinutes: 330 });
    expect(report.greetings).toEqual({ due: 2, done: 1 });
  });

  it('reports nothing due for a period that has not begun', () => {
    const report = coverageReport(input({ asOf: '2025-12-01', accounts: [account('a', 'A')] }));
    expect(report.evaluatedTo).toBeNull();
    expect(report.total.accounts).toBe(0);
  });
});
