import { describe, expect, it } from 'vitest';
import { lifecycleTransition } from './lifecycle.js';

describe('lifecycleTransition', () => {
  const today = '2026-07-01';

  it('lapses a served account after more than 180 days without activity', () => {
    // 2026-01-02 → 2026-07-01 is 180 days: not yet lapsed; one day earlier is 181.
    expect(lifecycleTransition('active', '2026-01-02', today)).toBe('active');
    expect(lifecycleTransition('active', '2026-01-01', today)).toBe('lapsed');
    expect(lifecycleTransition('at_risk', '2026-01-01', today)).toBe('lapsed');
    expect(lifecycleTransition('won_back', '2025-06-01', today)).toBe('lapsed');
  });

  it('wins back a lapsed account with a visit or order inside the threshold', () => {
    expect(lifecycleTransition('lapsed', '2026-06-30', today)).toBe('won_back');
    expect(lifecycleTransition('lapsed', '2025-12-01', today)).toBe('lapsed');
  });

  it('leaves prospects, accounts without activity and recent accounts alone', () => {
    expect(lifecycleTransition('prospect', '2020-01-01', today)).toBe('prospect');
    expect(lifecycleTransition('active', null, today)).toBe('active');
    expect(lifecycleTransition('lapsed', null, today)).toBe('lapsed');
    expect(lifecycleTransition('won_back', '2026-06-01', today)).toBe('won_back');
  });

  it('honours a custom threshold', () => {
    expect(lifecycleTransition('active', '2026-03-01', today, 90)).toBe('lapsed');
    expect(lifecycleTransition('active', '2026-04-02', today, 90)).toBe('active');
  });
});
