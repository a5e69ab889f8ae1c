/**
 * "Plan my week": proposes visits for the accounts that fall due in this week or next, at times inside
 * the rep's working hours, never before now, never over a visit already planned.
 *
 * Accounts are taken most urgent first (tier A before B before C; overdue before due, the longest
 * overdue first), and each day is one trip: a day goes to one city, the first account of a city opens
 * the earliest free day and its later accounts fill that day before another is opened, so a city takes
 * as few days as its visits need. Only an A-tier account that finds no day of its own may join a day in
 * another city, after `cityChangeMinutes` on the road. Whatever does not fit is listed with the reason.
 *
 * Pure: "now" and the working hours come in; times are wall-clock minutes since midnight on calendar
 * days, which the caller turns into instants in the rep's time zone.
 */
import { addDays, weekdayOf, type CalendarDay } from '../calendar/day.js';
import type { CadenceStatus } from '../cadence/index.js';
import type { Tier } from '../model/enums.js';
import { minuteOfClock, type WorkingHours } from '../model/workingHours.js';

export type PlanWeek = 'this' | 'next';

export interface WeekPlanCandidate {
  accountId: string;
  accountName: string;
  tier: Tier;
  city: string | null;
  district: string | null;
  /** the account's cadence on the first day planned for (today, or next week's Monday) */
  cadence: CadenceStatus;
  /** the first day a visit is planned for, from today on; null when none */
  plannedDay: CalendarDay | null;
  /** the revisit reminder is snoozed until this day; null when not snoozed */
  snoozedUntil: CalendarDay | null;
}

/** A visit already in the schedule: it takes its time, and its day goes to its city. */
export interface WeekPlanBusy {
  day: CalendarDay;
  /** minutes since midnight */
  minute: number;
  city: string | null;
  /** whose visit it is, for the rep to see why a day is taken */
  accountName?: string;
}

export interface WeekPlanInput {
  /** the rep's wall clock */
  now: { day: CalendarDay; minute: number };
  week: PlanWeek;
  hours: WorkingHours;
  /** served accounts; those not falling due in the week are ignored */
  accounts: readonly WeekPlanCandidate[];
  planned: readonly WeekPlanBusy[];
}

export interface ProposedVisit {
  account: WeekPlanCandidate;
  day: CalendarDay;
  /** minutes since midnight */
  start: number;
  end: number;
}

export type NotPlacedReason = 'already_planned' | 'planned_later' | 'snoozed' | 'no_city' | 'no_time' | 'other_cities';

export interface NotPlaced {
  account: WeekPlanCandidate;
  reason: NotPlacedReason;
  /** the planned day (already_planned, planned_later) or the day the snooze ends (snoozed) */
  day: CalendarDay | null;
}

export interface WeekPlan {
  week: PlanWeek;
  /** Monday and Sunday of the planned week */
  weekStart: CalendarDay;
  weekEnd: CalendarDay;
  /** the working hours planned inside */
  hours: WorkingHours;
  /** the working days still to come in the week, each with its proposed visits and the visits already planned, in time order */
  days: Array<{ day: CalendarDay; cities: string[]; visits: ProposedVisit[]; planned: Array<{ start: number; end: number; city: string | null; accountName: string | null }> }>;
  /** accounts falling due in the week and not proposed, most urgent first, each with why */
  notPlaced: NotPlaced[];
  /** A-tier accounts falling due in the week (overdue ones included), and how many of them have a visit in it, proposed or already planned */
  aTier: { due: number; planned: number };
}

/** Start times are on the quarter hour. */
const STEP = 15;

/** Monday of the week `day` is in. */
export function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/** Whether the account falls due by `weekEnd` (never visited counts as due). */
export function fallsDueBy(candidate: Pick<WeekPlanCandidate, 'cadence'>, weekEnd: CalendarDay): boolean {
  const { state, dueDay } = candidate.cadence;
  return state === 'never' || state === 'due' || state === 'overdue' || (dueDay !== null && dueDay <= weekEnd);
}

interface DaySchedule {
  day: CalendarDay;
  /** no start before this minute (the day's start, or now rounded up to the quarter hour) */
  opens: number;
  cities: string[];
  busy: Array<{ start: number; end: number; city: string | null }>;
  visits: ProposedVisit[];
  planned: Array<{ start: number; end: number; city: string | null; accountName: string | null }>;
}

