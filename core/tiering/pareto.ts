/**
 * Tier suggestions by the 80/20 rule (ABC analysis) over trailing-12-month revenue.
 *
 * Accounts are ranked by revenue. An account's position is the share of total revenue earned by
 * accounts ranked strictly above it, so accounts with equal revenue always get the same tier:
 * A while that share is below 80 % (the account that crosses 80 % is therefore A), B below 95 %,
 * C for the rest and for every account without revenue.
 *
 * Hysteresis: an account whose position lies within `band` of a boundary next to its current tier
 * keeps that tier, so an account hovering around 80 % does not flip between A and B every month.
 */
import type { Tier, TierSource } from '../model/enums.js';

export interface TieringAccount {
  accountId: string;
  tier: Tier;
  tierSource: TierSource;
  /** trailing-12-month revenue; must be finite and ≥ 0 */
  revenue: number;
}

export interface TieringOptions {
  /** cumulative share of revenue that A-tier accounts make up */
  aShare: number;
  /** cumulative share that A- and B-tier accounts make up together */
  bShare: number;
  /** half-width of the hysteresis band around each boundary, as a share (0.025 = 2.5 points) */
  band: number;
}

export const DEFAULT_TIERING_OPTIONS: TieringOptions = { aShare: 0.8, bShare: 0.95, band: 0.025 };

export type TierReason = 'within_a_share' | 'within_b_share' | 'beyond_b_share' | 'no_revenue';

export interface TierSuggestion {
  accountId: string;
  currentTier: Tier;
  suggestedTier: Tier;
  /** `manual`: the user set this tier by hand; the change must be accepted explicitly, never applied silently */
  currentSource: TierSource;
  /** share of total revenue earned by this account and every account ranked above it (0–1) */
  cumulativeShare: number;
  revenue: number;
  reason: TierReason;
}

/**
 * Suggested tier changes only (accounts whose tier would stay are omitted), highest revenue first.
 * Revenues must be finite and non-negative: callers check them with `revenueProblems` first (the service
 * turns each problem into a validation issue); a bad one here is a programming error.
 */
export function suggestTiers(accounts: readonly TieringAccount[], options: TieringOptions = DEFAULT_TIERING_OPTIONS): TierSuggestion[] {
  assertValidRevenues(accounts);
  const ranked = [...accounts].sort((x, y) => y.revenue - x.revenue || compareIds(x.accountId, y.accountId));
  const total = ranked.reduce((sum, account) => sum + account.revenue, 0);
  const suggestions: TierSuggestion[] = [];
  let earnedAbove = 0; // revenue of accounts with strictly more revenue than the current one
  let earnedSoFar = 0;
  let previousRevenue = Number.POSITIVE_INFINITY;
  for (const account of ranked) {
    if (account.revenue < previousRevenue) earnedAbove = earnedSoFar;
    previousRevenue = account.revenue;
    earnedSoFar += account.revenue;
    const position = total > 0 ? earnedAbove / total : 1;
    const reason: TierReason = account.revenue === 0 ? 'no_revenue' : reasonAt(position, options);
    const suggestedTier = reason === 'no_revenue' || !keepsTier(account.tier, position, options) ? TIER_FOR_REASON[reason] : account.tier;
    if (suggestedTier === account.tier) continue;
    suggestions.push({
      accountId: account.accountId,
      currentTier: account.tier,
      suggestedTier,
      currentSource: account.tierSource,
      cumulativeShare: total > 0 ? earnedSoFar / total : 0,
      revenue: account.revenue,
      reason,
    });
  }
  return suggestions;
}

const TIER_FOR_REASON: Record<TierReason, Tier> = {
  within_a_share: 'A',
  within_b_share: 'B',
  beyond_b_share: 'C',
  no_revenue: 'C',
};

function reasonAt(position: number, { aShare, bShare }: TieringOptions): TierReason {
  if (position < aShare) return 'within_a_share';
  if (position < bShare) return 'within_b_share';
  return 'beyond_b_share';
}

/** Whether the current tier still holds once each boundary next to it is widened by the band. */
function keepsTier(current: Tier, position: number, { aShare, bShare, band }: TieringOptions): boolean {
  switch (current) {
    case 'A':
      return position < aShare + band;
    case 'B':
      return position >= aShare - band && position < bShare + band;
    case 'C':
      return position >= bShare - band;
  }
}

/** A revenue tiering cannot rank; `message` is the i18n key of the validation message. */
export interface RevenueProblem {
  accountId: string;
  message: 'validation.notANumber' | 'validation.negative';
}

/** One problem per account whose revenue is not a finite, non-negative number, in input order. */
export function revenueProblems(accounts: readonly Pick<TieringAccount, 'accountId' | 'revenue'>[]): RevenueProblem[] {
  return accounts.flatMap(({ accountId, revenue }): RevenueProblem[] => {
    if (typeof revenue !== 'number' || !Number.isFinite(revenue)) return [{ accountId, message: 'validation.notANumber' }];
    return revenue < 0 ? [{ accountId, message: 'validation.negative' }] : [];
  });
}

function assertValidRevenues(accounts: readonly TieringAccount[]): void {
  const [problem] = revenueProblems(accounts);
  if (problem) throw new RangeError(`suggestTiers: revenue of ${problem.accountId} is ${problem.message}; check with revenueProblems first`);
}

function compareIds(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
