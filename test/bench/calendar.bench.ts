/** The calendar's hot paths, once the per-year lunar tables are warm (Today computes 20,000 dates). */
import { addDays } from '../../core/calendar/day.js';
import { gregorianToLunar } from '../../core/calendar/lunar.js';
import { nextOccurrence } from '../../core/calendar/occurrence.js';
import type { YearlyDate } from '../../core/model/schemas.js';
import { timed, type BenchModule } from './harness.js';

function sampleDates(count: number): YearlyDate[] {
  return Array.from({ length: count }, (_, i): YearlyDate =>
    i % 2 === 0
      ? { calendar: 'lunar', month: (i % 12) + 1, day: (i % 30) + 1, isLeapMonth: i % 11 === 0, year: i % 3 === 0 ? null : 1950 + (i % 60) }
      : { calendar: 'gregorian', month: (i % 12) + 1, day: (i % 28) + 1, isLeapMonth: false, year: 1970 + (i % 50) },
  );
}

export const calendarBenchmark: BenchModule = {
  name: 'calendar',
  async run() {
    const dates = sampleDates(20_000);
    for (const date of dates) nextOccurrence(date, '2026-11-21'); // warm the year tables and the JIT
    const occurrences = await timed(() => {
      for (const date of dates) nextOccurrence(date, '2026-11-22');
    });
    gregorianToLunar('2026-06-01');
    const conversions = await timed(() => {
      for (let i = 0; i < 20_000; i++) gregorianToLunar(addDays('2026-01-01', i % 600));
    });
    return [
      { name: 'next occurrence of 20,000 dates (warm)', value: occurrences.ms, unit: 'ms', max: 100 },
      { name: '20,000 Gregorian → lunar conversions (warm)', value: conversions.ms, unit: 'ms', max: 200 },
    ];
  },
};
