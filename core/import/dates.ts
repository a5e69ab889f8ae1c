/**
 * Dates as people type them into spreadsheets: 2026-03-05, 2026/3/5, 3/5/2026 or 5/3/2026 (the
 * caller chooses the order), 2026年3月5日, 3月5日 (no year), 20260305, Excel serial numbers, and lunar
 * dates (农历八月十五, 闰六月初一, L8/15). The result is a `YearlyDate` (year null when the text has
 * none), plus the time of day when the text carries one (visit logs).
 */
import { dayFromParts, dayOfEpochDay } from '../calendar/day.js';
import { parseLunarText } from '../calendar/format.js';
import { validateYearlyDate } from '../calendar/validate.js';
import type { YearlyDate } from '../model/schemas.js';
import type { ImportIssue } from './issues.js';

/** How to read `3/5/2026`: March 5 (MDY) or 3 May (DMY). Null: only when the reading is unambiguous. */
export type DateOrder = 'MDY' | 'DMY';
export const DATE_ORDERS: readonly DateOrder[] = ['MDY', 'DMY'];

export interface ParsedDate {
  date: YearlyDate;
  /** minutes after midnight, when the text has a time */
  minutes: number | null;
}

export type DateParse = { ok: true; value: ParsedDate } | { ok: false; issue: ImportIssue };

export interface DateParseOptions {
  order?: DateOrder | null;
  /** the column holds lunar dates: `8/15` or `1980-08-15` there mean lunar month and day */
  calendar?: 'gregorian' | 'lunar';
}

/** Excel stores 9999-12-31 as 2958465; anything above is not a date. */
const LAST_EXCEL_SERIAL = 2_958_465;
/** Serial 60 is 1900-02-29, a day that never was (Lotus 1-2-3's leap-year bug, kept by Excel). */
const EXCEL_PHANTOM_LEAP_DAY = 60;
/** Days from Excel's day 0 (1899-12-31) to 1970-01-01, for serials after the phantom day. */
const EXCEL_EPOCH_OFFSET = 25_569;
const MINUTES_PER_DAY = 1440;

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`);
const NO_YEAR = /^(\d{1,2})[-/.](\d{1,2})$/;
const CHINESE_FULL = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const CHINESE_NO_YEAR = /^(\d{1,2})月(\d{1,2})[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;

const fail = (key: string, params?: Record<string, string | number>): DateParse => ({ ok: false, issue: params ? { key, params } : { key } });

function minutesOf(hour: string | undefined, minute: string | undefined): number | null {
  if (hour === undefined || minute === undefined) return null;
  const h = Number(hour);
  const m = Number(minute);
  return h < 24 && m < 60 ? h * 60 + m : NaN;
}

/** Checks the parts and builds the result; a lunar column turns numeric parts into a lunar date. */
function fromParts(year: number | null, month: number, day: number, minutes: number | null, options: DateParseOptions): DateParse {
  if (Number.isNaN(minutes)) return fail('import.date.invalidTime');
  if (options.calendar === 'lunar') return checked({ calendar: 'lunar', year, month, day, isLeapMonth: false }, null);
  if (year !== null) {
    try {
      dayFromParts(year, month, day);
    } catch {
      return fail('validation.invalidDate');
    }
  }
  return checked({ calendar: 'gregorian', year, month, day, isLeapMonth: false }, minutes);
}

function checked(date: YearlyDate, minutes: number | null): DateParse {
  const problem = validateYearlyDate(date);
  return problem ? fail(problem.messageKey) : { ok: true, value: { date, minutes } };
}

/** Day and month of `a/b`, by the chosen order, or by the part that cannot be a month. */
function orderedMonthDay(a: number, b: number, order: DateOrder | null | undefined): { month: number; day: number } | 'ambiguous' {
  if (order === 'MDY') return { month: a, day: b };
  if (order === 'DMY') return { month: b, day: a };
  if (a === b || (a > 12 && b > 12)) return { month: a, day: b };
  if (a > 12) return { month: b, day: a };
  if (b > 12) return { month: a, day: b };
  return 'ambiguous';
}

function fromExcelSerial(serial: number, options: DateParseOptions): DateParse {
  const whole = Math.floor(serial);
  if (whole < 1 || whole > LAST_EXCEL_SERIAL) return fail('import.date.unrecognised');
  if (whole === EXCEL_PHANTOM_LEAP_DAY) return fail('import.date.excelPhantomDay');
  const epochDay = whole - (whole < EXCEL_PHANTOM_LEAP_DAY ? EXCEL_EPOCH_OFFSET - 1 : EXCEL_EPOCH_OFFSET);
  const [year, month, day] = dayOfEpochDay(epochDay).split('-').map(Number) as [number, number, number];
  const fraction = serial - whole;
  return fromParts(year, month, day, fraction > 0 ? Math.round(fraction * MINUTES_PER_DAY) % MINUTES_PER_DAY : null, options);
}

/** Parses one cell. Numbers (typed spreadsheet cells) are Excel serials. */
export function parseImportDate(value: string | number, options: DateParseOptions = {}): DateParse {
  if (typeof value === 'number') return fromExcelSerial(value, options);
  const text = value.normalize('NFKC').trim();
  if (text === '') return fail('validation.required');
  let match: RegExpExecArray | null;
  if ((match = YEAR_FIRST.exec(text)) || (match = CHINESE_FULL.exec(text)) || (match = COMPACT.exec(text))) {
    return fromParts(Number(match[1]), Number(match[2]), Number(match[3]), minutesOf(match[4], match[5]), options);
  }
  if ((match = YEAR_LAST.exec(text)) || (match = NO_YEAR.exec(text))) {
    const parts = orderedMonthDay(Number(match[1]), Number(match[2]), options.order);
    if (parts === 'ambiguous') return fail('import.date.ambiguousOrder', { text });
    const year = match[3] === undefined ? null : Number(match[3]);
    return fromParts(year, parts.month, parts.day, minutesOf(match[4], match[5]), options);
  }
  if ((match = CHINESE_NO_YEAR.exec(text))) return fromParts(null, Number(match[1]), Number(match[2]), null, options);
  if (SERIAL.test(text)) return fromExcelSerial(Number(text), options);
  const lunar = parseLunarText(text);
  if (lunar) return checked({ calendar: 'lunar', year: null, ...lunar }, null);
  return fail('import.date.unrecognised', { text });
}
