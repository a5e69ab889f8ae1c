/**
 * The team view's reads: the visit log a page at a time, the period coverage report, coverage by tier
 * over consecutive periods and completed visits per rep per week. Days are in the host's time zone.
 */
import type { ApiHandlers, CoverageView, ReportPeriodRequest } from '../../core/api/contract.js';
import { addDays, weekdayOf, type CalendarDay } from '../../core/calendar/day.js';
import { countsTowardCadence } from '../../core/cadence/policy.js';
import { isServed } from '../../core/cadence/lifecycle.js';
import { TIERS, type AccountStatus, type Tier, type VisitKind } from '../../core/model/enums.js';
import { customPeriod, presetPeriod, previousPeriod, type PeriodPreset, type ReportPeriod } from '../../core/reports/period.js';
import { dayInZone, instantRangeOfDays } from '../../core/reports/zone.js';
import type { Db } from '../connection.js';
import { OVERDUE_ROWS_LISTED } from '../export/reportTables.js';
import { cadencePolicyOf, coverageFromDb } from '../reports/coverage.js';
import { ownerFilter } from '../reports/owners.js';
import { listReps } from '../reports/reps.js';
import { visitLogPage, type VisitLogSort } from '../reports/visitLog.js';
import { indexedBy } from '../synced/indexesSetAside.js';
import type { ServiceContext } from './context.js';

type ReportHandlers = Pick<ApiHandlers, 'reports.reps' | 'reports.visitLog' | 'reports.coverage' | 'reports.coverageTrend' | 'reports.visitsPerWeek'>;

/** The zone report days are in: the host's, as for `today`. */
export const hostTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The requested period: a preset around `day` (default today), or the custom range. */
export function resolvePeriod(request: ReportPeriodRequest, today: CalendarDay): ReportPeriod {
  return request.preset === 'custom' ? customPeriod(request.from, request.to) : presetPeriod(request.preset, request.day ?? today);
}

type Owners = ReadonlyArray<string | null> | undefined;

function coverageOf(db: Db, period: ReportPeriod, today: CalendarDay, ownerIds: Owners) {
  return coverageFromDb(db, { from: period.from, to: period.to, asOf: today, timeZone: hostTimeZone(), ...(ownerIds ? { ownerIds } : {}) });
}

function coverageView(db: Db, period: ReportPeriod, today: CalendarDay, ownerIds: Owners): CoverageView {
  const report = coverageOf(db, period, today, ownerIds);
  const overdue = report.accounts.filter((account) => account.daysOverdue > 0);
  return {
    period,
    evaluatedTo: report.evaluatedTo,
    total: report.total,
    byTier: report.byTier,
    byRep: report.byRep.map((rep) => ({ ownerId: rep.ownerId, counts: rep.counts })),
    overdue: overdue.slice(0, OVERDUE_ROWS_LISTED).map(({ account, lastVisitDay, daysOverdue }) => ({
      accountId: account.id,
      accountName: account.name,
      tier: account.tier,
      ownerId: account.ownerId,
      lastVisitDay,
      daysOverdue,
    })),
    overdueTotal: overdue.length,
    complaints: report.complaints,
    lifecycle: { lapsed: report.lifecycle.lapsedAccountIds.length, wonBack: report.lifecycle.wonBackAccountIds.length },
    greetings: report.greetings,
  };
}

/** The `count` preset periods ending with `last`, oldest first. */
function periodsEndingWith(last: ReportPeriod & { preset: PeriodPreset }, count: number): ReportPeriod[] {
  const periods: ReportPeriod[] = [last];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0] as ReportPeriod & { preset: PeriodPreset }));
  return periods;
}

/** Monday of the week `day` is in. */
function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

/**
 * Per rep and week, the visits the coverage report counts as done — completed visits of the kinds that
 * count toward cadence, at served accounts, by the account's rep, up to today — so the chart and the
 * By rep table give the same numbers; every rep of the table is a series.
 */
function visitsPerWeek(db: Db, period: ReportPeriod, today: CalendarDay, ownerIds: Owners) {
  const timeZone = hostTimeZone();
  const weeks: CalendarDay[] = [];
  for (let monday = mondayOf(period.from); monday <= period.to; monday = addDays(monday, 7)) weeks.push(monday);
  const reps = listReps(db)
    .map((rep) => rep.ownerId)
    .filter((ownerId) => ownerIds === undefined || ownerIds.includes(ownerId));
  const countsByRep = new Map(reps.map((ownerId) => [ownerId, weeks.map(() => 0)]));
  const end = today < period.to ? today : period.to;
  if (end < period.from) return { weeks, reps: [...countsByRep].map(([ownerId, counts]) => ({ ownerId, counts })) };
  const range = instantRangeOfDays(period.from, end, timeZone);
  const owners = ownerFilter('a.owner_id', ownerIds);
  const policy = cadencePolicyOf(db);
  // Counted per UTC hour in SQL (a year of a team's visits is a few thousand groups, not rows), then
  // each hour is placed on its local day; zones with half-hour offsets may shift a visit at midnight.
  const groups = db
    .prepare(
      `SELECT a.owner_id AS ownerId, a.status, v.kind, substr(v.done_at, 1, 13) AS hour, count(*) AS visits
       FROM visits v ${indexedBy(db, 'visits_done_report')} JOIN accounts a ON a.id = v.account_id
       WHERE v.status = 'done' AND v.deleted_at IS NULL AND v.done_at >= ? AND v.done_at < ?
         AND a.deleted_at IS NULL AND a.archived_at IS NULL AND ${owners.sql}
       GROUP BY a.owner_id, a.status, v.kind, hour`,
    )
    .all(range.start, range.end, ...owners.params) as Array<{ ownerId: string | null; status: AccountStatus; kind: VisitKind; hour: string; visits: number }>;
  const weekIndex = new Map(weeks.map((week, index) => [week, index]));
  for (const group of groups) {
    if (!isServed(group.status) || !countsTowardCadence(group.kind, policy)) continue;
    const index = weekIndex.get(mondayOf(dayInZone(`${group.hour}:30:00.000Z`, timeZone)));
    const counts = countsByRep.get(group.ownerId);
    if (index === undefined || !counts) continue;
    counts[index] = (counts[index] ?? 0) + group.visits;
  }
  return { weeks, reps: [...countsByRep].map(([ownerId, counts]) => ({ ownerId, counts })) };
}

export function reportHandlers(context: ServiceContext): ReportHandlers {
  const { db } = context;
  return {
    'reports.reps': () => listReps(db),
    'reports.visitLog': ({ offset, limit, sort, ...filters }) =>
      visitLogPage(db, { ...filters, timeZone: hostTimeZone(), ...(sort ? { sort: sort satisfies VisitLogSort } : {}) }, { offset, limit }),
    'reports.coverage': ({ period, ownerIds }) => coverageView(db, resolvePeriod(period, context.today()), context.today(), ownerIds),
    'reports.coverageTrend': ({ preset, day, periods, ownerIds }) =>
      periodsEndingWith(presetPeriod(preset, day ?? context.today()) as ReportPeriod & { preset: PeriodPreset }, periods).map((period) => {
        const report = coverageOf(db, period, context.today(), ownerIds);
        const byTier = Object.fromEntries(TIERS.map((tier) => [tier, { due: report.byTier[tier].due, withinCadence: report.byTier[tier].withinCadence }]));
        return { period, byTier: byTier as Record<Tier, { due: number; withinCadence: number }> };
      }),
    'reports.visitsPerWeek': ({ period, ownerIds }) => visitsPerWeek(db, resolvePeriod(period, context.today()), context.today(), ownerIds),
  };
}
