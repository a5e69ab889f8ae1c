import { describe, expect, it } from 'vitest';
import { FESTIVAL_IDS, festivalsBetween, festivalsInYear, type FestivalId } from './festivals.js';
import { FIRST_QINGMING_YEAR, LAST_QINGMING_YEAR, qingmingDay } from './solarTerms.js';
import { computeQingmingDay } from './solarTermsCompute.js';

/** Hand-checked against published calendars (中国日历 / 香港天文台). */
const TRADITIONAL_DAYS: Record<number, Partial<Record<FestivalId, string>>> = {
  2024: { chinese_new_years_eve: '02-09', spring_festival: '02-10', lantern: '02-24', qingming: '04-04', dragon_boat: '06-10', qixi: '08-10', mid_autumn: '09-17', double_ninth: '10-11' },
  2025: { chinese_new_years_eve: '01-28', spring_festival: '01-29', lantern: '02-12', qingming: '04-04', dragon_boat: '05-31', qixi: '08-29', mid_autumn: '10-06', double_ninth: '10-29' },
  2026: { chinese_new_years_eve: '02-16', spring_festival: '02-17', lantern: '03-03', qingming: '04-05', dragon_boat: '06-19', qixi: '08-19', mid_autumn: '09-25', double_ninth: '10-18' },
  2027: { chinese_new_years_eve: '02-05', spring_festival: '02-06', lantern: '02-20', qingming: '04-05', dragon_boat: '06-09', qixi: '08-08', mid_autumn: '09-15', double_ninth: '10-08' },
  2028: { chinese_new_years_eve: '01-25', spring_festival: '01-26', lantern: '02-09', qingming: '04-04', dragon_boat: '05-28', qixi: '08-26', mid_autumn: '10-03', double_ninth: '10-26' },
  2029: { chinese_new_years_eve: '02-12', spring_festival: '02-13', lantern: '02-27', qingming: '04-04', dragon_boat: '06-16', qixi: '08-16', mid_autumn: '09-22', double_ninth: '10-16' },
  2030: { chinese_new_years_eve: '02-02', spring_festival: '02-03', lantern: '02-17', qingming: '04-05', dragon_boat: '06-05', qixi: '08-05', mid_autumn: '09-12', double_ninth: '10-05' },
};
const CIVIL_DAYS: Partial<Record<FestivalId, string>> = { new_year: '01-01', labour_day: '05-01', national_day: '10-01', christmas: '12-25' };

describe('festivalsInYear', () => {
  it.each(Object.keys(TRADITIONAL_DAYS).map(Number))('has every festival of %i on its day, in date order', (year) => {
    const expected = { ...CIVIL_DAYS, ...TRADITIONAL_DAYS[year] };
    const festivals = festivalsInYear(year);
    expect(festivals.map((f) => f.id).sort()).toEqual([...FESTIVAL_IDS].sort());
    for (const festival of festivals) expect(festival.day, festival.id).toBe(`${year}-${expected[festival.id]}`);
    expect(festivals.map((f) => f.day)).toEqual(festivals.map((f) => f.day).sort());
  });

  it('marks the Chinese festivals as traditional', () => {
    const traditional = festivalsInYear(2026).filter((f) => f.traditional).map((f) => f.id).sort();
    expect(traditional).toEqual(Object.keys(TRADITIONAL_DAYS[2026]!).sort());
  });

  it('does not let a caller change the cached year', () => {
    festivalsInYear(2026)[0]!.day = 'changed';
    expect(festivalsInYear(2026)[0]!.day).toBe('2026-01-01');
  });

  it('works at both ends of 1900–2100', () => {
    expect(festivalsInYear(1900).find((f) => f.id === 'spring_festival')!.day).toBe('1900-01-31');
    expect(festivalsInYear(2100).find((f) => f.id === 'spring_festival')!.day).toBe('2100-02-09');
  });
});

describe('festivalsBetween', () => {
  it('spans years and includes both ends', () => {
    const between = festivalsBetween('2025-12-25', '2026-02-17');
    expect(between.map((f) => `${f.id} ${f.day}`)).toEqual([
      'christmas 2025-12-25',
      'new_year 2026-01-01',
      'chinese_new_years_eve 2026-02-16',
      'spring_festival 2026-02-17',
    ]);
    expect(festivalsBetween('2026-02-18', '2026-03-02')).toEqual([]);
  });
});

describe('qingmingDay', () => {
  /** The published 寿星 formula: floor(Y·0.2422 + C) − floor(Y/4), Y = year mod 100, C = 5.59 (1900s) / 4.81 (2000s). */
  function shouXingQingming(year: number): number {
    const y = year % 100;
    const c = year < 2000 ? 5.59 : 4.81;
    return Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  }

  it('agrees with the published formula for every year 1901–2099', () => {
    const disagreements: string[] = [];
    for (let year = 1901; year <= 2099; year++) {
      const expected = `${year}-04-0${shouXingQingming(year)}`;
      if (qingmingDay(year) !== expected) disagreements.push(`${year}: ${qingmingDay(year)} vs ${expected}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('keeps the days astronomy-engine computes, 1900–2100, and no other year', () => {
    const years = Array.from({ length: LAST_QINGMING_YEAR - FIRST_QINGMING_YEAR + 1 }, (_, i) => FIRST_QINGMING_YEAR + i);
    expect(years.map(qingmingDay)).toEqual(years.map(computeQingmingDay));
    expect(() => qingmingDay(2101)).toThrow(RangeError);
  });

  it('knows published dates, including the rare 6 April', () => {
    expect(qingmingDay(2008)).toBe('2008-04-04');
    expect(qingmingDay(2023)).toBe('2023-04-05');
    expect(qingmingDay(1943)).toBe('1943-04-06');
    expect(qingmingDay(2100)).toBe('2100-04-05');
  });
});
