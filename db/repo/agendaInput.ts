/**
 * Reads what the Today agenda needs (`AgendaInput`) from SQLite: one query per table, never one per
 * account. Instants become calendar days in the user's time zone with `dayOfInstant` (the runtime's
 * zone unless one is given); stored calendar days are used as they are, never shifted through UTC.
 */
import { dateSignaturesBetween } from '../../core/agenda/occurrences.js';
import type { AgendaAccount, AgendaContact, AgendaDate, AgendaFamilyMember, AgendaInput } from '../../core/agenda/types.js';
import type { GreetingChannel } from '../../core/model/enums.js';
import { addDays, dayOfInstant, type CalendarDay } from '../../core/calendar/day.js';
import type { AccountStatus, CalendarKind, DateKind, Tier, VisitKind } from '../../core/model/enums.js';
import type { Db } from '../connection.js';
import { indexedBy } from '../synced/indexesSetAside.js';
import { statement } from './table.js';

/** An agenda account with what "plan my week" and the festival rule also need. */
export interface AgendaAccountRow extends AgendaAccount {
  city: string | null;
  address: string | null;
}

/** An agenda contact with its per-contact festival-greetings choice (null = the default rule). */
export interface AgendaContactRow extends AgendaContact {
  festivalGreetings: boolean | null;
}

export interface AgendaData extends AgendaInput {
  accounts: AgendaAccountRow[];
  contacts: AgendaContactRow[];
}

export interface AgendaReadOptions {
  /** visit kinds whose completion restarts the cadence clock */
  countingKinds: readonly VisitKind[];
  /** IANA zone for instants; default the runtime's */
  timeZone?: string;
  /** only the important dates an agenda of these days can show; default every date */
  dates?: DatesWindow;
}

/**
 * The days of an agenda, for reading only the important dates it can show: `from` to `to`, and ahead of
 * `to` by `leadDays` (the longest lead time the settings give) or by a date's own lead time when longer.
 */
export interface DatesWindow {
  from: CalendarDay;
  to: CalendarDay;
  leadDays: number;
}

/** Whether the dates read for `read` include every date `wanted` needs (null: every date). */
export function datesWindowCovers(read: DatesWindow | null, wanted: DatesWindow | null): boolean {
  if (read === null) return true;
  if (wanted === null) return false;
  return read.from <= wanted.from && read.to >= wanted.to && read.leadDays >= wanted.leadDays;
}

const LIVE_ACCOUNT = 'a.deleted_at IS NULL AND a.archived_at IS NULL';

