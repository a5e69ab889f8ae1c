import { describe, expect, it } from 'vitest';
import { dueNotifications, nextNotificationAt, type NotificationSettings } from './notifications.js';

// Local times throughout, so the tests hold in any time zone.
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute);
const settings: NotificationSettings = { digestTime: '08:30', quietHours: { from: '22:00', to: '07:00' }, visitReminderMinutes: 30 };
const none = new Set<string>();
const keysDue = (now: Date, fired: Set<string> = none, s: NotificationSettings = settings, visits = [] as Array<{ id: string; plannedAt: string }>) =>
  dueNotifications(now, s, visits, fired).map((n) => n.key);

describe('dueNotifications: the morning digest', () => {
  it('fires at the digest time, and not before', () => {
    expect(keysDue(at(10, 8, 29))).toEqual([]);
    const [digest] = dueNotifications(at(10, 8, 30), settings, [], none);
    expect(digest).toEqual({ key: 'digest:2026-03-10', kind: 'digest', visitId: null, fireAt: at(10, 8, 30).toISOString() });
  });

  it('never repeats a fired key, also after the clock is set back', () => {
    const fired = new Set(['digest:2026-03-10']);
    expect(keysDue(at(10, 9), fired)).toEqual([]);
    expect(keysDue(at(10, 8, 45), fired)).toEqual([]);
  });

  it('fires a digest missed during sleep once on wake the same day, and drops it the next day', () => {
    expect(keysDue(at(10, 15))).toEqual(['digest:2026-03-10']);
    expect(keysDue(at(11, 6, 59))).toEqual([]); // quiet hours, and yesterday’s is stale
    expect(keysDue(at(11, 8, 31))).toEqual(['digest:2026-03-11']);
  });

  it('defers a digest set inside quiet hours to their end, even across midnight', () => {
    const late = { ...settings, digestTime: '23:00' };
    expect(keysDue(at(10, 23), none, late)).toEqual([]);
    expect(keysDue(at(11, 7), none, late)).toEqual(['digest:2026-03-10']);
    expect(dueNotifications(at(11, 7), late, [], none)[0]?.fireAt).toBe(at(11, 7).toISOString());
  });

  it('handles quiet hours that do not wrap midnight', () => {
    const lunch = { ...settings, quietHours: { from: '08:00', to: '09:15' } };
    expect(keysDue(at(10, 9), none, lunch)).toEqual([]);
    expect(keysDue(at(10, 9, 15), none, lunch)).toEqual(['digest:2026-03-10']);
  });
});

describe('dueNotifications: visit reminders', () => {
  const visit = { id: 'v1', plannedAt: at(10, 14).toISOString() };

  it('reminds the set minutes before a visit, once', () => {
    expect(keysDue(at(10, 13, 29), new Set(['digest:2026-03-10']), settings, [visit])).toEqual([]);
    const due = dueNotifications(at(10, 13, 30), settings, [visit], new Set(['digest:2026-03-10']));
    expect(due).toEqual([{ key: `visit:v1:${visit.plannedAt}`, kind: 'visit', visitId: 'v1', fireAt: at(10, 13, 30).toISOString() }]);
    expect(keysDue(at(10, 13, 40), new Set(['digest:2026-03-10', `visit:v1:${visit.plannedAt}`]), settings, [visit])).toEqual([]);
  });

  it('arms a new reminder when the visit is moved', () => {
    const moved = { id: 'v1', plannedAt: at(10, 16).toISOString() };
    const fired = new Set(['digest:2026-03-10', `visit:v1:${visit.plannedAt}`]);
    expect(keysDue(at(10, 15, 30), fired, settings, [moved])).toEqual([`visit:v1:${moved.plannedAt}`]);
  });

  it('sends no visit reminders when they are off', () => {
    expect(keysDue(at(10, 13, 30), new Set(['digest:2026-03-10']), { ...settings, visitReminderMinutes: null }, [visit])).toEqual([]);
  });

  it('holds a reminder that falls in quiet hours until they end', () => {
    const early = { id: 'v2', plannedAt: at(11, 7, 15).toISOString() }; // reminder 06:45
    expect(keysDue(at(11, 6, 50), none, settings, [early])).toEqual([]);
    expect(keysDue(at(11, 7), new Set(['digest:2026-03-10']), settings, [early])).toEqual([`visit:v2:${early.plannedAt}`]);
  });
});

describe('nextNotificationAt', () => {
  it('points at the next digest or visit reminder', () => {
    const visit = { id: 'v1', plannedAt: at(10, 10).toISOString() };
    expect(nextNotificationAt(at(10, 6), settings, [visit], none)).toEqual(at(10, 8, 30));
    expect(nextNotificationAt(at(10, 9), settings, [visit], new Set(['digest:2026-03-10']))).toEqual(at(10, 9, 30));
    expect(nextNotificationAt(at(10, 12), settings, [], new Set(['digest:2026-03-10']))).toEqual(at(11, 8, 30));
  });

  it('waits for the end of quiet hours when something is held', () => {
    const late = { ...settings, digestTime: '23:00' };
    expect(nextNotificationAt(at(10, 22, 30), late, [], none)).toEqual(at(11, 7));
  });
});
