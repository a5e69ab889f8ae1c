/**
 * The day of 清明 (Pure Brightness), the solar term at which the Sun's apparent ecliptic longitude
 * reaches 15°, in Chinese civil time (see chinaTime.ts).
 *
 * Computed with the low-accuracy solar position of Meeus, "Astronomical Algorithms", ch. 25
 * (apparent longitude good to ~0.01°, i.e. ~15 minutes in time; ΔT, under 4 minutes for 1900–2100, is
 * ignored). Over 1901–2099 it agrees with the published 寿星 formula for every year (see the tests);
 * the closest call is 1943, 3 minutes after midnight.
 */
import { chinaCivilDayOf } from './chinaTime.js';
import { dayFromParts, dayOfEpochDay, epochDayOf, type CalendarDay } from './day.js';

const DEGREES = Math.PI / 180;
/** Julian day number of 1970-01-01T00:00Z. */
const JULIAN_DAY_OF_EPOCH = 2440587.5;
const J2000 = 2451545;
/** Mean motion of the Sun in longitude, degrees per day. */
const SUN_DEGREES_PER_DAY = 0.98564736;
const QINGMING_LONGITUDE = 15;

function sunApparentLongitude(julianDay: number): number {
  const t = (julianDay - J2000) / 36525;
  const meanLongitude = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  const meanAnomaly = (357.52911 + 35999.05029 * t - 0.0001537 * t * t) * DEGREES;
  const equationOfCentre =
    (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(meanAnomaly) +
    (0.019993 - 0.000101 * t) * Math.sin(2 * meanAnomaly) +
    0.000289 * Math.sin(3 * meanAnomaly);
  const moonNodeLongitude = (125.04 - 1934.136 * t) * DEGREES;
  // nutation and aberration
  const apparent = meanLongitude + equationOfCentre - 0.00569 - 0.00478 * Math.sin(moonNodeLongitude);
  return ((apparent % 360) + 360) % 360;
}

/** Julian day at which the Sun's apparent longitude reaches `longitude`, starting near `guess`. */
function whenSunReaches(longitude: number, guess: number): number {
  let julianDay = guess;
  for (let step = 0; step < 20; step++) {
    const behind = ((longitude - sunApparentLongitude(julianDay) + 540) % 360) - 180;
    julianDay += behind / SUN_DEGREES_PER_DAY;
    if (Math.abs(behind) < 1e-7) break;
  }
  return julianDay;
}

/** The Gregorian day of 清明 in `year` (4 or 5 April, occasionally 6 April in the early 20th century). */
export function qingmingDay(year: number): CalendarDay {
  const guess = epochDayOf(dayFromParts(year, 4, 5)) + JULIAN_DAY_OF_EPOCH;
  const julianDay = whenSunReaches(QINGMING_LONGITUDE, guess);
  return dayOfEpochDay(chinaCivilDayOf(julianDay - JULIAN_DAY_OF_EPOCH));
}
