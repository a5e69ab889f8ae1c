/**
 * The festivals the agenda greets contacts on, with their Gregorian day in a given year. Names are
 * not here: the renderer translates `festival.<id>`.
 */
import { addDays, dayFromParts, partsOfDay, type CalendarDay } from './day.js';
import { lunarNewYearOf, lunarToGregorian } from './lunar.js';
import { qingmingDay } from './solarTerms.js';

export const FESTIVAL_IDS = [
  'new_year',
  'chinese_new_years_eve',
  'spring_festival',
  'lantern',
  'qingming',
  'labour_day',
  'dragon_boat',
  'qixi',
  'mid_autumn',
  'double_ninth',
  'national_day',
  'christmas',
] as const;
export type FestivalId = (typeof FESTIVAL_IDS)[number];

export interface Festival {
  id: FestivalId;
  day: CalendarDay;
  /** a traditional Chinese festival (lunar or solar-term), as opposed to a civil or Western holiday */
  traditional: boolean;
}

type DayInYear = (gregorianYear: number) => CalendarDay;

const gregorian = (month: number, day: number): DayInYear => (year) => dayFromParts(year, month, day);

/**
 * Lunar festivals of lunar year Y all fall in Gregorian year Y: 正月初一 is never before 21 January
 * and 重阳 (九月初九) never after November.
 */
const lunar = (month: number, day: number): DayInYear => (year) => {
  const found = lunarToGregorian({ year, month, day, isLeapMonth: false });
  if (!found) throw new RangeError(`no lunar ${month}/${day} in ${year}`);
  return found;
};

const FESTIVAL_RULES: Record<FestivalId, { dayIn: DayInYear; traditional: boolean }> = {
  new_year: { dayIn: gregorian(1, 1), traditional: false },
  // 除夕 is the last day of the 12th month, which is 29 or 30: the eve of the next 春节.
  chinese_new_years_eve: { dayIn: (year) => addDays(lunarNewYearOf(year), -1), traditional: true },
  spring_festival: { dayIn: lunar(1, 1), traditional: true },
  lantern: { dayIn: lunar(1, 15), traditional: true },
  qingming: { dayIn: qingmingDay, traditional: true },
  labour_day: { dayIn: gregorian(5, 1), traditional: false },
  dragon_boat: { dayIn: lunar(5, 5), traditional: true },
  qixi: { dayIn: lunar(7, 7), traditional: true },
  mid_autumn: { dayIn: lunar(8, 15), traditional: true },
  double_ninth: { dayIn: lunar(9, 9), traditional: true },
  national_day: { dayIn: gregorian(10, 1), traditional: false },
  christmas: { dayIn: gregorian(12, 25), traditional: false },
};

const festivalsByYear = new Map<number, readonly Festival[]>();

/** Every festival of a Gregorian year (1900–2100), in date order. */
export function festivalsInYear(gregorianYear: number): Festival[] {
  let festivals = festivalsByYear.get(gregorianYear);
  if (!festivals) {
    festivals = FESTIVAL_IDS.map((id) => ({ id, day: FESTIVAL_RULES[id].dayIn(gregorianYear), traditional: FESTIVAL_RULES[id].traditional }))
      .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    festivalsByYear.set(gregorianYear, festivals);
  }
  return festivals.map((festival) => ({ ...festival }));
}

/** Festivals from `from` to `to`, both included, in date order. */
export function festivalsBetween(from: CalendarDay, to: CalendarDay): Festival[] {
  const result: Festival[] = [];
  for (let year = partsOfDay(from).year; year <= partsOfDay(to).year; year++) {
    result.push(...festivalsInYear(year).filter((festival) => festival.day >= from && festival.day <= to));
  }
  return result;
}
