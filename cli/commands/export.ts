/**
 * `rounds export visits|report|calendar`: the visit log (CSV, XLSX), the period report (PDF, XLSX) or
 * the calendar (ICS) for a range of days, for leads who schedule their exports. Ctrl-C cancels and
 * leaves no partial file.
 */
import fs from 'node:fs';
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

const text = {
  badKind: (value: string | undefined) => `say what to export: ${EXPORT_KINDS.join(', ')}${value === undefined ? '' : ` (got "${value}")`}.`,
  extraArgs: (words: string[]) => `unexpected "${words.join(' ')}".`,
  missing: (option: string) => `--${option} is required.`,
  badDay: (option: string, value: string) => `--${option} must be a calendar day YYYY-MM-DD (got "${value}").`,
  backwards: (from: string, to: string) => `--from ${from} is after --to ${to}.`,
  badFormat: (kind: ExportKind, value: string) => `${kind} can be exported as ${FORMATS_OF[kind].join(' or ')} (got "${value}").`,
  badLanguage: (value: string) => `--lang must be ${LANGUAGES.join(' or ')} (got "${value}").`,
  badZone: (value: string) => `--tz must be an IANA time zone such as Asia/Shanghai (got "${value}").`,
  noDatabase: (file: string) => `No database at ${file} (找不到数据库); nothing to export.`,
  unknownRep: (rep: string) => `No rep "${rep}" in this database (use "me", a rep's id, or the short id shown in exports).`,
  ambiguousRep: (rep: string) => `"${rep}" matches more than one rep; give more of the id.`,
  cancelled: 'Export cancelled (已取消); no file written.',
  noFont: '找不到 PDF 报告所需的中文字体，未写入文件。',
  done: (count: number, kind: ExportKind, file: string) => `Exported ${count} ${kind === 'visits' ? 'visits' : kind === 'report' ? 'accounts' : 'events'} to ${file} (导出完成)`,
};

function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

function requiredOption(values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined || value === '') throw new UsageError(text.missing(name));
  return value;
}

function parseKind(args: string[]): ExportKind {
  const [kind, ...rest] = args;
  if (!(EXPORT_KINDS as readonly string[]).includes(kind ?? '')) throw new UsageError(text.badKind(kind));
  if (rest.length > 0) throw new UsageError(text.extraArgs(rest));
  return kind as ExportKind;
}

function parseDay(values: OptionValues, name: string): string {
  const value = requiredOption(values, name);
  try {
    partsOfDay(value);
  } catch {
    throw new UsageError(text.badDay(name, value));
  }
  return value;
}

/** A range that is exactly a month, quarter, half-year or year is titled as that report (月报 …). */
function periodOf(from: string, to: string): ReportPeriod {
  if (from > to) throw new UsageError(text.backwards(from, to));
  const preset = PERIOD_PRESETS.map((p) => presetPeriod(p, from)).find((period) => period.from === from && period.to === to);
  return preset ?? customPeriod(from, to);
}

function parseFormat(kind: ExportKind, value: string | undefined): ExportFormat {
  const formats = FORMATS_OF[kind];
  if (value === undefined) return formats[0]!;
  if (!(formats as readonly string[]).includes(value)) throw new UsageError(text.badFormat(kind, value));
  return value as ExportFormat;
}

function parseLanguage(value: string | undefined, fallback: unknown): ExportLanguage {
  if (value === undefined) return fallback === 'zh-CN' ? 'zh-CN' : 'en';
  if (!(LANGUAGES as readonly string[]).includes(value)) throw new UsageError(text.badLanguage(value));
  return value as ExportLanguage;
}

function parseZone(value: string | undefined): string {
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

export async function run({ values, args, dataDir, io }: CommandContext) {
  const kind = parseKind(args);
  const period = periodOf(parseDay(values, 'from'), parseDay(values, 'to'));
  const format = parseFormat(kind, stringOption(values, 'format'));
  const out = requiredOption(values, 'out');
  const timeZone = parseZone(stringOption(values, 'tz'));
  const file = databasePathIn(dataDir);
  if (!fs.existsSync(file)) throw new CommandError(text.noDatabase(file));
  const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
  const controller = new AbortController();
  const stopListening = abortOnInterrupt(controller);
  try {
    const language = parseLanguage(stringOption(values, 'lang'), readSettings(db).language);
    const repText = stringOption(values, 'rep');
    let ownerIds: Array<string | null> | undefined;
    if (repText !== undefined) {
      const rep = findRep(db, repText);
      if (!rep.ok) throw new CommandError(rep.reason === 'ambiguous' ? text.ambiguousRep(repText) : text.unknownRep(repText));
      ownerIds = [rep.ownerId];
    }
    const now = io.now();
    // the same export the app's export job makes (db/jobs/exportWorker.ts): reps by their display names
    const count = await exportToFile(db, kind, { period, today: todayIn(timeZone, now), timeZone, ...(ownerIds ? { ownerIds } : {}), language, format, out, now }, { signal: controller.signal });
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
