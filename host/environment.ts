import type { Settings } from '../core/model/schemas.js';

type Language = Settings['language'];

/**
 * The OS locale as ICU has it (every Intl service shares it). Asked of PluralRules, which resolves it
 * without loading the calendar and time-zone data a first DateTimeFormat loads (~20 ms of `rounds` start).
 */
const systemLocale = (): string => new Intl.PluralRules().resolvedOptions().locale;

/** The UI language a first run starts in: Chinese when the OS speaks any Chinese, English otherwise. */
export function defaultLanguage(env: NodeJS.ProcessEnv = process.env, intlLocale?: string): Language {
  // POSIX precedence: LC_ALL beats LC_MESSAGES beats LANG; "C"/"POSIX" mean "not set" for our purpose.
  const posix = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value && value !== 'C' && value !== 'POSIX' && !value.startsWith('C.'));
  const locale = posix ?? intlLocale ?? systemLocale();
  return /^zh/i.test(locale) ? 'zh-CN' : 'en';
}

/** `ROUNDS_NOW` (an ISO instant) freezes the service clock, so tests and demos see a fixed "today". */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): (() => Date) | undefined {
  const fixed = env.ROUNDS_NOW;
  if (!fixed) return undefined;
  const instant = new Date(fixed);
  if (Number.isNaN(instant.getTime())) throw new Error(`ROUNDS_NOW is not an ISO instant: ${fixed}`);
  return () => new Date(instant);
}
