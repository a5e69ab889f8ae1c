/**
 * The period report's numbers, from plain rows (no SQL here: `db/reports/coverage.ts` feeds it).
 *
 * For each served account (active, at risk, won back) and the period `from` … `to`, evaluated up to
 * `asOf` when the period has not ended yet:
 * - **due**: the account came due at least once in the period (its last counted contact + the ideal
 *   gap fell on or before a day of the period), or it had no counted contact before the period;
 * - **within cadence**: due, and never overdue during the period (no gap longer than the maximum);
 * - **overdue**: overdue on the period's last evaluated day;
 * - **average gap**: mean days between consecutive completed counted contacts, for those in the period.
 * Lapsed and won-back accounts come from completed contacts and orders; complaints and greetings
 * from their own rows.
 */
import { dayOfEpochDay, epochDayOf, type CalendarDay } from '../calendar/day.js';
import { countsTowardCadence, DEFAULT_CADENCE_POLICY, gapFor, isServed, type CadencePolicy } from '../cadence/index.js';
import { TIERS, type AccountStatus, type Tier, type VisitKind } from '../model/enums.js';

export interface CoverageAccount {
  id: string;
  name: string;
  tier: Tier;
  status: AccountStatus;
  /** per-account ideal cadence (days), null for the tier's */
  cadenceDays: number | null;
  /** the rep who owns it; null = this device's user */
  ownerId: string | null;
}

/** A completed contact, on the calendar day it was done in the user's time zone. */
export interface CoverageVisit {
  accountId: string;
  day: CalendarDay;
  kind: VisitKind;
}

/** An order, on its calendar day: activity that keeps an account from lapsing. */
export interface CoverageOrder {
  accountId: string;
  day: CalendarDay;
}

/** A logged complaint. */
export interface CoverageComplaint {
  accountId: string;
  openedDay: CalendarDay;
  /** minutes from opening to the first response; null while unanswered */
  firstResponseMinutes: number | null;
  targetMinutes: number;
  resolvedDay: CalendarDay | null;
}

/** A greeting that was due (an important date's occurrence), and when it was done. */
export interface CoverageGreeting {
  accountId: string;
  dueDay: CalendarDay;
  doneDay: CalendarDay | null;
}

export interface CoverageInput {
  from: CalendarDay;
  to: CalendarDay;
  /** today: a period still running is evaluated up to here */
  asOf: CalendarDay;
  accounts: readonly CoverageAccount[];
  /** completed contacts, in any order; include those before the period (they start its first gap) */
  visits: readonly CoverageVisit[];
  /** orders, in any order; include those before the period, as for visits */
  orders: readonly CoverageOrder[];
  complaints: readonly CoverageComplaint[];
  greetings: readonly CoverageGreeting[];
  policy?: CadencePolicy;
}

export interface CoverageCounts {
  accounts: number;
  due: number;
  withinCadence: number;
  overdue: number;
  visitsDone: number;
  /** null when no gap ended in the period */
  averageGapDays: number | null;
}

export interface AccountCoverage {
  account: CoverageAccount;
  due: boolean;
  withinCadence: boolean;
  /** days past the maximum gap on the last evaluated day, 0 unless overdue */
  daysOverdue: number;
  lastVisitDay: CalendarDay | null;
  visitsInPeriod: number;
}

export interface ComplaintSummary {
  opened: number;
  answeredWithinTarget: number;
  resolved: number;
  /** null when none was answered */
  medianResponseMinutes: number | null;
}

export interface CoverageReport {
  from: CalendarDay;
  to: CalendarDay;
  /** the last day evaluated: `to`, or `asOf` for a running period; null for a period not yet begun */
  evaluatedTo: CalendarDay | null;
  total: CoverageCounts;
  byTier: Record<Tier, CoverageCounts>;
  /** one entry per rep who owns a served account, in first-seen order */
  byRep: Array<{ ownerId: string | null; counts: CoverageCounts; byTier: Record<Tier, CoverageCounts> }>;
  /** served accounts, most overdue first */
  accounts: AccountCoverage[];
  complaints: ComplaintSummary;
  lifecycle: { lapsedAccountIds: string[]; wonBackAccountIds: string[] };
  greetings: { due: number; done: number };
}

