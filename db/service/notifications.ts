/**
 * Notifications to show now (morning digest, reminders before planned visits) and the record of
 * those shown. The timing rules are `core/agenda/notifications.ts`; this adds the user's settings,
 * the planned visits, the keys already fired (kept in SQLite, so a restart never repeats one) and
 * what each notification is about (the digest's counts from today's agenda).
 */
import type { ApiHandlers, DueNotificationView } from '../../core/api/contract.js';
import { dueNotifications, type AgendaItem, type NotificationSettings } from '../../core/agenda/index.js';
import type { ReminderSettings } from '../../core/model/reminders.js';
import { firedNotificationKeys, recordFiredNotifications } from '../repo/notifications.js';
import { readOnlyAccountIds } from '../repo/readOnly.js';
import { listPlannedBetween, type PlannedVisit } from '../repo/visits.js';
import { agendaDays } from './agenda.js';
import type { ServiceContext } from './context.js';
import { currentSettings } from './settings.js';

type NotificationHandlers = Pick<ApiHandlers, 'notifications.due' | 'notifications.fired'>;

const MS_PER_DAY = 86_400_000;
/** Planned visits a reminder may concern: a day either side covers reminders deferred by quiet hours and lead times up to a day. */
const VISIT_WINDOW_DAYS = 2;

export function notificationSettingsOf(reminders: ReminderSettings): NotificationSettings {
  return { digestTime: reminders.digestTime, quietHours: reminders.quietHours, visitReminderMinutes: reminders.visitReminderMinutes };
}

type ScheduledVisit = PlannedVisit & { plannedAt: string };

function visitsAround(context: ServiceContext): ScheduledVisit[] {
  const nowMs = context.now().getTime();
  const from = new Date(nowMs - VISIT_WINDOW_DAYS * MS_PER_DAY).toISOString();
  const to = new Date(nowMs + VISIT_WINDOW_DAYS * MS_PER_DAY).toISOString();
  // Another rep's visits are theirs to be reminded of, not a lead's (as on Today: see agenda.ts).
  const othersAccounts = readOnlyAccountIds(context.db);
  // A planned visit always has its time (listPlannedBetween selects by it); the filter tells the type so.
  return listPlannedBetween(context.db, from, to).filter(
    (visit): visit is ScheduledVisit => visit.plannedAt !== null && !othersAccounts.has(visit.accountId),
  );
}

export function digestCounts(items: readonly AgendaItem[]): NonNullable<DueNotificationView['digest']> {
  const count = (...kinds: Array<AgendaItem['kind']>) => items.filter((item) => kinds.includes(item.kind)).length;
  return {
    total: items.length,
    complaints: count('complaint_breached', 'complaint_open'),
    visits: count('planned_visit'),
    overdue: count('revisit_overdue'),
    dates: count('important_date', 'festival'),
  };
}

export function notificationHandlers(context: ServiceContext): NotificationHandlers {
  return {
    'notifications.due': () => {
      const { reminders } = currentSettings(context);
      if (!reminders.notificationsEnabled) return [];
      const visits = visitsAround(context);
      const due = dueNotifications(context.now(), notificationSettingsOf(reminders), visits, firedNotificationKeys(context.db));
      const visitsById = new Map(visits.map((visit) => [visit.id, visit]));
      let digest: DueNotificationView['digest'] | undefined;
      const views = due.map((notification): DueNotificationView => {
        const visit = notification.visitId === null ? undefined : visitsById.get(notification.visitId);
        if (notification.kind === 'digest') digest ??= digestCounts(agendaDays(context, context.today(), 1)[0]?.items ?? []);
        return {
          key: notification.key,
          kind: notification.kind,
          fireAt: notification.fireAt,
          digest: notification.kind === 'digest' ? (digest ?? null) : null,
          visit: visit ? { id: visit.id, accountId: visit.accountId, accountName: visit.accountName, plannedAt: visit.plannedAt } : null,
        };
      });
      // A digest of an empty day would only interrupt: it counts as given, silently.
      const empty = views.filter((view) => view.digest?.total === 0).map((view) => view.key);
      if (empty.length > 0) recordFiredNotifications(context.db, empty, context.stamp());
      return views.filter((view) => view.digest?.total !== 0);
    },
    'notifications.fired': ({ keys }) => ({ recorded: recordFiredNotifications(context.db, keys, context.stamp()) }),
  };
}
