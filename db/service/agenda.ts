/**
 * Today and the agenda range, snoozes. The input is read from SQLite once and reused while the
 * database is unchanged (this connection's `total_changes()` plus `PRAGMA data_version` for other
 * connections' commits), so a warm Today costs only the rules. Before building, account statuses are
 * brought up to date (lapsed / won back) as ordinary outbox-written updates.
 */
import type { ApiHandlers } from '../../core/api/contract.js';
import { agendaForRange, type AgendaDay } from '../../core/agenda/index.js';
import type { CalendarDay } from '../../core/calendar/day.js';
import type { Settings } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { readAgendaInput, type AgendaData } from '../repo/agendaInput.js';
import { removeSnooze, setSnooze } from '../repo/snoozes.js';
import { statement } from '../repo/table.js';
import { agendaSettingsOf, festivalRecipientIds } from './agendaSettings.js';
import type { ServiceContext } from './context.js';
import { refreshLifecycle } from './lifecycle.js';
import { currentSettings } from './settings.js';

type AgendaHandlers = Pick<ApiHandlers, 'agenda.today' | 'agenda.range' | 'agenda.snooze' | 'agenda.unsnooze'>;

const cache = new WeakMap<Db, { version: string; data: AgendaData }>();

function databaseVersion(db: Db, settings: Settings): string {
  const ownChanges = statement(db, 'SELECT total_changes()').pluck().get() as number;
  const othersCommits = db.pragma('data_version', { simple: true }) as number;
  return `${othersCommits}:${ownChanges}:${settings.reminders.countingKinds.join(',')}`;
}

/** The agenda input with every account's lifecycle status current as of today. */
export function agendaData(context: ServiceContext, settings: Settings): AgendaData {
  const { db } = context;
  const read = (): AgendaData => {
    const version = databaseVersion(db, settings);
    const cached = cache.get(db);
    if (cached?.version === version) return cached.data;
    const data = readAgendaInput(db, { countingKinds: settings.reminders.countingKinds });
    cache.set(db, { version, data });
    return data;
  };
  const data = read();
  // A status change is a write, which moves the version: the second read sees the new statuses.
  return refreshLifecycle(context, data.accounts, settings.reminders.lapseThresholdDays).length > 0 ? read() : data;
}

/** Each day's agenda from `from`, as the app, the CLI and the notifications see it. */
export function agendaDays(context: ServiceContext, from: CalendarDay, days: number): AgendaDay[] {
  const settings = currentSettings(context);
  const data = agendaData(context, settings);
  const tiers = new Map(data.accounts.map((account) => [account.id, account.tier]));
  const recipients = festivalRecipientIds(settings.reminders, data.contacts, (id) => tiers.get(id));
  return agendaForRange(data, from, days, agendaSettingsOf(settings, context.now(), recipients));
}

export function agendaHandlers(context: ServiceContext): AgendaHandlers {
  return {
    'agenda.today': (input) => {
      const day = input?.day ?? context.today();
      return { day, items: agendaDays(context, day, 1)[0]?.items ?? [] };
    },
    'agenda.range': ({ from, days }) => agendaDays(context, from, days),
    'agenda.snooze': ({ key, untilDay }) => {
      setSnooze(context.db, key, untilDay);
      return { key, untilDay };
    },
    'agenda.unsnooze': ({ key }) => {
      removeSnooze(context.db, key);
      return { key };
    },
  };
}
