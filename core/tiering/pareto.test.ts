import { describe, expect, it } from 'vitest';
import type { Tier, TierSource } from '../model/enums.js';
import { revenueProblems, suggestTiers, type TieringAccount } from './pareto.js';

function account(accountId: string, revenue: number, tier: Tier = 'C', tierSource: TierSource = 'suggested'): TieringAccount {
  return { accountId, revenue, tier, tierSource };
}

/** Suggested tier per account id, for accounts whose tier would change. */
function changes(accounts: TieringAccount[]) {
  return Object.fromEntries(suggestTiers(accounts).map((s) => [s.accountId, s.suggestedTier]));
}

describe('suggestTiers', () => {
  it('splits 80 / 15 / 5 with the crossing account in A', () => {
    // total 100: a1 50 (0→50), a2 25 (50→75), a3 10 (75→85, crosses 80 → A), a4 6 (85→91 → B),
    // a5 5 (91→96, crosses 95 → B), a6 4 (96 → C), a7 0 (C)
    const accounts = [account('a1', 50), account('a2', 25), account('a3', 10), account('a4', 6), account('a5', 5), account('a6', 4), account('a7', 0)];
    expect(changes(accounts)).toEqual({ a1: 'A', a2: 'A', a3: 'A', a4: 'B', a5: 'B' });
  });

  it('reports share, revenue, reason and source of each change, highest revenue first', () => {
    const result = suggestTiers([account('small', 4, 'A', 'manual'), account('big', 96, 'B')]);
    expect(result).toEqual([
      { accountId: 'big', currentTier: 'B', suggestedTier: 'A', currentSource: 'suggested', cumulativeShare: 0.96, revenue: 96, reason: 'within_a_share' },
      { accountId: 'small', currentTier: 'A', suggestedTier: 'C', currentSource: 'manual', cumulativeShare: 1, revenue: 4, reason: 'beyond_b_share' },
    ]);
  });

  it('flags manual tiers rather than leaving them out', () => {
    const result = suggestTiers([account('m', 100, 'C', 'manual')]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ currentSource: 'manual', suggestedTier: 'A' });
  });

  it('gives accounts with equal revenue the same tier', () => {
    // 4 × 25: positions 0 for all (nobody earns strictly more) → all A
    expect(changes([account('w', 25), account('x', 25), account('y', 25), account('z', 25)])).toEqual({ w: 'A', x: 'A', y: 'A', z: 'A' });
  });

  it('suggests C for zero revenue, whatever the current tier, and for an all-zero book', () => {
    expect(changes([account('p', 10, 'A'), account('q', 0, 'A')])).toEqual({ q: 'C' });
    expect(changes([account('p', 0, 'A'), account('q', 0, 'B')])).toEqual({ p: 'C', q: 'C' });
    expect(suggestTiers([])).toEqual([]);
  });

  it('keeps the current tier inside the ±2.5-point band around a boundary', () => {
    // The last account starts at position 0.79 (raw A) and 0.81 (raw B) respectively.
    const nearA = (tier: Tier, top: number) => [account('top', top, 'A'), account('edge', 100 - top, tier)];
    expect(changes(nearA('B', 79))).toEqual({}); // raw A, 0.79 ≥ 0.775: stays B
    expect(changes(nearA('A', 81))).toEqual({}); // raw B, 0.81 < 0.825: stays A
    expect(changes(nearA('B', 77))).toEqual({ edge: 'A' }); // 0.77 < 0.775: leaves the band
    expect(changes(nearA('A', 83))).toEqual({ edge: 'B' }); // 0.83 ≥ 0.825
    expect(changes(nearA('C', 94))).toEqual({}); // raw B at 0.94, C holds down to 0.925
    expect(changes(nearA('B', 96))).toEqual({}); // raw C at 0.96, B holds up to 0.975
    expect(changes(nearA('C', 92))).toEqual({ edge: 'B' });
    expect(changes(nearA('A', 96))).toEqual({ edge: 'C' }); // the band only widens neighbouring tiers
  });

  it('takes custom shares and band', () => {
    const accounts = [account('top', 70, 'B'), account('edge', 30, 'B')];
    expect(Object.fromEntries(suggestTiers(accounts, { aShare: 0.7, bShare: 0.9, band: 0 }).map((s) => [s.accountId, s.suggestedTier]))).toEqual({
      top: 'A',
    });
  });

  it('names each negative or non-numeric revenue with an i18n key, one problem per account, and refuses to rank them', () => {
    const bad = [account('neg', -1), account('nan', Number.NaN), account('inf', Number.POSITIVE_INFINITY), account('ok', 5)];
    expect(revenueProblems(bad)).toEqual([
      { accountId: 'neg', message: 'validation.negative' },
      { accountId: 'nan', message: 'validation.notANumber' },
      { accountId: 'inf', message: 'validation.notANumber' },
    ]);
    expect(() => suggestTiers(bad)).toThrow(RangeError);
  });
});
