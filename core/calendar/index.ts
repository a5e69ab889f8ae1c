/** The calendar core: calendar days, the Chinese lunar calendar, yearly occurrences, festivals. */
export {
  type CalendarDay,
  type DayParts,
  addDays,
  dayFromParts,
  dayOfEpochDay,
  dayOfInstant,
  daysInGregorianMonth,
  diffDays,
  epochDayOf,
  isLeapYear,
  partsOfDay,
  todayIn,
  weekdayOf,
} from './day.js';
export {
  type LunarDate,
  type LunarMonthLength,
  FIRST_LUNAR_YEAR,
  LAST_LUNAR_YEAR,
  gregorianToLunar,
  leapMonthOf,
  lunarMonthLength,
  lunarNewYearOf,
  lunarToGregorian,
} from './lunar.js';
export { type CalendarLanguage, type LunarMonthDay, formatLunarDate, lunarDayName, lunarMonthName, parseLunarText } from './format.js';
export { type YearlyDateProblem, validateYearlyDate } from './validate.js';
export { type Occurrence, isMilestone, nextOccurrence, occurrencesBetween } from './occurrence.js';
export { type Festival, type FestivalId, FESTIVAL_IDS, festivalsBetween, festivalsInYear } from './festivals.js';
export { qingmingDay } from './solarTerms.js';
