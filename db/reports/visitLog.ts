/**
 * The team's visit log: every visit (or one rep's), filtered and sorted in SQL, read a page at a time
 * for the screen or row by row for exports (a statement iterator: a million rows never sit in memory).
 */
import type { VisitLogRowView } from '../../core/api/contract.js';
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import type { Tier, VisitKind, VisitStatus } from '../../core/model/enums.js';
import { startOfDayIn } from '../../core/reports/zone.js';
import type { Db } from '../connection.js';
import { ownerFilter } from './owners.js';

export const VISIT_LOG_SORTS = ['when', 'account', 'tier', 'city', 'rep', 'kind', 'status'] as const;
export type VisitLogSort = (typeof VISIT_LOG_SORTS)[number];

export interface VisitLogQuery {
  /** reps whose visits to show (null = this device's user); omitted: everyone's */
  ownerIds?: ReadonlyArray<string | null>;
  /** calendar days (both included) in `timeZone`, matched against when the visit was done, else planned */
  from?: CalendarDay;
  to?: CalendarDay;
  /** IANA zone the days are in; default: the runtime's */
  timeZone?: string;
  tiers?: readonly Tier[];
  kinds?: readonly VisitKind[];
  statuses?: readonly VisitStatus[];
  accountId?: string;
  city?: string;
  sort?: VisitLogSort;
  descending?: boolean;
}

/** The app API's visit-log row: one definition, in the contract. */
export type VisitLogRow = VisitLogRowView;

/** When a visit happened for filtering and sorting: done, else planned (cancelled visits keep their plan). */
const WHEN = 'coalesce(v.done_at, v.planned_at, v.created_at)';

const SORT_COLUMNS: Record<VisitLogSort, string> = {
  when: WHEN,
  account: 'a.name',
  tier: 'a.tier',
  city: 'a.city',
  rep: 'v.owner_id',
  kind: 'v.kind',
  status: 'v.status',
};

/** `NOT INDEXED` for a full export: index order would read the wide visit rows at random; one sort is faster. */
const select = (visits: 'visits v' | 'visits v NOT INDEXED') => `
  SELECT v.id, v.account_id AS accountId, a.name AS accountName, a.tier, a.city, v.owner_id AS ownerId,
         v.kind, v.status, v.planned_at AS plannedAt, v.done_at AS doneAt, v.purpose,
         (SELECT group_concat(c.name, char(31)) FROM json_each(v.met_contact_ids) AS met JOIN contacts c ON c.id = met.value) AS contactsMet,
         v.outcome, v.next_step AS nextStep
  FROM ${visits} JOIN accounts a ON a.id = v.account_id`;

/** Joins names with the ASCII unit separator, which no name contains, rather than JSON (cheaper per row). */
const NAME_SEPARATOR = String.fromCharCode(31);

type SqlValue = string | number | null;

function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** WHERE clause and its parameters; every value is bound, never spliced into the SQL. */
function whereOf(query: VisitLogQuery): { sql: string; params: SqlValue[] } {
  const conditions = ['v.deleted_at IS NULL', 'a.deleted_at IS NULL'];
  const params: SqlValue[] = [];
  const anyOf = (column: string, values: readonly string[] | undefined) => {
    if (values === undefined) return;
    conditions.push(values.length === 0 ? '0' : `${column} IN (${placeholders(values)})`);
    params.push(...values);
  };
  const owners = ownerFilter('v.owner_id', query.ownerIds);
  conditions.push(owners.sql);
  params.push(...owners.params);
  const timeZone = query.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (query.from !== undefined) {
    conditions.push(`${WHEN} >= ?`);
    params.push(startOfDayIn(query.from, timeZone).toISOString());
  }
  if (query.to !== undefined) {
    conditions.push(`${WHEN} < ?`);
    params.push(startOfDayIn(addDays(query.to, 1), timeZone).toISOString());
  }
  anyOf('a.tier', query.tiers);
  anyOf('v.kind', query.kinds);
  anyOf('v.status', query.statuses);
  if (query.accountId !== undefined) {
    conditions.push('v.account_id = ?');
    params.push(query.accountId);
  }
  if (query.city !== undefined) {
    conditions.push('a.city = ?');
    params.push(query.city);
  }
  return { sql: `WHERE ${conditions.join(' AND ')}`, params };
}

function orderOf(query: VisitLogQuery): string {
  // Without a sort, newest first; with one, ascending unless asked otherwise.
  const direction = (query.descending ?? query.sort === undefined) ? 'DESC' : 'ASC';
  // The id breaks ties so that pages never repeat or skip a row.
  return `ORDER BY ${SORT_COLUMNS[query.sort ?? 'when']} ${direction}, v.id ${direction}`;
}

type RawRow = Omit<VisitLogRow, 'contactsMet'> & { contactsMet: string | null };

function toRow(raw: RawRow): VisitLogRow {
  const row = raw as unknown as VisitLogRow;
  row.contactsMet = raw.contactsMet === null ? [] : raw.contactsMet.split(NAME_SEPARATOR);
  return row;
}

export function countVisitLog(db: Db, query: VisitLogQuery): number {
  const where = whereOf(query);
  return db.prepare(`SELECT count(*) FROM visits v JOIN accounts a ON a.id = v.account_id ${where.sql}`).pluck().get(...where.params) as number;
}

/** One page for a virtualised list, and how many rows the whole log has. */
export function visitLogPage(db: Db, query: VisitLogQuery, page: { offset: number; limit: number }): { rows: VisitLogRow[]; total: number } {
  const where = whereOf(query);
  const raws = db.prepare(`${select('visits v')} ${where.sql} ${orderOf(query)} LIMIT ? OFFSET ?`).all(...where.params, page.limit, page.offset) as RawRow[];
  return { rows: raws.map(toRow), total: countVisitLog(db, query) };
}

/** Every matching row, one at a time; finish or `return()` the iterator before writing on this connection. */
export function* iterateVisitLog(db: Db, query: VisitLogQuery): Generator<VisitLogRow, void, undefined> {
  const where = whereOf(query);
  for (const raw of db.prepare(`${select('visits v NOT INDEXED')} ${where.sql} ${orderOf(query)}`).iterate(...where.params) as IterableIterator<RawRow>) {
    yield toRow(raw);
  }
}
