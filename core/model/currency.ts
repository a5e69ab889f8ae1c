/**
 * The currency revenue is shown in (annual revenue, orders). Amounts are stored as plain numbers; the rep
 * picks the currency in Settings (yuan unless changed). Formatting is Intl's for the UI language, with the
 * currency's own symbol: ¥1,234.00 in Chinese, CN¥1,234.00 in English (so a yuan amount is never read as
 * dollars), US$ / HK$ / € for the others.
 */
import { z } from 'zod';

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'HKD'] as const;
export type Currency = (typeof CURRENCIES)[number];
export const DEFAULT_CURRENCY: Currency = 'CNY';
export const CurrencySetting = z.enum(CURRENCIES, { message: 'validation.invalidChoice' });

/** `amount` in `currency`, written for `language`; whole amounts (annual revenue) without decimals. */
export function formatMoney(amount: number, currency: Currency, language: string, options: { whole?: boolean } = {}): string {
  const digits = options.whole ? 0 : 2;
  return new Intl.NumberFormat(language, { style: 'currency', currency, currencyDisplay: 'symbol', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}

/** The currency's symbol alone, for an input's prefix (¥, CN¥, US$, €, HK$). */
export function currencySymbol(currency: Currency, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency, currencyDisplay: 'symbol' }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}
