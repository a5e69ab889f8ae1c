/**
 * Today and the agenda range, snoozes. The input is read from SQLite once and reused while the
 * database is unchanged (this connection's `total_changes()` plus `PRAGMA data_version` for other
 * connections' commits), so a warm Today costs only the rules. Reading never writes: account statuses
 * (lapsed / won back) follow the calendar, brought up to date as ordinary outbox-written updates when
 * the service starts and when the day changes (`keepLifecyclesCurrent`), and after a visit or an order.
 */
import type { ApiHandlers } from '../../core/api/contract.js';
import { agendaForRange, longestDefaultLeadDays, type AgendaDay } from '../../core/agenda/index.js';
import { addDays, type CalendarDay } from '../../core/calendar/day.js';
import type { Settings } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { datesWindowCovers, readAgendaDates, readAgendaInput, type AgendaData, type DatesWindow } from '../repo/agendaInput.js';
import { demoRowIds } from '../repo/demo.js';
import { removeSnooze, setSnooze } from '../repo/snoozes.js';
import { assertAccountWritable, readOnlyAccountIds } from '../repo/readOnly.js';
import { statement } from '../repo/table.js';
import { agendaSettingsOf, festivalRecipientIds } from './agendaSettings.js';
import type { ServiceContext } from './context.js';
import { refreshLifecycle } from './lifecycle.js';
import { currentSettings } from './settings.js';

type AgendaHandlers = Pick<ApiHandlers, 'agenda.today' | 'agenda.range' | 'agenda.snooze' | 'agenda.unsnooze'>;

/** The agenda input read at `version`, with the important dates of `dates` (null: every date). */
const cache = new WeakMap<Db, { version: string; data: AgendaData; dates: DatesWindow | null }>();

function databaseVersion(db: Db, settings: Settings): string {
  const ownChanges = statement(db, 'SELECT total_changes()').pluck().get() as number;
  const othersCommits = db.pragma('data_version', { simple: true }) as number;
  return `${othersCommits}:${ownChanges}:${settings.reminders.countingKinds.join(',')}`;
}

/**
 * The agenda input of the user's own accounts (cached while the database is unchanged), with the
 * important dates an agenda of `dates` can show, or every date. Asked for dates the cached input
 * lacks, only the dates (and their family members) are read again.
 */
export function agendaData(context: ServiceContext, settings: Settings, dates?: DatesWindow): AgendaData {
  const { db } = context;
  const version = databaseVersion(db, settings);
  const cached = cache.get(db);
  const wanted = dates ?? null;
  if (cached?.version === version) {
    if (datesWindowCovers(cached.dates, wanted)) return cached.data;
    const data = { ...cached.data, ...readAgendaDates(db, new Set(cached.data.accounts.map((account) => account.id)), dates) };
    cache.set(db, { version, data, dates: wanted });
    return data;
  }
  const data = withoutAccounts(readAgendaInput(db, { countingKinds: settings.reminders.countingKinds, dates }), readOnlyAccountIds(db));
  cache.set(db, { version, data, dates: wanted });
  return data;
}

/** The dates window of an agenda of `days` days from `from` under the user's lead times. */
function agendaWindow(settings: Settings, from: CalendarDay, days: number): DatesWindow {
  return { from, to: addDays(from, Math.max(0, days - 1)), leadDays: longestDefaultLeadDays(settings.reminders) };
}

/** How often the day is checked: a laptop that slept through midnight catches up within this. */
export const DAY_CHECK_MS = 10 * 60_000;

/**
 * Brings every own account's lifecycle status up to date now and again whenever the calendar day has
 * changed. A failure (a full disk, say) is tried again at the next check rather than stopping the app.
 */
function keepLifecyclesCurrent(context: ServiceContext): void {
  let currentFor: CalendarDay | null = null;
  const check = () => {
    if (!context.db.open) return clearInterval(timer);
    const today = context.today();
    if (today === currentFor) return;
    try {
      const settings = currentSettings(context);
      // Demo accounts keep their statuses: an automatic change is not the rep's work, and would make
      // "remove demo data" keep (and upload) the account as the rep's own.
      const demo = demoRowIds(context.db, 'accounts');
      // Lifecycles need no dates: Today's are read with the accounts, as Today (the app's first screen,
      // and `rounds agenda`) asks for them next and finds them here.
      const accounts = agendaData(context, settings, agendaWindow(settings, today, 1)).accounts.filter((account) => !demo.has(account.id));
      refreshLifecycle(context, accounts, settings.reminders.lapseThresholdDays);
      currentFor = today;
    } catch {
      // left for the next check
    }
  };
  const timer = setInterval(check, DAY_CHECK_MS);
  timer.unref();
  check();
}