export function readAgendaInput(db: Db, options: AgendaReadOptions): AgendaData {
  const dayOf = instantToDay(options.timeZone);
  const { lastCounted, lastAny } = lastContactsByAccount(db, options.countingKinds);
  const lastOrder = new Map(
    (statement(db, INDEXED_READS.lastOrders).all() as Array<{ account_id: string; day: string }>).map(
      (row) => [row.account_id, row.day],
    ),
  );

  const accountRows = statement(
    db,
    `SELECT a.id, a.name, a.tier, a.status, a.cadence_days, a.city, a.address, a.last_visit_at FROM accounts a WHERE ${LIVE_ACCOUNT}`,
  ).all() as Array<{ id: string; name: string; tier: Tier; status: AccountStatus; cadence_days: number | null; city: string | null; address: string | null; last_visit_at: string | null }>;
  const accounts = accountRows.map((row): AgendaAccountRow => {
    const lastVisitDay = row.last_visit_at === null ? null : dayOf(row.last_visit_at);
    const counted = lastCounted.get(row.id);
    const latest = lastAny.get(row.id);
    return {
      id: row.id,
      name: row.name,
      tier: row.tier,
      status: row.status,
      cadenceDays: row.cadence_days,
      lastCountedContactDay: counted === undefined ? null : dayOf(counted.doneAt),
      lastCountedContactKind: counted?.kind ?? null,
      lastUncountedContact: latest !== undefined && (counted === undefined || latest.doneAt > counted.doneAt) ? { day: dayOf(latest.doneAt), kind: latest.kind } : null,
      lastActivityDay: laterDay(lastVisitDay, lastOrder.get(row.id) ?? null),
      city: row.city,
      address: row.address,
    };
  });

  // Contacts and dates of live accounts: filtered here by the accounts just read, not joined in SQL,
  // which would look each account up again for every row (tens of thousands of lookups on a rep's data).
  const live = new Set(accountRows.map((row) => row.id));
  // The larger tables as arrays of values (`raw`), each row made into its agenda object at once: no
  // row object per row to build and throw away (a rep has about 10,000 contacts and 20,000 dates).
  type ContactCells = [id: string, accountId: string, name: string, isKey: number, festivalGreetings: number | null];
  const contacts: AgendaContactRow[] = [];
  for (const [id, accountId, name, isKey, festivalGreetings] of rawRows<ContactCells>(db, 'SELECT c.id, c.account_id, c.name, c.is_key, c.festival_greetings FROM contacts c WHERE c.deleted_at IS NULL')) {
    if (live.has(accountId)) contacts.push({ id, accountId, name, isKey: isKey === 1, festivalGreetings: festivalGreetings === null ? null : festivalGreetings === 1 });
  }

  const { dates, familyMembers } = readAgendaDates(db, live, options.dates);

  const plannedVisits = (
    statement(db, "SELECT id, account_id, kind, planned_at FROM visits WHERE status = 'planned' AND deleted_at IS NULL AND planned_at IS NOT NULL").all() as Array<{
      id: string;
      account_id: string;
      kind: VisitKind;
      planned_at: string;
    }>
  ).map((row) => ({ id: row.id, accountId: row.account_id, kind: row.kind, plannedAt: row.planned_at, plannedDay: dayOf(row.planned_at) }));

  const complaints = (
    statement(
      db,
      'SELECT id, account_id, contact_id, severity, received_at, first_responded_at, target_hours, updated_at FROM complaints WHERE resolved_at IS NULL AND deleted_at IS NULL',
    ).all() as Array<{
      id: string;
      account_id: string;
      contact_id: string | null;
      severity: string;
      received_at: string;
      first_responded_at: string | null;
      target_hours: number | null;
      updated_at: string;
    }>
  ).map((row) => ({
    id: row.id,
    accountId: row.account_id,
    contactId: row.contact_id,
    severity: row.severity,
    openedAt: row.received_at,
    firstRespondedAt: row.first_responded_at,
    targetHours: row.target_hours,
    resolved: false,
    updatedAt: row.updated_at,
  }));

  const snoozes = (statement(db, 'SELECT key, until_day FROM snoozes').all() as Array<{ key: string; until_day: string }>).map((row) => ({ key: row.key, untilDay: row.until_day }));
  const greetings = (
    statement(db, 'SELECT key, occurrence_day, channel, gift FROM greetings WHERE deleted_at IS NULL').all() as Array<{ key: string; occurrence_day: string; channel: GreetingChannel; gift: string | null }>
  ).map((row) => ({ key: row.key, day: row.occurrence_day, channel: row.channel, gift: row.gift }));

  return { accounts, contacts, familyMembers, dates, plannedVisits, complaints, snoozes, greetings };
}

type DateCells = [
  id: string,
  accountId: string,
  contactId: string | null,
  familyMemberId: string | null,
  kind: DateKind,
  label: string | null,
  calendar: CalendarKind,
  month: number,
  day: number,
  isLeapMonth: number,
  year: number | null,
  leadDays: number | null,
];
const DATE_COLUMNS = 'd.id, d.account_id, d.contact_id, d.family_member_id, d.kind, d.label, d.calendar, d.month, d.day, d.is_leap_month, d.year, d.lead_days';

/**
 * The live important dates of `accountIds`, with the family members they are for: every one, or those
 * an agenda of `window` can show. A date can only fall on a day whose (calendar, month, day) it names
 * or moves from (core/agenda/occurrences.ts), so a short window reads just those, from the day index
 * of schema 13, which holds every column read here: a one-day agenda reads a few hundred of a rep's
 * 20,000 dates and decrypts a few pages instead of the whole table. How far ahead to look is the
 * settings' longest lead time, or the longest a date has of its own when longer (from a small index of
 * those, so one long lead anywhere is never missed).
 */
export function readAgendaDates(db: Db, accountIds: ReadonlySet<string>, window?: DatesWindow): Pick<AgendaData, 'dates' | 'familyMembers'> {
  const signatures = window === undefined ? null : dateSignaturesBetween(window.from, addDays(window.to, Math.max(window.leadDays, longestOwnLeadDays(db))));
  const rows =
    signatures === null
      ? rawRows<DateCells>(db, `SELECT ${DATE_COLUMNS} FROM important_dates d WHERE d.deleted_at IS NULL`)
      : (statement(db, INDEXED_READS.datesByDay).raw(true).all(JSON.stringify(signatures)) as DateCells[]);
  const dates: AgendaDate[] = [];
  for (const [id, accountId, contactId, familyMemberId, kind, label, calendar, month, day, isLeapMonth, year, leadDays] of rows) {
    if (accountIds.has(accountId)) dates.push({ id, accountId, contactId, familyMemberId, kind, label, leadDays, calendar, month, day, isLeapMonth: isLeapMonth === 1, year });
  }
  // The agenda names a family member only as whom a date is for: a short window's few, by id.
  const familyMembers =
    signatures === null
      ? (statement(db, 'SELECT id, name, relation FROM family_members WHERE deleted_at IS NULL').all() as AgendaFamilyMember[])
      : (statement(db, 'SELECT id, name, relation FROM family_members WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL').all(
          JSON.stringify([...new Set(dates.flatMap((date) => date.familyMemberId ?? []))]),
        ) as AgendaFamilyMember[]);
  return { dates, familyMembers };
}

