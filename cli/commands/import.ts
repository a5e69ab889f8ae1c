/**
 * `rounds import FILE`: accounts, contacts (with their dates) or completed visits from a CSV or XLSX
 * file. Prints the dry-run report (counts, invalid rows with line and reason, matches), then imports
 * every valid row in one transaction, or nothing. Messages come from the `import` namespace of the
 * locale files (core/i18n/locales), the same strings the import screen shows.
 * Exit codes: 0 done, 1 the file or the import failed, 2 wrong arguments, 3 the file has invalid rows
 * (nothing imported; also for a dry run) unless --skip-invalid.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { detectMapping, parseMapping, type ColumnMapping } from '../../core/import/columns.js';
import { DATE_ORDERS, type DateOrder } from '../../core/import/dates.js';
import type { ImportIssue } from '../../core/import/issues.js';
import { LANGUAGES, type Language } from '../../core/model/enums.js';
import { ImportFileError } from '../../db/import/fileError.js';
import type { ImportPlan } from '../../db/import/plan.js';
import { importTable } from '../../db/service/imports.js';
import { DEFAULT_MAX_IMPORT_BYTES, readImportFile } from '../../db/import/read.js';
import type { ReadTable } from '../../db/import/table.js';
import { acquireDataDirLock } from '../../host/lock.js';
import { CommandError, UsageError, type OptionValues, type CommandContext } from '../command.js';
import { translator as localeTranslator } from '../../core/i18n/translator.js';
import type { CliIo } from '../io.js';
import { openDataFolderDatabase } from '../database.js';

export const EXIT_INVALID_ROWS = 3;
/** Invalid rows listed in full; the rest are counted. */
const MAX_LISTED_PROBLEMS = 50;

const translator = (language: Language): TFunction => localeTranslator(language, 'import');

/** What a CLI user does about a problem the import screen solves with a control (a flag to pass). */
const CLI_HINTS: Record<string, string> = {
  'import.mapping.noAccountName': 'import.cli.hintNoAccountName',
  'import.date.ambiguousOrder': 'import.cli.hintAmbiguousOrder',
};

const stringOption = (values: OptionValues, name: string) => (typeof values[name] === 'string' ? values[name] : undefined);

interface Settings {
  file: string;
  order: DateOrder | null;
  maxBytes: number;
  timeZone: string;
  headerLine: number | undefined;
}

function parseSettings(values: OptionValues, args: string[], t: TFunction): Settings {
  const [file, ...rest] = args;
  if (file === undefined) throw new UsageError(t('import.cli.missingFile'));
  if (rest.length > 0) throw new UsageError(t('import.cli.extraArgs', { words: rest.join(' ') }));
  const order = stringOption(values, 'date-order')?.toUpperCase();
  if (order !== undefined && !(DATE_ORDERS as readonly string[]).includes(order)) throw new UsageError(t('import.cli.badDateOrder', { value: order }));
  const maxMb = stringOption(values, 'max-mb');
  const maxBytes = maxMb === undefined ? DEFAULT_MAX_IMPORT_BYTES : Number(maxMb) * 1024 * 1024;
  if (!(maxBytes > 0)) throw new UsageError(t('import.cli.badMaxMb', { value: maxMb }));
  const timeZone = stringOption(values, 'tz') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new UsageError(t('import.cli.badZone', { value: timeZone }));
  }
  checkLanguage(values, t);
  const headerRow = stringOption(values, 'header-row');
  const headerLine = headerRow === undefined ? undefined : Number(headerRow);
  if (headerLine !== undefined && !(Number.isInteger(headerLine) && headerLine >= 1)) throw new UsageError(t('import.cli.badHeaderRow', { value: headerRow }));
  return { file, order: (order as DateOrder | undefined) ?? null, maxBytes, timeZone, headerLine };
}

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

function checkLanguage(values: OptionValues, t: TFunction): void {
  const lang = stringOption(values, 'lang');
  if (lang !== undefined && !isLanguage(lang)) throw new UsageError(t('import.cli.badLanguage', { value: lang }));
}

const translate = (t: TFunction, issue: ImportIssue) => t(issue.key, issue.params ?? {}) as string;
/** The message, followed by the flag to pass when the problem is one a flag solves. */
const explain = (t: TFunction, issue: ImportIssue) => {
  const hint = CLI_HINTS[issue.key];
  return hint === undefined ? translate(t, issue) : `${translate(t, issue)} ${t(hint)}`;
};

