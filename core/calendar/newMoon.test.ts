import { describe, expect, it } from 'vitest';
import { dayOfEpochDay, epochDayOf } from './day.js';
import { deltaTSeconds, newMoonDayNear, newMoonJde } from './newMoon.js';

describe('new moons', () => {
  it('reproduces Meeus example 49.a (new moon of February 1977)', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 5);
  });

  it('uses a plausible ΔT', () => {
    expect(deltaTSeconds(1900)).toBeCloseTo(-2.8, 0);
    expect(deltaTSeconds(2000)).toBeCloseTo(63.9, 0);
    expect(deltaTSeconds(2100)).toBeGreaterThan(100);
  });

  it('puts near-midnight new moons on the published day in Chinese civil time', () => {
    const near = (day: string) => dayOfEpochDay(newMoonDayNear(epochDayOf(day)));
    expect(near('2027-02-07')).toBe('2027-02-06'); // 23:56 CST
    expect(near('2030-02-02')).toBe('2030-02-03'); // 00:07 CST
    expect(near('2025-07-20')).toBe('2025-07-25');
    expect(near('1914-11-18')).toBe('1914-11-17'); // before 1929: Beijing local mean time
  });
});
