/**
 * Notifications in browser mode: every minute (and when the window comes back into view) ask the host
 * what is due, show each once — a Web Notification when the user allowed them, else an in-app reminder
 * in the header (`ReminderInHeader`: in the header's own row, never floating over a screen's buttons) —
 * and record it with `notifications.fired` so it never fires again. In Electron the main process
 * notifies natively; here we only follow its "open this" requests.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { format, type Locale } from 'date-fns';
import type { DueNotificationView, RoundsApi } from '../../core/api/contract.js';
import { useApi } from '../api/ApiContext.js';
import { useDateFnsLocale } from '../i18n/index.js';
import { useNavigation, type Route } from '../components/navigation.js';
import { isElectron, webNotificationsAllowed } from '../api/hostNotifications.js';

const POLL_MS = 60_000;

/** What the Electron preload may offer: the main process asks the page to open an item. */
interface NavigationBridge {
  onNavigate?: (listener: (target: { accountId?: string | null }) => void) => (() => void) | void;
}

export interface ShownNotification {
  key: string;
  title: string;
  body: string;
  route: Route;
}

export interface NotificationDisplay {
  /** `due` is what the host said is due; `notification` its words in the language of this moment */
  show: (notification: ShownNotification, due: DueNotificationView) => void;
}

/** A due reminder in the user's words (the `reminders` namespace) and date-fns locale. */
export function describeDue(due: DueNotificationView, t: TFunction, locale: Locale): ShownNotification {
  if (due.kind === 'visit' && due.visit) {
    return { key: due.key, title: t('notify.visitTitle', { time: format(new Date(due.visit.plannedAt), 'HH:mm', { locale }) }), body: due.visit.accountName, route: { name: 'account', id: due.visit.accountId } };
  }
  const d = due.digest ?? { total: 0, complaints: 0, visits: 0, overdue: 0, dates: 0 };
  return { key: due.key, title: t('notify.digestTitle', { count: d.total }), body: t('notify.digestBody', d), route: { name: 'today' } };
}

/**
 * One round: fetch what is due, show what this page has not shown yet, record it as fired.
 * `shown` remembers keys across rounds so a failed `fired` call cannot show one twice.
 */
export async function fireDueNotifications(api: RoundsApi, describe: (due: DueNotificationView) => ShownNotification, display: NotificationDisplay, shown: Set<string>): Promise<void> {
  const due = (await api['notifications.due']({})).filter((n) => !shown.has(n.key));
  if (due.length === 0) return;
  for (const notification of due) {
    shown.add(notification.key);
    display.show(describe(notification), notification);
  }
  await api['notifications.fired']({ keys: due.map((n) => n.key) });
}

/** The in-app reminders waiting in the header, newest first, and what the rep can do with one. */
export interface InAppReminders {
  waiting: ShownNotification[];
  open: (reminder: ShownNotification) => void;
  dismiss: (key: string) => void;
}

/** Mount once in the shell; give what it returns to `ReminderInHeader`. */
export function useBrowserNotifications(): InAppReminders {
  const api = useApi();
  const { navigate } = useNavigation();
  const { t, i18n } = useTranslation('reminders');
  const locale = useDateFnsLocale();
  const shown = useRef(new Set<string>());
  // What waits is kept as the host said it, and put into words as it is drawn: a reminder that came
  // before the rep switched language reads in the new one.
  const [waitingDue, setWaitingDue] = useState<DueNotificationView[]>([]);
  const waiting = useMemo(() => waitingDue.map((due) => describeDue(due, t, locale)), [waitingDue, t, locale, i18n.language]);
  // The latest translations and navigation without restarting the poll when they change.
  const latest = useRef({ navigate, t, locale });
  latest.current = { navigate, t, locale };
  const dismiss = useCallback((key: string) => setWaitingDue((list) => list.filter((n) => n.key !== key)), []);
  const open = useCallback(
    (reminder: ShownNotification) => {
      dismiss(reminder.key);
      latest.current.navigate(reminder.route);
    },
    [dismiss],
  );

  useEffect(() => {
    if (isElectron()) {
      const bridge = window.rounds as unknown as NavigationBridge;
      const stop = bridge.onNavigate?.((target) => latest.current.navigate(target.accountId ? { name: 'account', id: target.accountId } : { name: 'today' }));
      return () => {
        if (typeof stop === 'function') stop();
      };
    }

    const describe = (due: DueNotificationView): ShownNotification => describeDue(due, latest.current.t, latest.current.locale);
    const display: NotificationDisplay = {
      show: (n, due) => {
        if (webNotificationsAllowed()) {
          const web = new Notification(n.title, { body: n.body, tag: n.key });
          web.onclick = () => {
            window.focus();
            latest.current.navigate(n.route);
          };
        } else {
          // In the header's row, not a floating toast: a toast sits on whatever buttons are beneath it.
          setWaitingDue((list) => [due, ...list.filter((other) => other.key !== due.key)]);
        }
      },
    };

    let running = false;
    const poll = () => {
      if (running) return;
      running = true;
      fireDueNotifications(api, describe, display, shown.current)
        .catch(() => undefined) // the host may be restarting; the next round tries again
        .finally(() => {
          running = false;
        });
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') poll();
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', poll);
    };
  }, [api]);

  return { waiting, open, dismiss };
}
