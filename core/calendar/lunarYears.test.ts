import { describe, expect, it } from 'vitest';
import { decodeLunarYear, encodeLunarYear, FIRST_LUNAR_YEAR, LAST_LUNAR_YEAR } from './lunar.js';
import { computeLunarYearTable } from './lunarCompute.js';
import { LUNAR_YEAR_CODES } from './lunarYears.js';

describe('the kept lunar years', () => {
  it('are the years computed from ICU and the new moons, 1899–2101', () => {
    const computed = Array.from({ length: LAST_LUNAR_YEAR - FIRST_LUNAR_YEAR + 1 }, (_, i) => computeLunarYearTable(FIRST_LUNAR_YEAR + i));
    // On a difference, these are the numbers to keep in lunarYears.ts.
    expect(LUNAR_YEAR_CODES).toEqual(computed.map(encodeLunarYear));
    for (const table of computed) expect(decodeLunarYear(table.year, encodeLunarYear(table))).toEqual(table);
  });

  it('read back as the months of the year: 2023 has a leap second month (闰二月) and 2027 begins on 6 February', () => {
    const y2023 = decodeLunarYear(2023, LUNAR_YEAR_CODES[2023 - FIRST_LUNAR_YEAR]!);
    expect(y2023.leapMonth).toBe(2);
    expect(y2023.months.map((m) => `${m.isLeapMonth ? '闰' : ''}${m.month}`)).toEqual(['1', '2', '闰2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    const y2027 = decodeLunarYear(2027, LUNAR_YEAR_CODES[2027 - FIRST_LUNAR_YEAR]!);
    expect(y2027.start).toBe(y2027.months[0]!.start);
    expect(new Date(y2027.start * 86_400_000).toISOString().slice(0, 10)).toBe('2027-02-06');
  });
});
