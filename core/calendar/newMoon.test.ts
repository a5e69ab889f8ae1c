import { MakeTime, SearchMoonPhase } from 'astronomy-engine';
import { describe, expect, it } from 'vitest';
import { dayOfEpochDay, epochDayOf } from './day.js';
import { newMoonDayNear, newMoonNear } from './newMoon.js';

const MS_PER_DAY = 86_400_000;
const secondsFrom = (utc: string, day: string) => (newMoonNear(epochDayOf(day))! * MS_PER_DAY - Date.parse(utc)) / 1000;

describe('new moons', () => {
  it('are within a minute of the published times (US Naval Observatory, to the minute in UT)', () => {
    expect(Math.abs(secondsFrom('2025-01-29T12:36Z', '2025-01-29'))).toBeLessThan(60);
    expect(Math.abs(secondsFrom('2012-08-17T15:54Z', '2012-08-17'))).toBeLessThan(60);
    expect(Math.abs(secondsFrom('2018-11-07T16:02Z', '2018-11-08'))).toBeLessThan(60);
    expect(Math.abs(secondsFrom('2027-02-06T15:56Z', '2027-02-06'))).toBeLessThan(60);
    expect(Math.abs(secondsFrom('2030-02-02T16:07Z', '2030-02-03'))).toBeLessThan(60);
  });

  it('compare apparent longitudes: about 40 s before astronomy-engine\'s SearchMoonPhase, which leaves out aberration', () => {
    for (const day of ['1906-04-23', '2027-02-06', '2057-09-29', '2097-08-07']) {
      const searched = SearchMoonPhase(0, MakeTime(new Date(Date.parse(day) - 2 * MS_PER_DAY)), 5)!;
      const lead = (searched.date.getTime() - newMoonNear(epochDayOf(day))! * MS_PER_DAY) / 1000;
      expect(lead, day).toBeGreaterThan(30);
      expect(lead, day).toBeLessThan(50);
    }
  });

  it('puts near-midnight new moons on the published day in Chinese civil time', () => {
    const near = (day: string) => dayOfEpochDay(newMoonDayNear(epochDayOf(day))!);
    expect(near('2027-02-07')).toBe('2027-02-06'); // 23:56 CST
    expect(near('2030-02-02')).toBe('2030-02-03'); // 00:07 CST
    expect(near('2025-07-24')).toBe('2025-07-25');
    expect(near('1914-11-18')).toBe('1914-11-17'); // before 1929: Beijing local mean time
  });

  it('puts the closest calls of 1900–2100 on the day their computed time falls on', () => {
    const near = (day: string) => dayOfEpochDay(newMoonDayNear(epochDayOf(day))!);
    expect(near('2057-09-28')).toBe('2057-09-29'); // 00:00:02 CST
    expect(near('2097-08-08')).toBe('2097-08-07'); // 23:59:42 CST
    expect(near('2089-09-05')).toBe('2089-09-04'); // 23:57:33 CST
  });

  it('finds none more than two days from the day asked about', () => {
    expect(newMoonNear(epochDayOf('2025-07-10'))).toBeNull();
    expect(newMoonDayNear(epochDayOf('2025-07-21'))).toBeNull(); // the new moon is on the 25th, 03:11 CST
    expect(newMoonDayNear(epochDayOf('2025-07-23'))).toBe(epochDayOf('2025-07-25'));
  });
});
