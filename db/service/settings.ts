import type { ApiHandlers } from '../../core/api/contract.js';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettings } from '../../core/model/reminders.js';
import { DEFAULT_CADENCE, Settings } from '../../core/model/schemas.js';
import { DEFAULT_CURRENCY } from '../../core/model/currency.js';
import { readSettings, writeSettings } from '../repo/settings.js';
import type { ServiceContext } from './context.js';

type SettingsHandlers = Pick<ApiHandlers, 'settings.get' | 'settings.update'>;

/** Stored values over defaults; a stored value that no longer validates falls back to its default. */
export function currentSettings({ db, deps }: ServiceContext): Settings {
  const defaults: Settings = {
    language: deps.defaultLanguage ?? 'zh-CN',
    repName: '',
    onboarded: false,
    cadence: DEFAULT_CADENCE,
    reminders: DEFAULT_REMINDER_SETTINGS,
    currency: DEFAULT_CURRENCY,
  };
  const stored = readSettings(db);
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(Settings.shape) as Array<keyof Settings>) {
    if (key === 'reminders') merged.reminders = remindersOver(DEFAULT_REMINDER_SETTINGS, stored.reminders);
    else if (key in stored && Settings.shape[key].safeParse(stored[key]).success) merged[key] = stored[key];
  }
  return merged as Settings;
}

/**
 * Reminder settings are merged field by field: a patch changes only the fields it names, and a field
 * added in a later version (or stored in a shape that no longer validates) keeps its default.
 */
function remindersOver(base: ReminderSettings, stored: unknown): ReminderSettings {
  if (typeof stored !== 'object' || stored === null) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, field] of Object.entries(ReminderSettings.shape)) {
    const value = (stored as Record<string, unknown>)[key];
    if (value !== undefined && field.safeParse(value).success) merged[key] = value;
  }
  return merged as ReminderSettings;
}

export function settingsHandlers(context: ServiceContext): SettingsHandlers {
  return {
    'settings.get': () => currentSettings(context),
    'settings.update': ({ reminders, ...patch }) => {
      const values: Record<string, unknown> = { ...patch };
      if (reminders !== undefined) values.reminders = remindersOver(currentSettings(context).reminders, reminders);
      writeSettings(context.db, values);
      return currentSettings(context);
    },
  };
}
