/** The most days one agenda request covers (`agenda.range`, `rounds agenda --days`): a year, leap day included. */
export const AGENDA_MAX_DAYS = 366;