export function proposeWeekPlan(input: WeekPlanInput): WeekPlan {
  const { now, hours } = input;
  const thisMonday = mondayOf(now.day);
  const weekStart = input.week === 'this' ? thisMonday : addDays(thisMonday, 7);
  const weekEnd = addDays(weekStart, 6);
  const start = minuteOfClock(hours.start);
  const end = minuteOfClock(hours.end);
  const lunch = hours.lunch ? { from: minuteOfClock(hours.lunch.from), to: minuteOfClock(hours.lunch.to) } : null;

  const schedules: DaySchedule[] = [];
  for (let offset = 0; offset < 7; offset += 1) {
    const day = addDays(weekStart, offset);
    if (day < now.day || !hours.days.includes(weekdayOf(day))) continue;
    const opens = day === now.day ? Math.max(start, Math.ceil(now.minute / STEP) * STEP) : start;
    const planned = input.planned
      .filter((visit) => visit.day === day)
      .map((visit) => ({ start: visit.minute, end: visit.minute + hours.visitMinutes, city: visit.city, accountName: visit.accountName ?? null }))
      .sort((x, y) => x.start - y.start);
    const busy = planned.map(({ start: from, end: until, city }) => ({ start: from, end: until, city }));
    const cities = [...new Set(busy.flatMap((visit) => (visit.city ? [visit.city] : [])))];
    schedules.push({ day, opens, cities, busy, visits: [], planned });
  }

  const gap = (from: string | null, to: string | null) => (from !== null && to !== null && from !== to ? hours.cityChangeMinutes : hours.travelMinutes);
  const fits = (schedule: DaySchedule, city: string, at: number): boolean => {
    const until = at + hours.visitMinutes;
    if (at < schedule.opens || until > end) return false;
    if (lunch && at < lunch.to && until > lunch.from) return false;
    return schedule.busy.every((other) => until + gap(city, other.city) <= other.start || at >= other.end + gap(other.city, city));
  };
  /** the earliest start for a visit in `city`: the day's opening, the end of lunch or the way from another visit, whichever fits first */
  const earliest = (schedule: DaySchedule, city: string): number | null => {
    const quarter = (minute: number) => Math.ceil(minute / STEP) * STEP;
    const starts = [schedule.opens, ...(lunch ? [lunch.to] : []), ...schedule.busy.map((other) => other.end + gap(other.city, city))].map(quarter).sort((x, y) => x - y);
    return starts.find((at) => fits(schedule, city, at)) ?? null;
  };

  const wanted = input.accounts.filter((account) => fallsDueBy(account, weekEnd)).sort(byUrgency);
  const notPlaced: NotPlaced[] = [];
  const placed = new Set<string>();
  for (const account of wanted) {
    if (account.plannedDay !== null) {
      notPlaced.push({ account, reason: account.plannedDay <= weekEnd ? 'already_planned' : 'planned_later', day: account.plannedDay });
      continue;
    }
    if (account.snoozedUntil !== null && account.snoozedUntil > weekEnd) {
      notPlaced.push({ account, reason: 'snoozed', day: account.snoozedUntil });
      continue;
    }
    const city = account.city?.trim() || null;
    if (city === null) {
      notPlaced.push({ account, reason: 'no_city', day: null });
      continue;
    }
    const open = schedules.filter((schedule) => account.snoozedUntil === null || schedule.day >= account.snoozedUntil);
    const firstFree = (schedulesOf: DaySchedule[]) => {
      for (const schedule of schedulesOf) {
        const at = earliest(schedule, city);
        if (at !== null) return { schedule, at };
      }
      return null;
    };
    const slot =
      firstFree(open.filter((schedule) => schedule.cities.includes(city))) ??
      firstFree(open.filter((schedule) => schedule.cities.length === 0)) ??
      (account.tier === 'A' ? firstFree(open) : null);
    if (!slot) {
      const anyTime = open.some((schedule) => earliest(schedule, city) !== null);
      notPlaced.push({ account, reason: anyTime ? 'other_cities' : 'no_time', day: null });
      continue;
    }
    const { schedule, at } = slot;
    const visit: ProposedVisit = { account, day: schedule.day, start: at, end: at + hours.visitMinutes };
    schedule.busy.push({ start: visit.start, end: visit.end, city });
    if (!schedule.cities.includes(city)) schedule.cities.push(city);
    schedule.visits.push(visit);
    placed.add(account.accountId);
  }

  const aDue = wanted.filter((account) => account.tier === 'A');
  const aPlanned = aDue.filter((account) => placed.has(account.accountId) || (account.plannedDay !== null && account.plannedDay <= weekEnd));
  return {
    week: input.week,
    weekStart,
    weekEnd,
    hours,
    days: schedules.map(({ day, cities, visits, planned }) => ({ day, cities, visits: [...visits].sort((x, y) => x.start - y.start), planned })),
    notPlaced,
    aTier: { due: aDue.length, planned: aPlanned.length },
  };
}

function byUrgency(x: WeekPlanCandidate, y: WeekPlanCandidate): number {
  const overdue = (account: WeekPlanCandidate) => Number(account.cadence.state === 'overdue');
  return (
    compareText(x.tier, y.tier) ||
    overdue(y) - overdue(x) ||
    y.cadence.daysOverdue - x.cadence.daysOverdue ||
    compareText(x.cadence.dueDay ?? '', y.cadence.dueDay ?? '') ||
    compareText(x.accountName, y.accountName)
  );
}

function compareText(x: string, y: string): number {
  return x < y ? -1 : x > y ? 1 : 0;
}
