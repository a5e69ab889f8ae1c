import { describe, expect, it } from 'vitest';
import { customPeriod, presetPeriod, previousPeriod } from './period.js';

describe('report periods', () => {
  it('finds the month, quarter, half-year and year containing a day', () => {
    expect(presetPeriod('month', '2024-02-10')).toMatchObject({ from: '2024-02-01', to: '2024-02-29', year: 2024, index: 2 });
    expect(presetPeriod('quarter', '2026-08-14')).toMatchObject({ from: '2026-07-01', to: '2026-09-30', index: 3 });
    expect(presetPeriod('half_year', '2026-06-30')).toMatchObject({ from: '2026-01-01', to: '2026-06-30', index: 1 });
    expect(presetPeriod('half_year', '2026-07-01')).toMatchObject({ from: '2026-07-01', to: '2026-12-31', index: 2 });
    expect(presetPeriod('year', '2026-11-23')).toMatchObject({ from: '2026-01-01', to: '2026-12-31', index: 1 });
  });

  it('steps back to the previous period across a year boundary', () => {
    expect(previousPeriod({ ...presetPeriod('quarter', '2026-02-01'), preset: 'quarter' })).toMatchObject({ from: '2025-10-01', to: '2025-12-31', year: 2025, index: 4 });
    expect(previousPeriod({ ...presetPeriod('month', '2026-03-31'), preset: 'month' })).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('accepts a custom range in order and refuses one backwards or malformed', () => {
    expect(customPeriod('2026-03-05', '2026-03-05')).toMatchObject({ preset: 'custom', from: '2026-03-05', to: '2026-03-05', index: 0 });
    expect(() => customPeriod('2026-03-06', '2026-03-05')).toThrow(RangeError);
    expect(() => customPeriod('2026-02-30', '2026-03-05')).toThrow(RangeError);
  });
});
