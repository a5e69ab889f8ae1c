/**
 * The day of 清明 (Pure Brightness), the solar term at which the Sun's apparent ecliptic longitude
 * reaches 15°, for 1900–2100: kept as computed with astronomy-engine (solarTermsCompute.ts, where the
 * method and its accuracy are described; a test computes every year again), so that a festival costs
 * no astronomy at start.
 */
import { dayFromParts, type CalendarDay } from './day.js';

export const FIRST_QINGMING_YEAR = 1900;
export const LAST_QINGMING_YEAR = 2100;

/** The day of April of 清明, one digit a year from 1900. */
const QINGMING_APRIL_DAYS =
  '55665566556655565556555655565556555655565556555555' +
  '55555555555555555555555555455545554555455545554555' +
  '45554555445544554455445544554455445544554445444544' +
  '45444544454445444544454444444444444444444444444444' +
  '5';

/** The Gregorian day of 清明 in `year` (4 or 5 April, occasionally 6 April in the early 20th century). */
export function qingmingDay(year: number): CalendarDay {
  const day = Number.isInteger(year) ? QINGMING_APRIL_DAYS[year - FIRST_QINGMING_YEAR] : undefined;
  if (day === undefined) throw new RangeError(`清明 is kept for ${FIRST_QINGMING_YEAR}–${LAST_QINGMING_YEAR}, not ${year}`);
  return dayFromParts(year, 4, Number(day));
}
