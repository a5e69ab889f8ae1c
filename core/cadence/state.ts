/** Where an account stands against its revisit cadence on a given day. */
import { addDays, diffDays, type CalendarDay } from '../calendar/day.js';
import type { Tier } from '../model/enums.js';
import { DEFAULT_CADENCE_POLICY, gapFor, type CadencePolicy } from './policy.js';

export interface CadenceAccount {
  tier: Tier;
  /** per-account ideal gap in days (`accounts.cadence_days`), null for the tier's */
  cadenceDays: number | null;
}

export type CadenceStateName = 'ok' | 'due' | 'overdue' | 'never';

export interface CadenceStatus {
  state: CadenceStateName;
  /** first day the account is due (last contact + ideal); null when never contacted */
  dueDay: CalendarDay | null;
  /** first day the account is overdue (last contact + maximum + 1); null when never contacted */
  overdueDay: CalendarDay | null;
  /** days since the last counted contact; null when never contacted */
  daysSince: number | null;
  /** days past the maximum gap (1 on the first overdue day), 0 unless overdue */
  daysOverdue: number;
}

/**
 * `lastContactDay` is the most recent completed contact of a kind that counts (see `countsTowardCadence`).
 * A contact logged in the future (clock skew, typo) counts as today: the account is simply ok.
 */
export function cadenceState(
  account: CadenceAccount,
  lastContactDay: CalendarDay | null,
  today: CalendarDay,
  policy: CadencePolicy = DEFAULT_CADENCE_POLICY,
): CadenceStatus {
  if (lastContactDay === null) return { state: 'never', dueDay: null, overdueDay: null, daysSince: null, daysOverdue: 0 };
  const gap = gapFor(account.tier, account.cadenceDays, policy);
  const daysSince = Math.max(0, diffDays(today, lastContactDay));
  const dueDay = addDays(lastContactDay, gap.ideal);
  const overdueDay = addDays(lastContactDay, gap.maximum + 1);
  const daysOverdue = Math.max(0, daysSince - gap.maximum);
  const state = daysOverdue > 0 ? 'overdue' : daysSince >= gap.ideal ? 'due' : 'ok';
  return { state, dueDay, overdueDay, daysSince, daysOverdue };
}
