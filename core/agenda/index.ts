export * from './types.js';
export * from './keys.js';
export { agendaForRange, buildAgenda, DEFAULT_AGENDA_OPTIONS, type AgendaSettings } from './build.js';
export { leadDaysOf } from './occurrences.js';
export { proposeWeekPlan, type WeekPlan, type WeekPlanCandidate, type WeekPlanOptions } from './weekPlan.js';
export { dueNotifications, nextNotificationAt, type DueNotification, type NotifiableVisit, type NotificationSettings } from './notifications.js';
