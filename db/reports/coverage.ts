/**
 * Feeds the pure coverage report (`core/reports/coverage.ts`) from SQLite: the accounts, their completed
 * contacts in the period, and for each account and kind the last one before it (enough to know the gap
 * running into the period, for cadence and for lapses).
 */
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import { DEFAULT_CADENCE_POLICY, policyWithIdealDays, type CadencePolicy } from '../../core/cadence/index.js';
import type { Tier } from '../../core/model/enums.js';
import { coverageReport, type CoverageAccount, type CoverageInput, type CoverageReport, type CoverageVisit } from '../../core/reports/coverage.js';
import { dayInZone, startOfDayIn } from '../../core/reports/zone.js';
import type { Db } from '../connection.js';
import { ownerFilter } from './owners.js';
import { readSettings } from '../repo/settings.js';

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
  const visitRows = db
    .prepare(
      `SELECT v.account_id AS accountId, v.done_at AS doneAt, v.kind FROM visits v JOIN accounts a ON a.id = v.account_id
       WHERE v.status = 'done' AND v.deleted_at IS NULL AND a.deleted_at IS NULL AND a.archived_at IS NULL AND ${accountOwner.sql}
         AND v.done_at >= ? AND v.done_at < ?
       UNION ALL
       SELECT v.account_id, max(v.done_at), v.kind FROM visits v JOIN accounts a ON a.id = v.account_id
       WHERE v.status = 'done' AND v.deleted_at IS NULL AND a.deleted_at IS NULL AND a.archived_at IS NULL AND ${accountOwner.sql}
         AND v.done_at < ?
       GROUP BY v.account_id, v.kind`,
    )
    .all(...accountOwner.params, periodStart, periodEnd, ...accountOwner.params, periodStart) as Array<{ accountId: string; doneAt: string; kind: CoverageVisit['kind'] }>;
  const visits = visitRows.map((row) => ({ accountId: row.accountId, kind: row.kind, day: dayInZone(row.doneAt, query.timeZone) }));
  return {
    from: query.from,
    to: query.to,
    asOf: query.asOf,
    accounts,
    visits,
    // Until the complaints and greetings tables exist (their own migrations), these sections are empty.
    complaints: [],
    greetings: [],
    policy: query.policy ?? cadencePolicyOf(db),
  };
}

export function coverageFromDb(db: Db, query: CoverageQuery): CoverageReport {
  return coverageReport(loadCoverageInput(db, query));
}