/** Gap sums are kept beside the counts so that per-tier and per-rep averages merge exactly. */
interface Tally extends Omit<CoverageCounts, 'averageGapDays'> {
  gapDays: number;
  gaps: number;
}

const emptyTally = (): Tally => ({ accounts: 0, due: 0, withinCadence: 0, overdue: 0, visitsDone: 0, gapDays: 0, gaps: 0 });
const tallyPerTier = (): Record<Tier, Tally> => ({ A: emptyTally(), B: emptyTally(), C: emptyTally() });

function countsOf({ gapDays, gaps, ...counts }: Tally): CoverageCounts {
  return { ...counts, averageGapDays: gaps === 0 ? null : gapDays / gaps };
}

/** Epoch day numbers of calendar days, remembered: a report reads ~1,000 distinct days a million times. */
function epochDays(): (day: CalendarDay) => number {
  const known = new Map<CalendarDay, number>();
  return (day) => {
    let epochDay = known.get(day);
    if (epochDay === undefined) known.set(day, (epochDay = epochDayOf(day)));
    return epochDay;
  };
}

/** Each account's days (as epoch day numbers), ascending. */
function groupDays(entries: ReadonlyArray<{ accountId: string; day: CalendarDay }>, keep: (index: number) => boolean, epochDay: (day: CalendarDay) => number, into = new Map<string, number[]>()): Map<string, number[]> {
  entries.forEach((entry, index) => {
    if (!keep(index)) return;
    const days = into.get(entry.accountId);
    if (days) days.push(epochDay(entry.day));
    else into.set(entry.accountId, [epochDay(entry.day)]);
  });
  return into;
}

function sortDays(byAccount: Map<string, number[]>): Map<string, number[]> {
  for (const days of byAccount.values()) days.sort((a, b) => a - b);
  return byAccount;
}

interface Evaluation extends AccountCoverage {
  gapDays: number;
  gaps: number;
}

/** Walks one account's counted contacts (epoch days, ascending) through the period `from` … `end`, gap by gap. */
function evaluateAccount(account: CoverageAccount, days: readonly number[], from: number, end: number, policy: CadencePolicy): Evaluation {
  const gap = gapFor(account.tier, account.cadenceDays, policy);
  let last: number | null = null;
  let due = false;
  let late = false;
  let visitsInPeriod = 0;
  let gapDays = 0;
  let gaps = 0;
  const closeGap = (gapEnd: number, endsWithVisit: boolean) => {
    if (last === null) {
      due = true;
      // Never contacted before: only a contact within the period keeps it in cadence.
      if (!endsWithVisit) late = true;
      return;
    }
    if (last + gap.ideal <= gapEnd) due = true;
    if (last + gap.maximum + 1 <= gapEnd) late = true;
  };
  for (const day of days) {
    if (day > end) break;
    if (day >= from) {
      closeGap(day, true);
      visitsInPeriod += 1;
      if (last !== null) {
        gapDays += day - last;
        gaps += 1;
      }
    }
    last = day;
  }
  closeGap(end, false);
  const daysOverdue = last === null ? 0 : Math.max(0, end - last - gap.maximum);
  return { account, due, withinCadence: due && !late, daysOverdue, lastVisitDay: last === null ? null : dayOfEpochDay(last), visitsInPeriod, gapDays, gaps };
}

function addEvaluation(tally: Tally, evaluation: Evaluation): void {
  tally.accounts += 1;
  if (evaluation.due) tally.due += 1;
  if (evaluation.withinCadence) tally.withinCadence += 1;
  if (evaluation.daysOverdue > 0) tally.overdue += 1;
  tally.visitsDone += evaluation.visitsInPeriod;
  tally.gapDays += evaluation.gapDays;
  tally.gaps += evaluation.gaps;
}

