/**
 * When desktop notifications fire: a morning digest and a reminder before each planned visit.
 *
 * The host calls `dueNotifications` on a timer (set with `nextNotificationAt`) and on every wake,
 * resume and clock change, fires what it returns and records the keys. Because the answer depends
 * only on the current time and the fired keys, a notification fires exactly once: a restart or a clock
 * set back finds its key already fired; one missed while the laptop slept fires on wake, as long as it
 * is still the day it was meant for (a digest from yesterday is stale, today's comes instead). Quiet
 * hours defer a notification to their end.
 *
 * Times are the runtime's local time (the Electron main process runs in the user's zone).
 */
import { dayFromParts, type CalendarDay } from '../calendar/day.js';

export interface NotificationSettings {
  /** local time of the morning digest, `HH:mm` */
  digestTime: string;
  /** local times, `HH:mm`; may wrap midnight (22:00–07:00); null for none */
  quietHours: { from: string; to: string } | null;
  /** minutes before a planned visit to remind; null for no visit reminders */
  visitReminderMinutes: number | null;
}

export interface NotifiableVisit {
  id: string;
  /** instant (ISO 8601) */
  plannedAt: string;
}

export interface DueNotification {
  /** `digest:<day>` or `visit:<visitId>:<plannedAt>` (re-planning a visit arms a new reminder) */
  key: string;
  kind: 'digest' | 'visit';
  /** the visit reminded of; null for the digest */
  visitId: string | null;
  /** instant (ISO 8601) the notification was meant to fire, after any quiet-hours deferral */
  fireAt: string;
}

/** Notifications to fire now. */
export function dueNotifications(now: Date, settings: NotificationSettings, visits: readonly NotifiableVisit[], firedKeys: ReadonlySet<string>): DueNotification[] {
  if (inQuietHours(now, settings.quietHours)) return [];
  return pending(now, settings, visits, firedKeys)
    .filter(({ fireAt }) => fireAt.getTime() <= now.getTime())
    .map(({ key, kind, visitId, fireAt }) => ({ key, kind, visitId, fireAt: fireAt.toISOString() }));
}

/** When to look again: the earliest moment after `now` at which something will be due; null if nothing is pending. */
export function nextNotificationAt(now: Date, settings: NotificationSettings, visits: readonly NotifiableVisit[], firedKeys: ReadonlySet<string>): Date | null {
  const quietEnd = inQuietHours(now, settings.quietHours) && settings.quietHours ? endOfQuietHours(now, settings.quietHours) : null;
  let earliest: Date | null = null;
  for (const { fireAt, expiresAt } of pending(now, settings, visits, firedKeys)) {
    const at = quietEnd && quietEnd > fireAt ? quietEnd : fireAt;
    if (at.getTime() <= now.getTime() || at >= expiresAt) continue;
    if (earliest === null || at < earliest) earliest = at;
  }
  return earliest;
}

interface Pending {
  key: string;
  kind: DueNotification['kind'];
  visitId: string | null;
  fireAt: Date;
  /** the start of the local day after the one it fires on: from then on it is stale */
  expiresAt: Date;
}

/** Unfired, unexpired notifications around now: yesterday's digest may have been deferred into today. */
function pending(now: Date, settings: NotificationSettings, visits: readonly NotifiableVisit[], firedKeys: ReadonlySet<string>): Pending[] {
  const candidates: Array<Omit<Pending, 'fireAt' | 'expiresAt'> & { nominal: Date }> = [];
  const digest = minutesOf(settings.digestTime);
  for (const offset of [-1, 0, 1]) {
    const nominal = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset, 0, digest);
    candidates.push({ key: `digest:${localDayOf(nominal)}`, kind: 'digest', visitId: null, nominal });
  }
  if (settings.visitReminderMinutes !== null) {
    for (const visit of visits) {
      const nominal = new Date(Date.parse(visit.plannedAt) - settings.visitReminderMinutes * 60_000);
      if (Number.isNaN(nominal.getTime())) continue;
      candidates.push({ key: `visit:${visit.id}:${visit.plannedAt}`, kind: 'visit', visitId: visit.id, nominal });
    }
  }
  const result: Pending[] = [];
  for (const { nominal, ...candidate } of candidates) {
    if (firedKeys.has(candidate.key)) continue;
    const fireAt = settings.quietHours && inQuietHours(nominal, settings.quietHours) ? endOfQuietHours(nominal, settings.quietHours) : nominal;
    const expiresAt = new Date(fireAt.getFullYear(), fireAt.getMonth(), fireAt.getDate() + 1);
    if (now.getTime() < expiresAt.getTime()) result.push({ ...candidate, fireAt, expiresAt });
  }
  return result;
}

function minutesOf(hhmm: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new RangeError(`"${hhmm}" is not HH:mm`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function inQuietHours(at: Date, quiet: NotificationSettings['quietHours']): boolean {
  if (!quiet) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const minute = at.getHours() * 60 + at.getMinutes();
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

/** The end of the quiet period `at` lies in: today at `to`, or tomorrow when the period wraps midnight and has just begun. */
function endOfQuietHours(at: Date, quiet: { from: string; to: string }): Date {
  const to = minutesOf(quiet.to);
  const beforeMidnight = at.getHours() * 60 + at.getMinutes() >= to;
  return new Date(at.getFullYear(), at.getMonth(), at.getDate() + (beforeMidnight ? 1 : 0), 0, to);
}

function localDayOf(at: Date): CalendarDay {
  return dayFromParts(at.getFullYear(), at.getMonth() + 1, at.getDate());
}
