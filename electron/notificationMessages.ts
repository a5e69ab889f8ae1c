/** The few lines a desktop notification shows, in the user's language (the main process has no i18next). */
import type { DueNotificationView } from '../core/api/contract.js';

export type NotificationLanguage = 'zh-CN' | 'en';

type Digest = NonNullable<DueNotificationView['digest']>;
type VisitInfo = NonNullable<DueNotificationView['visit']>;

const MESSAGES = {
  en: {
    digestTitle: 'Rounds — today',
    digestBody: (d: Digest) =>
      [`${d.total} to do`, d.complaints && `${d.complaints} complaints`, d.visits && `${d.visits} planned visits`, d.overdue && `${d.overdue} overdue`, d.dates && `${d.dates} dates`]
        .filter(Boolean)
        .join(' · '),
    visitTitle: (v: VisitInfo) => `Visit: ${v.accountName}`,
    visitBody: (time: string) => `Planned at ${time}`,
  },
  'zh-CN': {
    digestTitle: '巡访 — 今日待办',
    digestBody: (d: Digest) =>
      [`共 ${d.total} 项`, d.complaints && `投诉 ${d.complaints}`, d.visits && `计划拜访 ${d.visits}`, d.overdue && `逾期回访 ${d.overdue}`, d.dates && `重要日子 ${d.dates}`]
        .filter(Boolean)
        .join(' · '),
    visitTitle: (v: VisitInfo) => `拜访：${v.accountName}`,
    visitBody: (time: string) => `计划时间 ${time}`,
  },
} as const;

/** Title and body of one notification; null for a notification not worth showing (an empty digest). */
export function notificationText(notification: DueNotificationView, language: NotificationLanguage): { title: string; body: string } | null {
  const messages = MESSAGES[language];
  if (notification.digest) return notification.digest.total === 0 ? null : { title: messages.digestTitle, body: messages.digestBody(notification.digest) };
  if (notification.visit) {
    const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(notification.visit.plannedAt));
    return { title: messages.visitTitle(notification.visit), body: messages.visitBody(time) };
  }
  return null;
}
