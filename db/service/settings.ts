import type { ApiHandlers } from '../../core/api/contract.js';
import { DEFAULT_CADENCE, Settings } from '../../core/model/schemas.js';
import { readSettings, writeSettings } from '../repo/settings.js';
import type { ServiceContext } from './context.js';

type SettingsHandlers = Pick<ApiHandlers, 'settings.get' | 'settings.update'>;

/** Stored values over defaults; a stored value that no longer validates falls back to its default. */
export function currentSettings({ db, deps }: ServiceContext): Settings {
  const defaults: Settings = { language: deps.defaultLanguage ?? 'zh-CN', repName: '', onboarded: false, cadence: DEFAULT_CADENCE };
  const stored = readSettings(db);
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(Settings.shape) as Array<keyof Settings>) {
    if (key in stored && Settings.shape[key].safeParse(stored[key]).success) merged[key] = stored[key];
  }
  return merged as Settings;
}

export function settingsHandlers(context: ServiceContext): SettingsHandlers {
  return {
    'settings.get': () => currentSettings(context),
    'settings.update': (patch) => {
      writeSettings(context.db, patch);
      return currentSettings(context);
    },
  };
}
