import { describe, expect, it } from 'vitest';
import { currencySymbol, formatMoney } from './currency.js';

describe('money', () => {
  it('writes yuan with ¥ in Chinese and CN¥ in English, grouped by locale', () => {
    expect(formatMoney(1234567.5, 'CNY', 'zh-CN')).toBe('¥1,234,567.50');
    expect(formatMoney(1234567.5, 'CNY', 'en')).toBe('CN¥1,234,567.50');
    expect(formatMoney(3_000_000, 'CNY', 'zh-CN', { whole: true })).toBe('¥3,000,000');
  });

  it('writes the other currencies with their own symbols', () => {
    expect(formatMoney(1200, 'USD', 'en')).toBe('$1,200.00');
    expect(formatMoney(1200, 'USD', 'zh-CN')).toBe('US$1,200.00');
    expect(formatMoney(1200, 'HKD', 'en')).toBe('HK$1,200.00');
    expect(formatMoney(1200, 'EUR', 'en')).toBe('€1,200.00');
    expect(currencySymbol('CNY', 'zh-CN')).toBe('¥');
    expect(currencySymbol('HKD', 'zh-CN')).toBe('HK$');
  });
});
