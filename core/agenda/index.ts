export * from './types.js';
export * from './keys.js';
export { agendaForRange, buildAgenda, DEFAULT_AGENDA_OPTIONS, type AgendaSettings } from './build.js';
export { leadDaysOf } from './occurrences.js';
