/**
 * Every date the account screens show, formatted with date-fns in the user's locale.
 * Calendar days (`YYYY-MM-DD`) are turned into local-midnight Dates only for formatting, so no
 * time-zone conversion can move them. Days are written in the app's one plain style (`common:format.compactDay`):
 * Nov 23, 2026 / 2026年11月23日 — never date-fns' long English form ("November 23rd, 2026").
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { YearlyDate } from '../../../core/model/schemas.js';
import { formatLunarDate } from '../../../core/calendar/index.js';
import type { Language } from '../../../core/model/enums.js';
import { useDateFnsLocale, useLanguage } from '../../i18n/index.js';

/** A `YYYY-MM-DD` calendar day as a local-midnight Date (for date-fns and the pickers). */
export function dateOfDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!);
}

/** The `YYYY-MM-DD` calendar day of a local Date. */
export function dayOfDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export interface DateText {
  language: Language;
  /** a calendar day, e.g. 2027年9月15日 / Sep 15, 2027 */
  day: (day: string) => string;
  /** the local calendar day of an instant, e.g. 2027年9月15日 */
  dayOfInstant: (iso: string) => string;
  /** an instant in local time, e.g. 2027年9月15日 14:30 */
  instant: (iso: string) => string;
  /** a yearly date as people say it: 3月5日, 农历闰六月初一, Lunar leap 6/1 (with the year when known) */
  yearly: (date: YearlyDate) => string;
}

export function useDateText(): DateText {
  const { t } = useTranslation('account');
  const locale = useDateFnsLocale();
  const language = useLanguage();
  const dayFormat = t('common:format.compactDay');

  const day = useCallback((d: string) => format(dateOfDay(d), dayFormat, { locale }), [dayFormat, locale]);
  const dayOfInstant = useCallback((iso: string) => format(new Date(iso), dayFormat, { locale }), [dayFormat, locale]);
  const instant = useCallback((iso: string) => format(new Date(iso), `${dayFormat} HH:mm`, { locale }), [dayFormat, locale]);
  const yearly = useCallback(
    (date: YearlyDate) => {
      if (date.calendar === 'lunar') {
        const text = formatLunarDate(date, language);
        return date.year === null ? text : t('dates.lunarWithYear', { date: text, year: date.year });
      }
      // Year 2000 is a leap year, so 29 February formats when the year is unknown.
      const shown = new Date(date.year ?? 2000, date.month - 1, date.day);
      return format(shown, date.year === null ? t('dates.monthDayFormat') : dayFormat, { locale });
    },
    [dayFormat, language, locale, t],
  );
  return useMemo(() => ({ language, day, dayOfInstant, instant, yearly }), [language, day, dayOfInstant, instant, yearly]);
}