/** Lapsed at the period's end, and won back by a contact or order in the period after a lapse. */
function lifecycleOf(input: CoverageInput, from: number, end: number, thresholdDays: number, epochDay: (day: CalendarDay) => number): CoverageReport['lifecycle'] {
  const activity = sortDays(groupDays(input.orders, () => true, epochDay, groupDays(input.visits, () => true, epochDay)));
  const lapsedAccountIds: string[] = [];
  const wonBackAccountIds: string[] = [];
  for (const account of input.accounts) {
    if (account.status === 'prospect') continue;
    let last: number | null = null;
    let wonBack = false;
    for (const day of activity.get(account.id) ?? []) {
      if (day > end) break;
      if (day >= from && last !== null && day - last > thresholdDays) wonBack = true;
      last = day;
    }
    if (wonBack) wonBackAccountIds.push(account.id);
    if (last !== null && end - last > thresholdDays) lapsedAccountIds.push(account.id);
  }
  return { lapsedAccountIds, wonBackAccountIds };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function complaintsOf(input: CoverageInput): ComplaintSummary {
  const opened = input.complaints.filter((c) => c.openedDay >= input.from && c.openedDay <= input.to);
  const responses = opened.flatMap((c) => (c.firstResponseMinutes === null ? [] : [c.firstResponseMinutes]));
  return {
    opened: opened.length,
    answeredWithinTarget: opened.filter((c) => c.firstResponseMinutes !== null && c.firstResponseMinutes <= c.targetMinutes).length,
    resolved: opened.filter((c) => c.resolvedDay !== null).length,
    medianResponseMinutes: median(responses),
  };
}

function greetingsOf(input: CoverageInput): CoverageReport['greetings'] {
  const due = input.greetings.filter((g) => g.dueDay >= input.from && g.dueDay <= input.to);
  return { due: due.length, done: due.filter((g) => g.doneDay !== null).length };
}

export function coverageReport(input: CoverageInput): CoverageReport {
  const policy = input.policy ?? DEFAULT_CADENCE_POLICY;
  const end = input.asOf < input.to ? input.asOf : input.to;
  const started = end >= input.from;
  const epochDay = epochDays();
  const from = epochDay(input.from);
  const endDay = epochDay(end);
  const counted = sortDays(groupDays(input.visits, (index) => countsTowardCadence(input.visits[index]!.kind, policy), epochDay));
  const total = emptyTally();
  const byTier = tallyPerTier();
  const byRep = new Map<string | null, { total: Tally; byTier: Record<Tier, Tally> }>();
  const accounts: Evaluation[] = [];
  if (started) {
    for (const account of input.accounts) {
      if (!isServed(account.status)) continue;
      const evaluation = evaluateAccount(account, counted.get(account.id) ?? [], from, endDay, policy);
      accounts.push(evaluation);
      let rep = byRep.get(account.ownerId);
      if (!rep) byRep.set(account.ownerId, (rep = { total: emptyTally(), byTier: tallyPerTier() }));
      for (const tally of [total, byTier[account.tier], rep.total, rep.byTier[account.tier]]) addEvaluation(tally, evaluation);
    }
  }
  accounts.sort((a, b) => b.daysOverdue - a.daysOverdue);
  const countsPerTier = (tallies: Record<Tier, Tally>) => Object.fromEntries(TIERS.map((tier) => [tier, countsOf(tallies[tier])])) as Record<Tier, CoverageCounts>;
  return {
    from: input.from,
    to: input.to,
    evaluatedTo: started ? end : null,
    total: countsOf(total),
    byTier: countsPerTier(byTier),
    byRep: [...byRep].map(([ownerId, rep]) => ({ ownerId, counts: countsOf(rep.total), byTier: countsPerTier(rep.byTier) })),
    accounts: accounts.map(({ gapDays: _gapDays, gaps: _gaps, ...coverage }) => coverage),
    complaints: complaintsOf(input),
    lifecycle: started ? lifecycleOf(input, from, endDay, policy.lapseThresholdDays, epochDay) : { lapsedAccountIds: [], wonBackAccountIds: [] },
    greetings: greetingsOf(input),
  };
}
