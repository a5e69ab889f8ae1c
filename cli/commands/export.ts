/**
 * `rounds export visits|report|calendar`: the visit log (CSV, XLSX), the period report (PDF, XLSX) or
 * the calendar (ICS) for a range of days, for leads who schedule their exports. Ctrl-C cancels and
 * leaves no partial file.
 */
import fs from 'node:fs';
import type { TFunction } from 'i18next';
import type { CalendarExportChoices } from '../../core/api/contract.js';
import { partsOfDay, todayIn } from '../../core/calendar/day.js';
import { LANGUAGES } from '../../core/model/enums.js';
import { customPeriod, PERIOD_PRESETS, presetPeriod, type ReportPeriod } from '../../core/reports/period.js';
import { ExportAbortedError } from '../../db/export/job.js';
import { NoCjkFontError } from '../../db/export/fonts.js';
import type { ExportLanguage } from '../../db/export/wording.js';
import { findRep } from '../../db/export/reps.js';
import { EXPORT_KINDS, exportToFile, FORMATS_OF, type ExportFormat, type ExportKind } from '../../db/export/run.js';
import { databasePathIn } from '../../db/paths.js';
import { readSettings } from '../../db/repo/settings.js';
import { CommandError, UsageError, type OptionValues, type CommandContext } from '../command.js';
import { openDataFolderDatabase } from '../database.js';
import { cliText } from '../text.js';

/** What `rounds export` says, from the locale resources (`cli:export.*`; the font message is the app's own). */
const textOf = (t: TFunction) => ({
  badKind: (value: string | undefined) => (value === undefined ? t('export.badKind', { kinds: EXPORT_KINDS.join(', ') }) : t('export.badKindGot', { kinds: EXPORT_KINDS.join(', '), value })),
  extraArgs: (words: string[]) => t('export.extraArgs', { words: words.join(' ') }),
  missing: (option: string) => t('export.missing', { option }),
  badDay: (option: string, value: string) => t('export.badDay', { option, value }),
  backwards: (from: string, to: string) => t('export.backwards', { from, to }),
  badFormat: (kind: ExportKind, value: string) => t('export.badFormat', { kind, formats: FORMATS_OF[kind].join(', '), value }),
  badLanguage: (value: string) => t('export.badLanguage', { languages: LANGUAGES.join(', '), value }),
  badZone: (value: string) => t('export.badZone', { value }),
  badInclude: (value: string) => t('export.badInclude', { choices: CALENDAR_CONTENTS.join(', '), value }),
  calendarOnly: t('export.calendarOnly'),
  noDatabase: (file: string) => t('export.noDatabase', { file }),
  unknownRep: (rep: string) => t('export.unknownRep', { rep }),
  ambiguousRep: (rep: string) => t('export.ambiguousRep', { rep }),
  cancelled: t('export.cancelled'),
  noFont: t('team:export.errors.noCjkFont'),
  done: (count: number, kind: ExportKind, file: string) => t(`export.done.${kind}`, { count, file }),
});
type Text = ReturnType<typeof textOf>;

function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function requiredOption(values: OptionValues, name: string, text: Text): string {
  const value = stringOption(values, name);
  if (value === undefined || value === '') throw new UsageError(text.missing(name));
  return value;
}

function parseKind(args: string[], text: Text): ExportKind {
  const [kind, ...rest] = args;
  if (!(EXPORT_KINDS as readonly string[]).includes(kind ?? '')) throw new UsageError(text.badKind(kind));
  if (rest.length > 0) throw new UsageError(text.extraArgs(rest));
  return kind as ExportKind;
}

function parseDay(values: OptionValues, name: string, text: Text): string {
  const value = requiredOption(values, name, text);
  try {
    partsOfDay(value);
  } catch {
    throw new UsageError(text.badDay(name, value));
  }
  return value;
}

/** A range that is exactly a month, quarter, half-year or year is titled as that report (月报 …). */
function periodOf(from: string, to: string, text: Text): ReportPeriod {
  if (from > to) throw new UsageError(text.backwards(from, to));
  const preset = PERIOD_PRESETS.map((p) => presetPeriod(p, from)).find((period) => period.from === from && period.to === to);
  return preset ?? customPeriod(from, to);
}