function readMapping(file: string, t: TFunction): ColumnMapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CommandError(error instanceof SyntaxError ? t('import.mapping.notJson') : t('import.cli.mappingUnreadable', { file }));
  }
  const parsed = parseMapping(json);
  if (!parsed.ok) throw new CommandError(t(parsed.key, parsed.params));
  return parsed.mapping;
}

function report(io: CliIo, t: TFunction, file: string, table: ReadTable, mapping: ColumnMapping, plan: ImportPlan): void {
  const lines = [
    t('import.report.file', { file, source: table.source, rows: table.rows.length + table.problems.length, kind: t(`import.report.kind_${plan.kind}`) }),
    t('import.report.headerRow', { line: table.headerLine }),
    t('import.report.columns'),
  ];
  const ignored = table.headers.filter((header) => !mapping[header]);
  for (const header of table.headers) {
    const field = mapping[header];
    if (field) lines.push(t('import.report.column', { header, field: t(`import.field.${field}`) }));
  }
  if (ignored.length > 0) lines.push(t('import.report.ignored', { headers: ignored.join(', ') }));
  lines.push('', t('import.report.counts', plan.counts));
  const inFile = plan.duplicates.filter((d) => d.against === 'file').length;
  lines.push(t('import.report.duplicates', { database: plan.duplicates.length - inFile, file: inFile }));
  if (plan.invalid.length > 0) {
    lines.push('', t('import.report.invalidHeading'));
    for (const { line, issue } of plan.invalid.slice(0, MAX_LISTED_PROBLEMS)) {
      const { column, value } = issue.params ?? {};
      const key = column === undefined ? 'import.report.problem' : value === undefined ? 'import.report.problemInColumn' : 'import.report.problemWithValue';
      lines.push(t(key, { line, column, value, reason: explain(t, issue) }));
    }
    if (plan.invalid.length > MAX_LISTED_PROBLEMS) lines.push(t('import.report.more', { count: plan.invalid.length - MAX_LISTED_PROBLEMS }));
  }
  io.stdout(`${lines.join('\n')}\n`);
}

export async function run({ values, args, dataDir, io }: CommandContext) {
  const t = translator(isLanguage(values.lang) ? values.lang : 'en');
  const settings = parseSettings(values, args, t);
  try {
    const sheet = stringOption(values, 'sheet');
    const table = await readImportFile(settings.file, {
      maxBytes: settings.maxBytes,
      ...(sheet === undefined ? {} : { sheet }),
      ...(settings.headerLine === undefined ? {} : { headerLine: settings.headerLine }),
    });
    const mappingFile = stringOption(values, 'mapping');
    const mapping = mappingFile === undefined ? detectMapping(table.headers) : readMapping(mappingFile, t);
    const saveTo = stringOption(values, 'save-mapping');
    if (saveTo !== undefined) {
      fs.writeFileSync(saveTo, `${JSON.stringify(mapping, null, 2)}\n`);
      io.stdout(`${t('import.report.mappingSaved', { file: path.resolve(saveTo) })}\n`);
    }
    fs.mkdirSync(dataDir, { recursive: true });
    const lock = acquireDataDirLock(dataDir);
    try {
      const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
      try {
        const skipInvalid = values['skip-invalid'] === true;
        const dryRun = values['dry-run'] === true;
        // the import the app's Import screen runs (db/service/imports.ts), on the file read here
        const choices = { mapping, dateOrder: settings.order, timeZone: settings.timeZone };
        const outcome = importTable(db, table, choices, dryRun ? undefined : { now: io.now().toISOString(), skipInvalid });
        report(io, t, settings.file, table, mapping, outcome.plan);
        const invalid = outcome.plan.counts.invalid > 0 && !skipInvalid;
        if (dryRun) io.stdout(`${t('import.report.dryRun')}\n`);
        else if (outcome.imported) io.stdout(`${t('import.report.imported', outcome.plan.counts)}\n`);
        else io.stdout(`${t('import.report.refused', outcome.plan.counts)}\n`);
        return invalid ? EXIT_INVALID_ROWS : undefined;
      } finally {
        db.close();
      }
    } finally {
      lock.release();
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw new CommandError(explain(t, error.issue));
    throw error;
  }
}
