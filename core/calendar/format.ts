/**
 * Lunar dates written and read the way people say them: 农历八月十五, 农历闰六月初一, 腊月廿三;
 * in English "Lunar 8/15", "Lunar leap 6/1". These are fixed calendar vocabulary, not UI prose, so
 * they live here rather than in the i18n resources; the language is chosen by the caller.
 */
export type CalendarLanguage = 'zh-CN' | 'en';

export interface LunarMonthDay {
  month: number;
  day: number;
  isLeapMonth: boolean;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;
/** 正月 … 十月, 冬月 (11), 腊月 (12) */
const MONTH_NAMES = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊'] as const;

function assertInRange(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new RangeError(`${what} ${value} is not 1–${max}`);
}

/** 正月, 闰六月, 腊月 / Month 1, Leap month 6, Month 12 */
export function lunarMonthName(month: number, isLeapMonth: boolean, lang: CalendarLanguage): string {
  assertInRange(month, 12, 'lunar month');
  if (lang === 'en') return `${isLeapMonth ? 'Leap month' : 'Month'} ${month}`;
  return `${isLeapMonth ? '闰' : ''}${MONTH_NAMES[month - 1]!}月`;
}

/** 初一 … 初十, 十一 … 十九, 二十, 廿一 … 廿九, 三十 / 1 … 30 */
export function lunarDayName(day: number, lang: CalendarLanguage): string {
  assertInRange(day, 30, 'lunar day');
  if (lang === 'en') return String(day);
  if (day <= 10) return `初${DIGITS[day]!}`;
  if (day < 20) return `十${DIGITS[day - 10]!}`;
  if (day === 20) return '二十';
  if (day < 30) return `廿${DIGITS[day - 20]!}`;
  return '三十';
}

/** 农历八月十五, 农历闰六月初一 / Lunar 8/15, Lunar leap 6/1 */
export function formatLunarDate(date: LunarMonthDay, lang: CalendarLanguage): string {
  if (lang === 'en') {
    assertInRange(date.month, 12, 'lunar month');
    assertInRange(date.day, 30, 'lunar day');
    return `Lunar ${date.isLeapMonth ? 'leap ' : ''}${date.month}/${date.day}`;
  }
  return `农历${lunarMonthName(date.month, date.isLeapMonth, lang)}${lunarDayName(date.day, lang)}`;
}

const NUMERAL_VALUES: Record<string, number> = {
  一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 两: 2,
};

/**
 * A Chinese numeral up to 39 as used in dates (三, 十, 十五, 二十, 二十三, 廿三, 卅) or Arabic digits;
 * NaN when it is not one.
 */
function parseSmallNumber(text: string): number {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const normalised = text.replace(/^廿/, '二十').replace(/^卅/, '三十');
  const match = /^([一二三四五六七八九两])?(十)?([一二三四五六七八九])?$/.exec(normalised);
  if (!match || normalised === '') return NaN;
  const [, tens, ten, units] = match;
  if (!ten) return tens && !units ? NUMERAL_VALUES[tens]! : NaN;
  return (tens ? NUMERAL_VALUES[tens]! : 1) * 10 + (units ? NUMERAL_VALUES[units]! : 0);
}

const MONTH_BY_NAME: Record<string, number> = { 正: 1, 元: 1, 冬: 11, 腊: 12 };

function parseMonthName(text: string): number {
  return MONTH_BY_NAME[text] ?? parseSmallNumber(text);
}

/** 初 marks the first ten days only (初一 … 初十). */
function parseDayName(text: string): number {
  const withoutSuffix = text.replace(/[日号]$/, '');
  if (!withoutSuffix.startsWith('初')) return parseSmallNumber(withoutSuffix);
  const day = parseSmallNumber(withoutSuffix.slice(1));
  return day <= 10 ? day : NaN;
}

function checked(month: number, day: number, isLeapMonth: boolean): LunarMonthDay | null {
  const valid = Number.isInteger(month) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= 30;
  return valid ? { month, day, isLeapMonth } : null;
}

/**
 * Read a lunar month and day typed by a person or found in an import: 农历八月十五, 八月十五,
 * 闰六月初一, 农历 八月 十五, 腊月廿三, 正月初一, L8/15, Lunar 8/15, Lunar leap 6/1.
 * Null when the text is not a lunar date with month 1–12 and day 1–30.
 */
export function parseLunarText(text: string): LunarMonthDay | null {
  const compact = text.replace(/\s+/g, '');
  const english = /^(?:l|lunar)(leap)?(\d{1,2})[/-](\d{1,2})$/i.exec(compact);
  if (english) return checked(Number(english[2]), Number(english[3]), english[1] !== undefined);
  const chinese = /^(?:农历|阴历)?(闰)?([^月]{1,3})月(.{1,4})$/.exec(compact);
  if (chinese) return checked(parseMonthName(chinese[2]!), parseDayName(chinese[3]!), chinese[1] !== undefined);
  return null;
}