function parseFormat(kind: ExportKind, value: string | undefined, text: Text): ExportFormat {
  const formats = FORMATS_OF[kind];
  if (value === undefined) return formats[0]!;
  if (!(formats as readonly string[]).includes(value)) throw new UsageError(text.badFormat(kind, value));
  return value as ExportFormat;
}

function parseLanguage(value: string | undefined, fallback: unknown, text: Text): ExportLanguage {
  if (value === undefined) return fallback === 'zh-CN' ? 'zh-CN' : 'en';
  if (!(LANGUAGES as readonly string[]).includes(value)) throw new UsageError(text.badLanguage(value));
  return value as ExportLanguage;
}

function parseZone(value: string | undefined, text: Text): string {
  const zone = value ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new UsageError(text.badZone(zone));
  }
  return zone;
}

/** Ctrl-C aborts the export (its temp file is removed) instead of killing the process mid-write. */
function abortOnInterrupt(controller: AbortController): () => void {
  const abort = () => controller.abort();
  process.once('SIGINT', abort);
  return () => process.removeListener('SIGINT', abort);
}

const CALENDAR_CONTENTS = ['visits', 'dates', 'festivals'] as const;

/** `--include visits,dates` and `--per-rep`: a calendar's choices, as the app's calendar export dialog offers them. */
function parseCalendarChoices(kind: ExportKind, values: OptionValues, text: Text): CalendarExportChoices | undefined {
  const include = stringOption(values, 'include');
  const perRep = values['per-rep'] === true;
  if (kind !== 'calendar') {
    if (include !== undefined || perRep) throw new UsageError(text.calendarOnly);
    return undefined;
  }
  if (include === undefined && !perRep) return undefined;
  const chosen = include === undefined ? [...CALENDAR_CONTENTS] : include.split(',').map((part) => part.trim());
  if (chosen.length === 0 || chosen.some((part) => !(CALENDAR_CONTENTS as readonly string[]).includes(part))) throw new UsageError(text.badInclude(include ?? ''));
  return { visits: chosen.includes('visits'), dates: chosen.includes('dates'), festivals: chosen.includes('festivals'), perRep };
}

export async function run({ values, args, dataDir, io }: CommandContext) {
  const text = textOf(cliText(io.env));
  const kind = parseKind(args, text);
  const period = periodOf(parseDay(values, 'from', text), parseDay(values, 'to', text), text);
  const format = parseFormat(kind, stringOption(values, 'format'), text);
  const calendar = parseCalendarChoices(kind, values, text);
  const out = requiredOption(values, 'out', text);
  const timeZone = parseZone(stringOption(values, 'tz'), text);
  const file = databasePathIn(dataDir);
  if (!fs.existsSync(file)) throw new CommandError(text.noDatabase(file));
  const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
  const controller = new AbortController();
  const stopListening = abortOnInterrupt(controller);
  try {
    const language = parseLanguage(stringOption(values, 'lang'), readSettings(db).language, text);
    const repText = stringOption(values, 'rep');
    let ownerIds: Array<string | null> | undefined;
    if (repText !== undefined) {
      const rep = findRep(db, repText);
      if (!rep.ok) throw new CommandError(rep.reason === 'ambiguous' ? text.ambiguousRep(repText) : text.unknownRep(repText));
      ownerIds = [rep.ownerId];
    }
    const now = io.now();
    // the same export the app's export job makes (db/jobs/exportWorker.ts): reps by their display names
    const count = await exportToFile(db, kind, { period, today: todayIn(timeZone, now), timeZone, ...(ownerIds ? { ownerIds } : {}), ...(calendar ? { calendar } : {}), language, format, out, now }, { signal: controller.signal });
    io.stdout(`${text.done(count, kind, out)}\n`);
  } catch (error) {
    if (error instanceof ExportAbortedError) throw new CommandError(text.cancelled);
    if (error instanceof NoCjkFontError) throw new CommandError(`${text.noFont} ${error.message}`);
    throw error;
  } finally {
    stopListening();
    db.close();
  }
}
