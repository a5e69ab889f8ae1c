/**
 * i18next for the renderer. Every namespace is a JSON file per language under `core/i18n/locales/<lang>/<ns>.json`,
 * shared with the exporters, CLI and notifications, bundled eagerly (the app is offline; there is nothing to fetch). The language follows the user's
 * setting (`settings.language`); antd and date-fns locales follow i18next's current language.
 */
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from 'date-fns';
import { enUS, zhCN } from './dateFnsLocales.js';
import type { Language } from '../../core/model/enums.js';
import { RESOURCES } from '../../core/i18n/resources.js';

/** `{ 'zh-CN': { common: {...}, accounts: {...} }, en: {...} }`: the one set of resources (core/i18n). */
export function bundledResources(): Resource {
  return RESOURCES as unknown as Resource;
}

/** The UI language a locale string (OS, browser or setting) maps to: any Chinese → zh-CN, else English. */
export function languageOf(locale: string | undefined | null): Language {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The language a first run starts in: the browser's (or, in Electron, the OS's) when it is Chinese or
 * English, else the one the host proposed from the OS locale (`settings.language` before onboarding).
 */
export function firstRunLanguage(proposed: Language, locale: string | undefined | null = typeof navigator === 'undefined' ? null : navigator.language): Language {
  if (!locale) return proposed;
  if (/^zh\b/i.test(locale)) return 'zh-CN';
  if (/^en\b/i.test(locale)) return 'en';
  return proposed;
}

export const i18n: I18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: bundledResources(),
  // Until settings arrive (or when the database cannot open) the browser's language is the best guess.
  lng: languageOf(typeof navigator === 'undefined' ? null : navigator.language),
  fallbackLng: 'en',
  supportedLngs: ['zh-CN', 'en'],
  ns: Object.keys(bundledResources().en ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

const DATE_FNS_LOCALES: Record<Language, Locale> = { 'zh-CN': zhCN, en: enUS };

/** The date-fns locale of the current UI language; re-renders the caller when the language changes. */
export function useDateFnsLocale(): Locale {
  const { i18n: current } = useTranslation();
  return DATE_FNS_LOCALES[languageOf(current.language)];
}

/** The current UI language as the app's `Language`; re-renders the caller when it changes. */
export function useLanguage(): Language {
  const { i18n: current } = useTranslation();
  return languageOf(current.language);
}
