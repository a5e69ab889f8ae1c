/**
 * Feeds the pure coverage report (`core/reports/coverage.ts`) from SQLite: the accounts, their completed
 * contacts and orders in the period and, for each account (and contact kind), the last one before it
 * (enough to know the gap running into the period, for cadence and for lapses); the complaints received
 * in the period; and the greetings due (important dates falling in the period) with those done.
 */
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import { DEFAULT_CADENCE_POLICY, policyWithIdealDays, type CadencePolicy } from '../../core/cadence/index.js';
import type { CalendarKind, Tier } from '../../core/model/enums.js';
import {
  coverageReport,
  type CoverageAccount,
  type CoverageComplaint,
  type CoverageCounts,
  type CoverageGreeting,
  type CoverageInput,
  type CoverageOrder,
  type CoverageReport,
  type CoverageVisit,
} from '../../core/reports/coverage.js';
import { dayInZone, startOfDayIn } from '../../core/reports/zone.js';
import type { Db } from '../connection.js';
import { occurrenceMemo } from './calendar.js';
import { ownerFilter } from './owners.js';
import { listReps } from './reps.js';
import { readSettings } from '../repo/settings.js';
import { indexedBy } from '../synced/indexesSetAside.js';

export interface CoverageQuery {
  from: CalendarDay;
  to: CalendarDay;
  /** today in `timeZone` */
  asOf: CalendarDay;
  timeZone: string;
  /** reps to report on (null = this device's user); omitted: the whole team */
  ownerIds?: ReadonlyArray<string | null>;
  /** default: the user's cadence settings */
  policy?: CadencePolicy;
}

/** The user's cadence policy: the tier ideals from settings, if set. */
export function cadencePolicyOf(db: Db): CadencePolicy {
  const ideals = readSettings(db).cadence as Record<Tier, number> | undefined;
  return ideals ? policyWithIdealDays(ideals) : DEFAULT_CADENCE_POLICY;
}

export function loadCoverageInput(db: Db, query: CoverageQuery): CoverageInput {
  const accountOwner = ownerFilter('a.owner_id', query.ownerIds);
  const accounts = db
    .prepare(
      `SELECT a.id, a.name, a.tier, a.status, a.cadence_days AS cadenceDays, a.owner_id AS ownerId
       FROM accounts a WHERE a.deleted_at IS NULL AND a.archived_at IS NULL AND ${accountOwner.sql}`,
    )
    .all(...accountOwner.params) as CoverageAccount[];
  const periodStart = startOfDayIn(query.from, query.timeZone).toISOString();
  const periodEnd = startOfDayIn(addDays(query.to, 1), query.timeZone).toISOString();
  // Straight off the narrow partial indexes (schema 6): without statistics the planner would pick the
  // status index and read a wide visit row for every completed visit. Visits of accounts not in the
  // report (other reps', archived) are dropped below rather than joined away in SQL, for the same reason.
  const visitRows = db
    .prepare(
      `SELECT account_id AS accountId, done_at AS doneAt, kind FROM visits ${indexedBy(db, 'visits_done_report')}
       WHERE status = 'done' AND deleted_at IS NULL AND done_at >= ? AND done_at < ?
       UNION ALL
       SELECT account_id, max(done_at), kind FROM visits ${indexedBy(db, 'visits_done_by_account')}
       WHERE status = 'done' AND deleted_at IS NULL AND done_at < ?
       GROUP BY account_id, kind`,
    )
    .all(periodStart, periodEnd, periodStart) as Array<{ accountId: string; doneAt: string; kind: CoverageVisit['kind'] }>;
  const reported = new Set(accounts.map((account) => account.id));
  const visits = visitRows.flatMap((row) => (reported.has(row.accountId) ? [{ accountId: row.accountId, kind: row.kind, day: dayInZone(row.doneAt, query.timeZone) }] : []));
  const orders = db
    .prepare(
      `SELECT o.account_id AS accountId, o.day FROM orders o JOIN accounts a ON a.id = o.account_id
       WHERE o.deleted_at IS NULL AND a.deleted_at IS NULL AND ${accountOwner.sql} AND o.day >= ? AND o.day <= ?
       UNION ALL
       SELECT o.account_id, max(o.day) FROM orders o JOIN accounts a ON a.id = o.account_id
       WHERE o.deleted_at IS NULL AND a.deleted_at IS NULL AND ${accountOwner.sql} AND o.day < ?
       GROUP BY o.account_id`,
    )
    .all(...accountOwner.params, query.from, query.to, ...accountOwner.params, query.from) as CoverageOrder[];
  return {
    from: query.from,
    to: query.to,
    asOf: query.asOf,
    accounts,
    visits,
    orders,
    complaints: loadComplaints(db, query, accountOwner, periodStart, periodEnd),
    greetings: loadGreetings(db, query, reported),
    policy: query.policy ?? cadencePolicyOf(db),
  };
}

