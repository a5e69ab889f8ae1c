/**
 * Customer lifecycle (develop → maintain → lost → win back): when an account lapses and when it is won back.
 */
import { diffDays, type CalendarDay } from '../calendar/day.js';
import type { AccountStatus } from '../model/enums.js';
import { DEFAULT_CADENCE_POLICY } from './policy.js';

const SERVED: ReadonlySet<AccountStatus> = new Set(['active', 'at_risk', 'won_back']);

/** Accounts being served: they have a revisit cadence and can lapse (prospects and lapsed accounts do not). */
export function isServed(status: AccountStatus): boolean {
  return SERVED.has(status);
}

/**
 * The status an account should have today. Returns `status` itself when nothing changes.
 *
 * - A served account (active, at risk, won back) whose last completed visit or order is more than
 *   `thresholdDays` ago becomes `lapsed`.
 * - A lapsed account with a visit or order within the threshold was contacted after it lapsed: `won_back`.
 * - Prospects never lapse. An account with no activity at all has nothing to measure from: pass its
 *   creation day as `lastActivityDay` if it should lapse from then; with null the status is kept.
 */
export function lifecycleTransition(
  status: AccountStatus,
  lastActivityDay: CalendarDay | null,
  today: CalendarDay,
  thresholdDays: number = DEFAULT_CADENCE_POLICY.lapseThresholdDays,
): AccountStatus {
  return statusAfterInactivity(status, lastActivityDay === null ? null : diffDays(today, lastActivityDay), thresholdDays);
}

/** `lifecycleTransition` for callers that already know the days since the last activity (null: none). */
export function statusAfterInactivity(
  status: AccountStatus,
  daysInactive: number | null,
  thresholdDays: number = DEFAULT_CADENCE_POLICY.lapseThresholdDays,
): AccountStatus {
  if (daysInactive === null) return status;
  const inactiveTooLong = daysInactive > thresholdDays;
  if (isServed(status) && inactiveTooLong) return 'lapsed';
  if (status === 'lapsed' && !inactiveTooLong) return 'won_back';
  return status;
}
