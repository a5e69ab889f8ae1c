/**
 * Customer lifecycle (develop → maintain → lost → win back): when an account lapses and when it is won back.
 */
import { diffDays, type CalendarDay } from '../calendar/day.js';
import type { AccountStatus } from '../model/enums.js';
import { DEFAULT_CADENCE_POLICY } from './policy.js';

/** Statuses of accounts that are being served and so can lapse. */
const SERVED: ReadonlySet<AccountStatus> = new Set(['active', 'at_risk', 'won_back']);

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
  if (lastActivityDay === null) return status;
  const inactiveTooLong = diffDays(today, lastActivityDay) > thresholdDays;
  if (SERVED.has(status) && inactiveTooLong) return 'lapsed';
  if (status === 'lapsed' && !inactiveTooLong) return 'won_back';
  return status;
}