/**
 * Reads that schema 13's indexes answer without visiting their tables (the tests check the query plans).
 * The planner picks the indexes unasked: with no INDEXED BY, a read still runs (scanning) while an index
 * is missing.
 */
export const INDEXED_READS = {
  /** live dates whose (calendar, month, day) is one of a JSON list of [calendar, month, day]: a seek in the day index per entry */
  datesByDay: `SELECT ${DATE_COLUMNS} FROM json_each(?) s
    JOIN important_dates d
      ON d.calendar = json_extract(s.value, '$[0]') AND d.month = json_extract(s.value, '$[1]') AND d.day = json_extract(s.value, '$[2]')
    WHERE d.deleted_at IS NULL`,
  /** the longest lead time a live date has of its own: the last entry of the own-lead index */
  longestOwnLead: 'SELECT max(lead_days) FROM important_dates WHERE deleted_at IS NULL AND lead_days IS NOT NULL',
  /** each account's last live order */
  lastOrders: 'SELECT account_id, max(day) AS day FROM orders WHERE deleted_at IS NULL GROUP BY account_id',
};

/** The longest lead time a live date has of its own (0 when none has). */
function longestOwnLeadDays(db: Db): number {
  return (statement(db, INDEXED_READS.longestOwnLead).pluck().get() as number | null) ?? 0;
}

/** A query's rows as arrays of values, in the order of its columns. */
function rawRows<Cells extends unknown[]>(db: Db, sql: string): Cells[] {
  return statement(db, sql).raw(true).all() as Cells[];
}

type LastContact = { doneAt: string; kind: VisitKind };

/**
 * Latest completed contact per account (instant and kind): of the counting kinds (`lastCounted`) and of
 * any kind (`lastAny`). One pass over the covering index of completed visits (account, kind, time):
 * the latest of each kind per account, a few per account. Named, because without statistics SQLite
 * would rather take the status index and read (and decrypt) every visit row — 0.5 s on a rep's 50,000
 * visits instead of 0.1 s.
 */
function lastContactsByAccount(db: Db, countingKinds: readonly VisitKind[]): { lastCounted: Map<string, LastContact>; lastAny: Map<string, LastContact> } {
  const rows = statement(
    db,
    `SELECT account_id, kind, max(done_at) AS done_at FROM visits ${indexedBy(db, 'visits_done_by_account')}
     WHERE status = 'done' AND deleted_at IS NULL GROUP BY account_id, kind`,
  ).all() as Array<{ account_id: string; kind: VisitKind; done_at: string | null }>;
  const counting = new Set(countingKinds);
  const lastCounted = new Map<string, LastContact>();
  const lastAny = new Map<string, LastContact>();
  const keepLater = (map: Map<string, LastContact>, accountId: string, contact: LastContact) => {
    const known = map.get(accountId);
    if (known === undefined || contact.doneAt > known.doneAt) map.set(accountId, contact);
  };
  for (const row of rows) {
    if (row.done_at === null) continue;
    const contact = { doneAt: row.done_at, kind: row.kind };
    keepLater(lastAny, row.account_id, contact);
    if (counting.has(row.kind)) keepLater(lastCounted, row.account_id, contact);
  }
  return { lastCounted, lastAny };
}

/** Instant → calendar day, memoised: thousands of rows share a few hundred distinct instants' days per call. */
function instantToDay(timeZone: string | undefined): (instant: string) => CalendarDay {
  const days = new Map<string, CalendarDay>();
  return (instant) => {
    let day = days.get(instant);
    if (day === undefined) days.set(instant, (day = dayOfInstant(instant, timeZone)));
    return day;
  };
}

function laterDay(x: CalendarDay | null, y: CalendarDay | null): CalendarDay | null {
  if (x === null) return y;
  if (y === null) return x;
  return x > y ? x : y;
}

/** One account's status and last activity (completed visit of any kind, or order), for lifecycle checks at write time. */
export function accountActivity(db: Db, accountId: string, timeZone?: string): { status: AccountStatus; lastActivityDay: CalendarDay | null } | undefined {
  const sql = `SELECT a.status, a.last_visit_at, (SELECT max(day) FROM orders o WHERE o.account_id = a.id AND o.deleted_at IS NULL) AS last_order_day
    FROM accounts a WHERE a.id = ? AND a.deleted_at IS NULL`;
  const row = statement(db, sql).get(accountId) as { status: AccountStatus; last_visit_at: string | null; last_order_day: string | null } | undefined;
  if (!row) return undefined;
  const lastVisitDay = row.last_visit_at === null ? null : dayOfInstant(row.last_visit_at, timeZone);
  return { status: row.status, lastActivityDay: laterDay(lastVisitDay, row.last_order_day) };
}
