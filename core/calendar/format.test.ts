import { describe, expect, it } from 'vitest';
import { formatLunarDate, lunarDayName, lunarMonthName, parseLunarText } from './format.js';

describe('lunar date names', () => {
  it('names months the way people say them', () => {
    expect([1, 2, 10, 11, 12].map((m) => lunarMonthName(m, false, 'zh-CN'))).toEqual(['正月', '二月', '十月', '冬月', '腊月']);
    expect(lunarMonthName(6, true, 'zh-CN')).toBe('闰六月');
    expect(lunarMonthName(6, false, 'en')).toBe('Month 6');
    expect(lunarMonthName(6, true, 'en')).toBe('Leap month 6');
    expect(() => lunarMonthName(13, false, 'zh-CN')).toThrow(RangeError);
  });

  it('names days 初一 … 三十', () => {
    const names = Array.from({ length: 30 }, (_, i) => lunarDayName(i + 1, 'zh-CN'));
    expect(names).toEqual([
      '初一', '初二', '初三', '初四', '初五', '初六', '初七', '初八', '初九', '初十',
      '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十',
      '廿一', '廿二', '廿三', '廿四', '廿五', '廿六', '廿七', '廿八', '廿九', '三十',
    ]);
    expect(lunarDayName(15, 'en')).toBe('15');
    expect(() => lunarDayName(31, 'zh-CN')).toThrow(RangeError);
    expect(() => lunarDayName(0, 'en')).toThrow(RangeError);
  });

  it('formats whole dates in both languages', () => {
    expect(formatLunarDate({ month: 8, day: 15, isLeapMonth: false }, 'zh-CN')).toBe('农历八月十五');
    expect(formatLunarDate({ month: 6, day: 1, isLeapMonth: true }, 'zh-CN')).toBe('农历闰六月初一');
    expect(formatLunarDate({ month: 1, day: 1, isLeapMonth: false }, 'zh-CN')).toBe('农历正月初一');
    expect(formatLunarDate({ month: 12, day: 30, isLeapMonth: false }, 'zh-CN')).toBe('农历腊月三十');
    expect(formatLunarDate({ month: 11, day: 10, isLeapMonth: false }, 'zh-CN')).toBe('农历冬月初十');
    expect(formatLunarDate({ month: 8, day: 15, isLeapMonth: false }, 'en')).toBe('Lunar 8/15');
    expect(formatLunarDate({ month: 6, day: 1, isLeapMonth: true }, 'en')).toBe('Lunar leap 6/1');
    expect(() => formatLunarDate({ month: 0, day: 1, isLeapMonth: false }, 'en')).toThrow(RangeError);
  });
});

describe('parseLunarText', () => {
  it.each([
    ['农历八月十五', 8, 15, false],
    ['八月十五', 8, 15, false],
    ['闰六月初一', 6, 1, true],
    ['农历闰六月初一', 6, 1, true],
    ['农历 八月 十五', 8, 15, false],
    ['腊月廿三', 12, 23, false],
    ['正月初一', 1, 1, false],
    ['冬月初十', 11, 10, false],
    ['十一月二十', 11, 20, false],
    ['十二月三十', 12, 30, false],
    ['三月二十九', 3, 29, false],
    ['阴历8月15日', 8, 15, false],
    ['L8/15', 8, 15, false],
    ['Lunar 8/15', 8, 15, false],
    ['lunar leap 6/1', 6, 1, true],
    ['Lunar leap 6/1', 6, 1, true],
    ['  L 12/30 ', 12, 30, false],
  ])('reads %s', (text, month, day, isLeapMonth) => {
    expect(parseLunarText(text)).toEqual({ month, day, isLeapMonth });
  });

  it.each(['', '八月', '十三月初一', '八月三十一', '八月初十一', 'Lunar 13/1', 'L8/31', 'L0/5', '2025-08-15', '八月十五号码', 'hello'])(
    'refuses %j',
    (text) => {
      expect(parseLunarText(text)).toBeNull();
    },
  );

  it('reads back everything it formats', () => {
    for (const isLeapMonth of [false, true]) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 30; day++) {
          const date = { month, day, isLeapMonth };
          expect(parseLunarText(formatLunarDate(date, 'zh-CN'))).toEqual(date);
          expect(parseLunarText(formatLunarDate(date, 'en'))).toEqual(date);
        }
      }
    }
  });
});