/**
 * The agenda is the user's own work: a lead's app holds the team's accounts, but another rep's
 * birthdays, overdue revisits and complaints are that rep's to act on (their own app reminds them),
 * and every action on them would be refused here. So those accounts are left out of Today, the week
 * plan, notifications and lifecycle refreshes; the lead follows the team in Reports.
 */
function withoutAccounts(data: AgendaData, excluded: ReadonlySet<string>): AgendaData {
  if (excluded.size === 0) return data;
  const kept = <T extends { accountId: string }>(rows: readonly T[]): T[] => rows.filter((row) => !excluded.has(row.accountId));
  return {
    ...data,
    accounts: data.accounts.filter((account) => !excluded.has(account.id)),
    contacts: kept(data.contacts),
    dates: kept(data.dates),
    plannedVisits: kept(data.plannedVisits),
    complaints: kept(data.complaints),
  };
}

/** Each day's agenda from `from`, as the app, the CLI and the notifications see it. */
export function agendaDays(context: ServiceContext, from: CalendarDay, days: number): AgendaDay[] {
  const settings = currentSettings(context);
  const data = agendaData(context, settings, agendaWindow(settings, from, days));
  const tiers = new Map(data.accounts.map((account) => [account.id, account.tier]));
  const recipients = festivalRecipientIds(settings.reminders, data.contacts, (id) => tiers.get(id));
  return agendaForRange(data, from, days, agendaSettingsOf(settings, context.now(), recipients));
}

export function agendaHandlers(context: ServiceContext): AgendaHandlers {
  keepLifecyclesCurrent(context);
  return {
    'agenda.today': (input) => {
      const day = input?.day ?? context.today();
      const [agenda = { day, items: [], plannedAhead: { overdue: 0, due: 0 } }] = agendaDays(context, day, 1);
      return { ...agenda, done: doneOn(context.db, day) };
    },
    'agenda.range': ({ from, days }) => agendaDays(context, from, days),
    'agenda.snooze': ({ key, untilDay }) => {
      assertKeyWritable(context.db, key);
      setSnooze(context.db, key, untilDay);
      return { key, untilDay };
    },
    'agenda.unsnooze': ({ key }) => {
      assertKeyWritable(context.db, key);
      removeSnooze(context.db, key);
      return { key };
    },
  };
}

/**
 * How much of the day's work is done: greetings marked, visits completed and complaints first answered
 * on `day` (the runtime's zone, as the agenda's days), on the user's own accounts.
 */
function doneOn(db: Db, day: CalendarDay): number {
  const [year, month, date] = day.split('-').map(Number);
  const from = new Date(year!, month! - 1, date!).toISOString();
  const to = new Date(year!, month! - 1, date! + 1).toISOString();
  const sql = `SELECT
      (SELECT count(*) FROM greetings WHERE deleted_at IS NULL AND greeted_at >= :from AND greeted_at < :to AND account_id NOT IN (SELECT value FROM json_each(:excluded)))
    + (SELECT count(*) FROM visits WHERE status = 'done' AND deleted_at IS NULL AND done_at >= :from AND done_at < :to AND account_id NOT IN (SELECT value FROM json_each(:excluded)))
    + (SELECT count(*) FROM complaints WHERE deleted_at IS NULL AND first_responded_at >= :from AND first_responded_at < :to AND account_id NOT IN (SELECT value FROM json_each(:excluded)))`;
  return statement(db, sql).pluck().get({ from, to, excluded: JSON.stringify([...readOnlyAccountIds(db)]) }) as number;
}

/** The table whose row each kind of agenda key names first (see core/agenda/keys.ts). */
const KEY_ROW_TABLES: Record<string, { table: string; segment: number }> = {
  date: { table: 'important_dates', segment: 1 },
  festival: { table: 'contacts', segment: 2 },
  revisit: { table: 'accounts', segment: 1 },
  winback: { table: 'accounts', segment: 1 },
  complaint: { table: 'complaints', segment: 1 },
  visit: { table: 'visits', segment: 1 },
};

/** A snooze of another rep's reminder is refused like any change to their account. */
function assertKeyWritable(db: Db, key: string): void {
  const segments = key.split(':');
  const target = KEY_ROW_TABLES[segments[0] ?? ''];
  const rowId = segments[target?.segment ?? -1];
  if (!target || rowId === undefined) return;
  const accountId =
    target.table === 'accounts' ? rowId : (statement(db, `SELECT account_id FROM ${target.table} WHERE id = ?`).pluck().get(rowId) as string | undefined);
  if (accountId !== undefined) assertAccountWritable(db, accountId);
}
