/**
 * Lunar dates for data sets, taken from ICU's Chinese calendar so every one of them exists:
 * we never invent a (month, day, leap) triple, we read it off a real Gregorian day.
 */
export interface LunarDay {
  /** the Gregorian year in which this lunar year begins (ICU's relatedYear) */
  year: number;
  month: number;
  day: number;
  isLeapMonth: boolean;
}

const chineseCalendar = new Intl.DateTimeFormat('en-u-ca-chinese', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});
const cache = new Map<string, LunarDay>();

/** The lunar date of a Gregorian calendar day `YYYY-MM-DD`. */
export function lunarDayOf(isoDay: string): LunarDay {
  const cached = cache.get(isoDay);
  if (cached) return cached;
  const parts = chineseCalendar.formatToParts(new Date(`${isoDay}T00:00:00Z`));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const month = part('month');
  const lunar: LunarDay = {
    year: Number(part('relatedYear')),
    month: Number.parseInt(month, 10),
    day: Number(part('day')),
    // ICU marks a leap month as "6bis"
    isLeapMonth: month.endsWith('bis'),
  };
  cache.set(isoDay, lunar);
  return lunar;
}

/**
 * Years whose lunar calendar has a leap month (闰月), as ICU computes them: 1960 闰六月, 1963 闰四月,
 * 1971 闰五月 … (1987 is left out on purpose: ICU puts its leap month after 七月 while the
 * published almanacs say 闰六月, and a data set should not test a disputed year.)
 */
export const ADULT_LEAP_YEARS = [1960, 1963, 1971, 1979, 1982, 1984, 1990, 1995] as const;
export const CHILD_LEAP_YEARS = [2001, 2009, 2012, 2017, 2020] as const;

const DAY_MS = 86_400_000;

export interface RareLunarDays {
  /** days inside a leap month, e.g. 1979 闰六月十二 */
  inLeapMonth: LunarDay[];
  /** the 30th of a 30-day lunar month */
  onDayThirty: LunarDay[];
}

const rareByYear = new Map<number, RareLunarDays>();

/** The awkward cases a reminder engine must get right, found by scanning every day of the given years. */
export function rareLunarDays(years: readonly number[]): RareLunarDays {
  const all: RareLunarDays = { inLeapMonth: [], onDayThirty: [] };
  for (const year of years) {
    const found = rareByYear.get(year) ?? scanYear(year);
    rareByYear.set(year, found);
    all.inLeapMonth.push(...found.inLeapMonth);
    all.onDayThirty.push(...found.onDayThirty);
  }
  return all;
}

function scanYear(year: number): RareLunarDays {
  const found: RareLunarDays = { inLeapMonth: [], onDayThirty: [] };
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) {
    const lunar = lunarDayOf(new Date(t).toISOString().slice(0, 10));
    if (lunar.isLeapMonth) found.inLeapMonth.push(lunar);
    if (lunar.day === 30) found.onDayThirty.push(lunar);
  }
  return found;
}
