/**
 * How the kept days of 清明 (solarTerms.ts) are computed: the day the Sun's apparent ecliptic longitude
 * reaches 15°, in Chinese civil time (see chinaTime.ts). Used by the test that checks the kept days.
 *
 * The moment comes from astronomy-engine (SearchSunLongitude: the Sun's apparent longitude of date,
 * ΔT by Espenak & Meeus), e.g. 2024-04-04 15:02 CST as published. It replaced Meeus's low-accuracy
 * solar series (ch. 25, without ΔT), which strayed up to 12 minutes from it over 1900–2100, while the
 * closest calls are 8 minutes after midnight (1910, Beijing mean time), then 10–11 minutes (2071, 1943).
 * Over 1901–2099 the day agrees with the published 寿星 formula every year (see the tests).
 */
import { AstroTime, SearchSunLongitude } from 'astronomy-engine';
import { EPOCH_DAYS_AT_J2000, chinaCivilDayOf } from './chinaTime.js';
import { dayFromParts, dayOfEpochDay, epochDayOf, type CalendarDay } from './day.js';

const QINGMING_LONGITUDE = 15;

/** The Gregorian day of 清明 in `year` (4 or 5 April, occasionally 6 April in the early 20th century). */
export function computeQingmingDay(year: number): CalendarDay {
  const firstOfApril = new AstroTime(epochDayOf(dayFromParts(year, 4, 1)) - EPOCH_DAYS_AT_J2000);
  const found = SearchSunLongitude(QINGMING_LONGITUDE, firstOfApril, 10);
  if (!found) throw new RangeError(`no 清明 found in April ${year}`);
  return dayOfEpochDay(chinaCivilDayOf(found.ut + EPOCH_DAYS_AT_J2000));
}
