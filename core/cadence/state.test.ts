import { describe, expect, it } from 'vitest';
import { cadenceState } from './state.js';

const a = { tier: 'A' as const, cadenceDays: null };
const c = { tier: 'C' as const, cadenceDays: null };

describe('cadenceState', () => {
  it('is never when there was no counted contact', () => {
    expect(cadenceState(a, null, '2026-03-01')).toEqual({ state: 'never', dueDay: null, overdueDay: null, daysSince: null, daysOverdue: 0 });
  });

  it('walks an A account from ok to due (day 14) to overdue (day 22)', () => {
    const last = '2026-03-01';
    expect(cadenceState(a, last, '2026-03-14')).toEqual({ state: 'ok', dueDay: '2026-03-15', overdueDay: '2026-03-23', daysSince: 13, daysOverdue: 0 });
    expect(cadenceState(a, last, '2026-03-15').state).toBe('due');
    expect(cadenceState(a, last, '2026-03-22')).toMatchObject({ state: 'due', daysSince: 21, daysOverdue: 0 });
    expect(cadenceState(a, last, '2026-03-23')).toMatchObject({ state: 'overdue', daysSince: 22, daysOverdue: 1 });
    expect(cadenceState(a, last, '2026-04-02')).toMatchObject({ state: 'overdue', daysOverdue: 11 });
  });

  it('counts across month and leap-year ends', () => {
    expect(cadenceState(a, '2028-02-20', '2028-03-05')).toMatchObject({ state: 'due', dueDay: '2028-03-05', daysSince: 14 });
    expect(cadenceState(a, '2025-12-25', '2026-01-08')).toMatchObject({ state: 'due', dueDay: '2026-01-08' });
  });

  it('a C account is due on day 90 and overdue after 90 days', () => {
    expect(cadenceState(c, '2026-01-01', '2026-04-01')).toMatchObject({ state: 'due', daysSince: 90, dueDay: '2026-04-01' });
    expect(cadenceState(c, '2026-01-01', '2026-04-02')).toMatchObject({ state: 'overdue', daysOverdue: 1, overdueDay: '2026-04-02' });
  });

  it('the hard cap overrides a lenient per-account cadence', () => {
    const lenient = { tier: 'C' as const, cadenceDays: 180 };
    expect(cadenceState(lenient, '2026-01-01', '2026-04-02').state).toBe('overdue');
  });

  it('a per-account override moves due and overdue', () => {
    const tight = { tier: 'B' as const, cadenceDays: 10 }; // 10 / 15
    expect(cadenceState(tight, '2026-05-01', '2026-05-11').state).toBe('due');
    expect(cadenceState(tight, '2026-05-01', '2026-05-17')).toMatchObject({ state: 'overdue', daysOverdue: 1 });
  });

  it('treats a contact dated after today as today', () => {
    expect(cadenceState(a, '2026-03-10', '2026-03-01')).toMatchObject({ state: 'ok', daysSince: 0 });
  });
});
