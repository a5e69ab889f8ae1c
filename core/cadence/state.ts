/** Where an account stands against its revisit cadence on a given day. */
import { addDays, epochDayOf, type CalendarDay } from '../calendar/day.js';
import type { Tier } from '../model/enums.js';
import { DEFAULT_CADENCE_POLICY, gapFor, type CadenceGap, type CadencePolicy } from './policy.js';

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
  return cadenceClock(account, lastContactDay, policy).on(epochDayOf(today));
}

export interface CadenceClock {
  /** epoch day number of the due day; null when never contacted */
  dueEpochDay: number | null;
  /** just the state on that day: cheap, for deciding whether the full status is needed */
  stateOn(epochDay: number): CadenceStateName;
  /** the status on the day with this epoch day number (see `epochDayOf`) */
  on(epochDay: number): CadenceStatus;
}

const NEVER: CadenceStatus = { state: 'never', dueDay: null, overdueDay: null, daysSince: null, daysOverdue: 0 };

/**
 * One account's cadence, set up once and read for many days (a year of agenda asks ~365 times):
 * the per-day read is arithmetic, without parsing or formatting days.
 */
export function cadenceClock(account: CadenceAccount, lastContactDay: CalendarDay | null, policy: CadencePolicy = DEFAULT_CADENCE_POLICY): CadenceClock {
  if (lastContactDay === null) return { dueEpochDay: null, stateOn: () => 'never', on: () => NEVER };
  const gap: CadenceGap = gapFor(account.tier, account.cadenceDays, policy);
  const lastEpochDay = epochDayOf(lastContactDay);
  const daysSinceOn = (epochDay: number) => Math.max(0, epochDay - lastEpochDay);
  const stateOn = (epochDay: number): CadenceStateName => {
    const daysSince = daysSinceOn(epochDay);
    return daysSince > gap.maximum ? 'overdue' : daysSince >= gap.ideal ? 'due' : 'ok';
  };
  // Formatting days is the dear part, and most accounts on most days are simply ok: format on first need.
  let days: { dueDay: CalendarDay; overdueDay: CalendarDay } | undefined;
  return {
    dueEpochDay: lastEpochDay + gap.ideal,
    stateOn,
    on(epochDay) {
      days ??= { dueDay: addDays(lastContactDay, gap.ideal), overdueDay: addDays(lastContactDay, gap.maximum + 1) };
      const daysSince = daysSinceOn(epochDay);
      return { state: stateOn(epochDay), ...days, daysSince, daysOverdue: Math.max(0, daysSince - gap.maximum) };
    },
  };
}
