/**
 * Money as the rep reads it: the amount in the currency chosen in Settings (yuan until changed), written
 * by Intl for the UI language (¥1,234.00 / CN¥1,234.00). See core/model/currency.ts.
 */
import { useCallback } from 'react';
import { DEFAULT_CURRENCY, currencySymbol, formatMoney, type Currency } from '../../core/model/currency.js';
import { useQuery } from '../api/useQuery.js';
import { useLanguage } from '../i18n/index.js';

export interface Money {
  currency: Currency;
  /** the currency's symbol, for an amount input's prefix */
  symbol: string;
  format: (amount: number, options?: { whole?: boolean }) => string;
}

export function useMoney(): Money {
  const language = useLanguage();
  // Money still shows (in yuan) if the settings cannot be read.
  const settings = useQuery((api) => api['settings.get']({}).catch(() => null), []);
  const currency = settings.data?.currency ?? DEFAULT_CURRENCY;
  const format = useCallback((amount: number, options?: { whole?: boolean }) => formatMoney(amount, currency, language, options), [currency, language]);
  return { currency, symbol: currencySymbol(currency, language), format };
}
