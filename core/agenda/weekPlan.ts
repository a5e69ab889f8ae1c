/**
 * "Plan my week": propose due and overdue accounts for the coming working days, most urgent first,
 * with each day's visits kept together by city and district so a day is one trip, not a tour.
 *
 * Selection is by priority alone (tier A before B before C, overdue before due, longest first), so a
 * far-away A account is never dropped for a nearby C one; only then are the chosen accounts ordered by
 * area (cities and districts in the order of their most urgent account) and cut into days.
 */
import { addDays, type CalendarDay } from '../calendar/day.js';
import type { CadenceStatus } from '../cadence/index.js';
import type { Tier } from '../model/enums.js';

export interface WeekPlanCandidate {
  accountId: string;
  accountName: string;
  tier: Tier;
  city: string | null;
  district: string | null;
  cadence: CadenceStatus;
}

export interface WeekPlanOptions {
  /** working days from `weekStart` (default 5) */
  days?: number;
  /** visits already planned per day, which take up capacity */
  alreadyPlanned?: Partial<Record<CalendarDay, number>>;
}

export interface WeekPlan {
  days: Array<{ day: CalendarDay; accounts: WeekPlanCandidate[] }>;
  /** due or overdue accounts that did not fit, most urgent first */
  unplaced: WeekPlanCandidate[];
}

export function proposeWeekPlan(
  accounts: readonly WeekPlanCandidate[],
  weekStart: CalendarDay,
  capacityPerDay: number,
  options: WeekPlanOptions = {},
): WeekPlan {
  const days = Array.from({ length: options.days ?? 5 }, (_, offset) => addDays(weekStart, offset));
  const capacities = days.map((day) => Math.max(0, capacityPerDay - (options.alreadyPlanned?.[day] ?? 0)));
  const totalCapacity = capacities.reduce((sum, capacity) => sum + capacity, 0);

  const wanted = accounts.filter((account) => account.cadence.state === 'due' || account.cadence.state === 'overdue').sort(byUrgency);
  const chosen = wanted.slice(0, totalCapacity);
  const unplaced = wanted.slice(totalCapacity);

  const ordered = byArea(chosen);
  let next = 0;
  return {
    days: days.map((day, index) => {
      const take = capacities[index] ?? 0;
      const planned = ordered.slice(next, next + take);
      next += take;
      return { day, accounts: planned };
    }),
    unplaced,
  };
}

function byUrgency(x: WeekPlanCandidate, y: WeekPlanCandidate): number {
  const overdue = (account: WeekPlanCandidate) => Number(account.cadence.state === 'overdue');
  return (
    compareText(x.tier, y.tier) ||
    overdue(y) - overdue(x) ||
    y.cadence.daysOverdue - x.cadence.daysOverdue ||
    (y.cadence.daysSince ?? 0) - (x.cadence.daysSince ?? 0) ||
    compareText(x.accountName, y.accountName)
  );
}

/** Urgency-ordered accounts regrouped by city, then district, each group placed where its most urgent account was. */
function byArea(urgencyOrdered: readonly WeekPlanCandidate[]): WeekPlanCandidate[] {
  const firstRank = new Map<string, number>();
  const rankOfArea = (area: string, rank: number) => {
    if (!firstRank.has(area)) firstRank.set(area, rank);
    return firstRank.get(area) ?? rank;
  };
  const ranked = urgencyOrdered.map((account, rank) => ({
    account,
    rank,
    cityRank: rankOfArea(`city\u0000${account.city ?? ''}`, rank),
    districtRank: rankOfArea(`district\u0000${account.city ?? ''}\u0000${account.district ?? ''}`, rank),
  }));
  ranked.sort((x, y) => x.cityRank - y.cityRank || x.districtRank - y.districtRank || x.rank - y.rank);
  return ranked.map(({ account }) => account);
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