/** The first-response target when a complaint sets none (PRODUCT.md: 77% won't wait more than 6 hours). */
const DEFAULT_COMPLAINT_TARGET_HOURS = 6;
const MS_PER_MINUTE = 60_000;

function loadComplaints(db: Db, query: CoverageQuery, owner: { sql: string; params: string[] }, periodStart: string, periodEnd: string): CoverageComplaint[] {
  const rows = db
    .prepare(
      `SELECT c.account_id AS accountId, c.received_at AS receivedAt, c.target_hours AS targetHours,
              c.first_responded_at AS firstRespondedAt, c.resolved_at AS resolvedAt
       FROM complaints c JOIN accounts a ON a.id = c.account_id
       WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL AND ${owner.sql} AND c.received_at >= ? AND c.received_at < ?`,
    )
    .all(...owner.params, periodStart, periodEnd) as Array<{ accountId: string; receivedAt: string; targetHours: number | null; firstRespondedAt: string | null; resolvedAt: string | null }>;
  return rows.map((row) => ({
    accountId: row.accountId,
    openedDay: dayInZone(row.receivedAt, query.timeZone),
    firstResponseMinutes: row.firstRespondedAt === null ? null : (Date.parse(row.firstRespondedAt) - Date.parse(row.receivedAt)) / MS_PER_MINUTE,
    targetMinutes: (row.targetHours ?? DEFAULT_COMPLAINT_TARGET_HOURS) * 60,
    resolvedDay: row.resolvedAt === null ? null : dayInZone(row.resolvedAt, query.timeZone),
  }));
}

/**
 * Greetings due: each occurrence of an important date in the period; done when the greetings log has
 * it. Festival greetings depend on who the user chose to greet and are not counted here.
 */
function loadGreetings(db: Db, query: CoverageQuery, reported: ReadonlySet<string>): CoverageGreeting[] {
  const owner = ownerFilter('g.owner_id', query.ownerIds);
  const done = new Map<string, CalendarDay>();
  const rows = db
    .prepare(`SELECT g.date_id AS dateId, g.occurrence_day AS occurrenceDay, g.greeted_at AS greetedAt FROM greetings g WHERE g.deleted_at IS NULL AND g.date_id IS NOT NULL AND ${owner.sql} AND g.occurrence_day >= ? AND g.occurrence_day <= ?`)
    .all(...owner.params, query.from, query.to) as Array<{ dateId: string; occurrenceDay: string; greetedAt: string }>;
  for (const row of rows) done.set(`${row.dateId} ${row.occurrenceDay}`, dayInZone(row.greetedAt, query.timeZone));
  // Lean rows, no joins: a team has hundreds of thousands of dates; accounts outside the report are skipped here.
  const dates = db
    .prepare('SELECT id, account_id AS accountId, calendar, month, day, is_leap_month AS isLeapMonth, year FROM important_dates WHERE deleted_at IS NULL')
    .all() as Array<{ id: string; accountId: string; calendar: CalendarKind; month: number; day: number; isLeapMonth: number; year: number | null }>;
  const occurrencesOf = occurrenceMemo(query.from, query.to);
  return dates.flatMap((date) =>
    reported.has(date.accountId)
      ? occurrencesOf(date.calendar, date.month, date.day, date.isLeapMonth === 1)
          .filter((occurrence) => date.year === null || occurrence.year >= date.year)
          .map((occurrence) => ({ accountId: date.accountId, dueDay: occurrence.day, doneDay: done.get(`${date.id} ${occurrence.day}`) ?? null }))
      : [],
  );
}

const NOTHING: CoverageCounts = { accounts: 0, due: 0, withinCadence: 0, overdue: 0, visitsDone: 0, averageGapDays: null };

/**
 * The report with a row per rep of the team (as far as this laptop knows it, `listReps`) in the reps'
 * order: a rep with nothing to report (no accounts served here, nothing done) has a row of zeros, so a
 * silent rep is seen rather than missing.
 */
export function coverageFromDb(db: Db, query: CoverageQuery): CoverageReport {
  const report = coverageReport(loadCoverageInput(db, query));
  const reported = new Map(report.byRep.map((rep) => [rep.ownerId, rep]));
  const reps = listReps(db)
    .map((rep) => rep.ownerId)
    .filter((ownerId) => query.ownerIds === undefined || query.ownerIds.includes(ownerId));
  // Every owner of a reported account is among the reps (`listReps` reads the accounts too).
  return { ...report, byRep: reps.map((ownerId) => reported.get(ownerId) ?? { ownerId, counts: NOTHING, byTier: { A: NOTHING, B: NOTHING, C: NOTHING } }) };
}
