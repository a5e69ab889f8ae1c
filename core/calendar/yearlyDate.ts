/**
 * A date that recurs every year (a birthday, an anniversary), in the Gregorian or the Chinese lunar
 * calendar. The calendar owns this shape; the model's zod schema (`YearlyDateFields`) produces it.
 */
export interface YearlyDate {
  calendar: 'gregorian' | 'lunar';
  month: number;
  day: number;
  /** a lunar leap month (闰月); always false for Gregorian dates */
  isLeapMonth: boolean;
  /** the original year when known (birth year, wedding year) */
  year: number | null;
}
