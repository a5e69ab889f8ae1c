import { describe, expect, it } from 'vitest';
import { planWeekWindow } from './planWeekWindow.js';

describe('planWeekWindow', () => {
  it('plans the rest of this week from Monday to Wednesday', () => {
    expect(planWeekWindow('2026-11-23')).toEqual({ weekStart: '2026-11-23', days: 5 }); // Monday
    expect(planWeekWindow('2026-11-25')).toEqual({ weekStart: '2026-11-25', days: 3 }); // Wednesday
  });

  it('plans next week from Thursday to Sunday', () => {
    expect(planWeekWindow('2026-11-26')).toEqual({ weekStart: '2026-11-30', days: 5 }); // Thursday
    expect(planWeekWindow('2026-11-28')).toEqual({ weekStart: '2026-11-30', days: 5 }); // Saturday
    expect(planWeekWindow('2026-11-29')).toEqual({ weekStart: '2026-11-30', days: 5 }); // Sunday
  });
});
