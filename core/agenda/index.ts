export * from './types.js';
export * from './keys.js';
export { agendaForRange, buildAgenda, DEFAULT_AGENDA_OPTIONS, type AgendaSettings } from './build.js';
export { dateSignaturesBetween, leadDaysOf, longestDefaultLeadDays } from './occurrences.js';
export { fallsDueBy, mondayOf, proposeWeekPlan, type NotPlaced, type NotPlacedReason, type PlanWeek, type ProposedVisit, type WeekPlan, type WeekPlanBusy, type WeekPlanCandidate, type WeekPlanInput } from './weekPlan.js';
export { dueNotifications, nextNotificationAt, type DueNotification, type NotifiableVisit, type NotificationSettings } from './notifications.js';
