/**
 * Revisit cadence policy: how many days may pass between completed contacts with an account.
 *
 * Each tier has an **ideal** gap (from then on the account is "due") and a **maximum** gap (past it the
 * account is "overdue"). Whatever the tier, more than `hardCapDays` without a completed contact is
 * overdue (PRODUCT.md: "if more than three months pass without a visit, schedule one now").
 */
import { VISIT_KINDS, type Tier, type VisitKind } from '../model/enums.js';

export interface CadenceGap {
  /** from `last contact + ideal` on, the account is due */
  ideal: number;
  /** after `last contact + maximum`, the account is overdue */
  maximum: number;
}

export interface CadencePolicy {
  tiers: Record<Tier, CadenceGap>;
  /** more than this many days since the last counted contact is overdue for every tier and override */
  hardCapDays: number;
  /** contact kinds whose completion restarts the clock */
  countingKinds: readonly VisitKind[];
  /** an active account with no completed visit or order for longer than this is lapsed */
  lapseThresholdDays: number;
}

export const DEFAULT_CADENCE_POLICY: CadencePolicy = {
  tiers: {
    A: { ideal: 14, maximum: 21 },
    B: { ideal: 30, maximum: 45 },
    C: { ideal: 90, maximum: 90 },
  },
  hardCapDays: 90,
  countingKinds: VISIT_KINDS,
  lapseThresholdDays: 180,
};

/**
 * The gap that applies to one account.
 *
 * A per-account override is one number, the ideal gap. Its maximum keeps the tier's proportion of
 * slack (A allows 21/14 = 1.5 × the ideal, C none): `max(override, round(override × tierMax / tierIdeal))`.
 * Scaling rather than keeping the tier's absolute maximum means an override of 7 days on an A account
 * gets a maximum of 11, not 21 (which would make the override meaningless), and an override of 30 gets
 * 45 rather than a maximum below its own ideal. Both numbers are finally capped at the hard cap.
 */
export function gapFor(tier: Tier, overrideDays: number | null, policy: CadencePolicy = DEFAULT_CADENCE_POLICY): CadenceGap {
  const tierGap = policy.tiers[tier];
  const gap = overrideDays === null ? tierGap : scaledGap(overrideDays, tierGap);
  return { ideal: Math.min(gap.ideal, policy.hardCapDays), maximum: Math.min(gap.maximum, policy.hardCapDays) };
}

/** Whether completing a contact of this kind restarts the cadence clock. */
export function countsTowardCadence(kind: VisitKind, policy: CadencePolicy = DEFAULT_CADENCE_POLICY): boolean {
  return policy.countingKinds.includes(kind);
}

/**
 * A policy whose tier ideals come from the user's settings (`Settings.cadence`: one number per tier).
 * Each tier's maximum is scaled like a per-account override.
 */
export function policyWithIdealDays(ideals: Record<Tier, number>, base: CadencePolicy = DEFAULT_CADENCE_POLICY): CadencePolicy {
  const scaled = (tier: Tier) => scaledGap(ideals[tier], base.tiers[tier]);
  return { ...base, tiers: { A: scaled('A'), B: scaled('B'), C: scaled('C') } };
}

/** A new ideal with the same proportion of slack as `reference` (never a maximum below the ideal). */
function scaledGap(ideal: number, reference: CadenceGap): CadenceGap {
  return { ideal, maximum: Math.max(ideal, Math.round((ideal * reference.maximum) / reference.ideal)) };
}
