/**
 * Every user-visible string of Rounds, in zh-CN and en: one JSON file per namespace and language under
 * `locales/<lang>/<ns>.json`. The renderer, the exporters, the CLI, the server's messages and the desktop
 * notifications all read these resources (see `translator.ts`); there is no other string table.
 */
import type { Language } from '../model/enums.js';
import en_account from './locales/en/account.json';
import en_accounts from './locales/en/accounts.json';
import en_calendar from './locales/en/calendar.json';
import en_cli from './locales/en/cli.json';
import en_common from './locales/en/common.json';
import en_complaints from './locales/en/complaints.json';
import en_festival from './locales/en/festival.json';
import en_import from './locales/en/import.json';
import en_onboarding from './locales/en/onboarding.json';
import en_reminders from './locales/en/reminders.json';
import en_settings from './locales/en/settings.json';
import en_sync from './locales/en/sync.json';
import en_team from './locales/en/team.json';
import en_today from './locales/en/today.json';
import zh_account from './locales/zh-CN/account.json';
import zh_accounts from './locales/zh-CN/accounts.json';
import zh_calendar from './locales/zh-CN/calendar.json';
import zh_cli from './locales/zh-CN/cli.json';
import zh_common from './locales/zh-CN/common.json';
import zh_complaints from './locales/zh-CN/complaints.json';
import zh_festival from './locales/zh-CN/festival.json';
import zh_import from './locales/zh-CN/import.json';
import zh_onboarding from './locales/zh-CN/onboarding.json';
import zh_reminders from './locales/zh-CN/reminders.json';
import zh_settings from './locales/zh-CN/settings.json';
import zh_sync from './locales/zh-CN/sync.json';
import zh_team from './locales/zh-CN/team.json';
import zh_today from './locales/zh-CN/today.json';

/** The namespaces, each a JSON file per language. */
export const NAMESPACES = ['account', 'accounts', 'calendar', 'cli', 'common', 'complaints', 'festival', 'import', 'onboarding', 'reminders', 'settings', 'sync', 'team', 'today'] as const;
export type Namespace = (typeof NAMESPACES)[number];

/** A namespace's strings: nested objects whose leaves are i18next strings. */
export type Strings = { readonly [key: string]: string | Strings };

/** `{ 'zh-CN': { common: {...}, ... }, en: {...} }`, the shape i18next takes as `resources`. */
export const RESOURCES: Record<Language, Record<Namespace, Strings>> = {
  'en': { account: en_account, accounts: en_accounts, calendar: en_calendar, cli: en_cli, common: en_common, complaints: en_complaints, festival: en_festival, import: en_import, onboarding: en_onboarding, reminders: en_reminders, settings: en_settings, sync: en_sync, team: en_team, today: en_today },
  'zh-CN': { account: zh_account, accounts: zh_accounts, calendar: zh_calendar, cli: zh_cli, common: zh_common, complaints: zh_complaints, festival: zh_festival, import: zh_import, onboarding: zh_onboarding, reminders: zh_reminders, settings: zh_settings, sync: zh_sync, team: zh_team, today: zh_today },
};
