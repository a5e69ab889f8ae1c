import { describe, expect, it } from 'vitest';
import { countsTowardCadence, DEFAULT_CADENCE_POLICY, gapFor, policyWithIdealDays } from './policy.js';

describe('gapFor', () => {
  it('uses the tier defaults A 14/21, B 30/45, C 90/90', () => {
    expect(gapFor('A', null)).toEqual({ ideal: 14, maximum: 21 });
    expect(gapFor('B', null)).toEqual({ ideal: 30, maximum: 45 });
    expect(gapFor('C', null)).toEqual({ ideal: 90, maximum: 90 });
  });

  it('scales the tier slack for a per-account override', () => {
    expect(gapFor('A', 10)).toEqual({ ideal: 10, maximum: 15 });
    expect(gapFor('A', 7)).toEqual({ ideal: 7, maximum: 11 }); // 10.5 rounds to 11
    expect(gapFor('B', 20)).toEqual({ ideal: 20, maximum: 30 });
    expect(gapFor('C', 30)).toEqual({ ideal: 30, maximum: 30 });
  });

  it('never lets an override or tier exceed the 90-day hard cap', () => {
    expect(gapFor('A', 80)).toEqual({ ideal: 80, maximum: 90 }); // 120 capped
    expect(gapFor('C', 200)).toEqual({ ideal: 90, maximum: 90 });
    const lenient = { ...DEFAULT_CADENCE_POLICY, tiers: { ...DEFAULT_CADENCE_POLICY.tiers, C: { ideal: 120, maximum: 150 } } };
    expect(gapFor('C', null, lenient)).toEqual({ ideal: 90, maximum: 90 });
  });
});

describe('countsTowardCadence', () => {
  it('counts on-site visits by default but not calls or meetings', () => {
    expect(countsTowardCadence('routine')).toBe(true);
    expect(countsTowardCadence('executive')).toBe(true);
    expect(countsTowardCadence('phone_call')).toBe(false);
    expect(countsTowardCadence('meeting')).toBe(false);
  });

  it('counts phone calls when the user adds them', () => {
    const policy = { ...DEFAULT_CADENCE_POLICY, countingKinds: [...DEFAULT_CADENCE_POLICY.countingKinds, 'phone_call' as const] };
    expect(countsTowardCadence('phone_call', policy)).toBe(true);
    expect(countsTowardCadence('meeting', policy)).toBe(false);
  });
});

describe('policyWithIdealDays', () => {
  it('takes the ideals from settings and keeps each tier’s slack', () => {
    const policy = policyWithIdealDays({ A: 7, B: 30, C: 60 });
    expect(policy.tiers).toEqual({ A: { ideal: 7, maximum: 11 }, B: { ideal: 30, maximum: 45 }, C: { ideal: 60, maximum: 60 } });
    expect(policy.hardCapDays).toBe(90);
  });
});
