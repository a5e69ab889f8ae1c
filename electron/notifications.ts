/**
 * Desktop notifications in the main process. The service decides what is due (`notifications.due`)
 * and remembers what fired (`notifications.fired`), so a restart never repeats one; this scheduler
 * only decides when to ask: at the next moment something falls due (`nextNotificationAt`), at the
 * latest every few minutes (settings and plans change), on resume and unlock (a sleeping laptop
 * missed its timers) and when the wall clock jumps (the user or NTP changed it).
 */
import { Notification, powerMonitor, type BrowserWindow } from 'electron';
import type { ApiMethod, ApiOutputs, ApiResult, DueNotificationView, NavigateTarget } from '../core/api/contract.js';
import { nextNotificationAt } from '../core/agenda/index.js';
import { format } from 'date-fns';
import { translator } from '../core/i18n/translator.js';
import type { Language } from '../core/model/enums.js';
import { NAVIGATE_CHANNEL } from './channels.js';

export type ApiCall = (method: ApiMethod, input: unknown) => Promise<ApiResult>;

/**
 * Title and body of one notification, in the user's language from the locale resources (`today:notification.*`);
 * null for a notification not worth showing (an empty digest). Times on a 24-hour clock, in this computer's zone.
 */
export function notificationText(notification: DueNotificationView, language: Language): { title: string; body: string } | null {
  const t = translator(language, 'today');
  const { digest, visit } = notification;
  if (digest) {
    if (digest.total === 0) return null;
    const parts = [t('notification.total', { count: digest.total })];
    for (const part of ['complaints', 'visits', 'overdue', 'dates'] as const) if (digest[part] > 0) parts.push(t(`notification.${part}`, { count: digest[part] }));
    return { title: t('notification.digestTitle'), body: parts.join(t('notification.separator')) };
  }
  if (visit) return { title: t('notification.visitTitle', { account: visit.accountName }), body: t('notification.visitBody', { time: format(new Date(visit.plannedAt), 'HH:mm') }) };
  return null;
}

export interface SchedulerOptions {
  call: ApiCall;
  /** the main window, created and focused if need be */
  showWindow: () => BrowserWindow;
  now?: () => Date;
}

export interface NotificationScheduler {
  /** asks the service now and shows whatever is due */
  check(): Promise<void>;
  stop(): void;
}

/** Longest wait between checks: picks up new settings and plans without a push from the renderer. */
export const MAX_WAIT_MS = 5 * 60_000;
/** How often the wall clock is compared with the monotonic clock. */
export const CLOCK_WATCH_MS = 60_000;
/** A drift larger than this between the two clocks is a clock change, not timer lateness. */
export const CLOCK_JUMP_MS = 2 * 60_000;

const DAY_MS = 86_400_000;

async function value<M extends ApiMethod>(call: ApiCall, method: M, input: unknown): Promise<ApiOutputs[M] | null> {
  const result = await call(method, input);
  return result.ok ? (result.value as ApiOutputs[M]) : null;
}

export function startNotificationScheduler({ call, showWindow, now = () => new Date() }: SchedulerOptions): NotificationScheduler {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  const open = (target: NavigateTarget) => {
    const window = showWindow();
    window.webContents.send(NAVIGATE_CHANNEL, target);
  };

  const schedule = async () => {
    if (timer) clearTimeout(timer);
    if (stopped) return;
    const settings = await value(call, 'settings.get', undefined);
    const at = now();
    const visits = (await value(call, 'visits.upcoming', { from: new Date(at.getTime() - DAY_MS).toISOString(), days: 3 })) ?? [];
    const next =
      settings?.reminders.notificationsEnabled === true
        ? nextNotificationAt(at, settings.reminders, visits.flatMap((v) => (v.plannedAt ? [{ id: v.id, plannedAt: v.plannedAt }] : [])), new Set())
        : null;
    const wait = next === null ? MAX_WAIT_MS : Math.min(MAX_WAIT_MS, Math.max(1000, next.getTime() - at.getTime()));
    timer = setTimeout(() => void check(), wait);
  };

  const fireDue = async () => {
    const due = (await value(call, 'notifications.due', undefined)) ?? [];
    if (due.length === 0) return;
    const language = (await value(call, 'settings.get', undefined))?.language ?? 'zh-CN';
    for (const notification of due) {
      const text = notificationText(notification, language);
      if (!text || !Notification.isSupported()) continue;
      const shown = new Notification({ title: text.title, body: text.body });
      const target: NavigateTarget = notification.visit
        ? { screen: 'account', accountId: notification.visit.accountId, visitId: notification.visit.id }
        : { screen: 'today' };
      shown.on('click', () => open(target));
      shown.show();
    }
    // Recorded even when not shown (an empty digest, no notification support): each is decided once.
    await call('notifications.fired', { keys: due.map((notification) => notification.key) });
  };

  /** One check at a time: a resume and a timer firing together must not show a notification twice. */
  const check = (): Promise<void> => {
    running ??= (async () => {
      try {
        await fireDue();
      } finally {
        running = null;
        await schedule();
      }
    })();
    return running;
  };

  let lastWall = now().getTime();
  let lastMonotonic = performance.now();
  const clockWatch = setInterval(() => {
    const wall = now().getTime();
    const monotonic = performance.now();
    const drift = wall - lastWall - (monotonic - lastMonotonic);
    lastWall = wall;
    lastMonotonic = monotonic;
    if (Math.abs(drift) > CLOCK_JUMP_MS) void check();
  }, CLOCK_WATCH_MS);

  const onWake = () => void check();
  powerMonitor.on('resume', onWake);
  powerMonitor.on('unlock-screen', onWake);
  void check();

  return {
    check,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      clearInterval(clockWatch);
      powerMonitor.removeListener('resume', onWake);
      powerMonitor.removeListener('unlock-screen', onWake);
    },
  };
}
