import { describe, expect, it } from 'vitest';
import { dayInZone, instantRangeOfDays, startOfDayIn, wallClockOf } from './zone.js';

describe('days in a time zone', () => {
  it('starts a Shanghai day at 16:00 UTC the day before', () => {
    expect(startOfDayIn('2026-11-23', 'Asia/Shanghai').toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('follows daylight saving time on both sides of a change', () => {
    expect(startOfDayIn('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDayIn('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
  });

  it('bounds a range of days as a half-open range of instants', () => {
    expect(instantRangeOfDays('2026-01-01', '2026-01-31', 'Asia/Shanghai')).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-01-31T16:00:00.000Z' });
  });

  it('reads the wall clock of an instant in a zone', () => {
    expect(wallClockOf(new Date('2026-11-22T17:30:00.000Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-23T01:30:00.000Z');
  });
});

describe('dayInZone', () => {
  it('agrees with the zone’s wall clock around midnight and a DST change', () => {
    expect(dayInZone('2026-11-22T15:59:59.000Z', 'Asia/Shanghai')).toBe('2026-11-22');
    expect(dayInZone('2026-11-22T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-11-23');
    expect(dayInZone('2026-03-08T04:59:00.000Z', 'America/New_York')).toBe('2026-03-07');
    expect(dayInZone('2026-03-09T03:59:00.000Z', 'America/New_York')).toBe('2026-03-08');
    expect(dayInZone('2026-03-09T04:00:00.000Z', 'America/New_York')).toBe('2026-03-09');
  });
});
