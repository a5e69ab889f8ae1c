/**
 * Imports from the app: the file arrives base64-encoded, is read by the same readers as the CLI's
 * (size, encoding and type checks included; the header row detected or the one the user picked),
 * dry-run with a parsed sample of its first rows, or applied all-or-nothing. Saved column
 * mappings live in the local settings under one key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ApiHandlers, ApiParsedInput, ImportPreviewView, SavedMapping } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { ColumnMappingSchema, detectMapping, importKindOf, missingHeaders, type ColumnMapping } from '../../core/import/columns.js';
import type { DateOrder } from '../../core/import/dates.js';
import { previewRows } from '../../core/import/preview.js';
import type { ImportIssue } from '../../core/import/issues.js';
import type { Db } from '../connection.js';
import { applyImport } from '../import/apply.js';
import { ImportFileError } from '../import/fileError.js';
import { planImport, type ImportPlan, type ImportRequest } from '../import/plan.js';
import { readImportFile } from '../import/read.js';
import type { ReadTable } from '../import/table.js';
import { readSettings, writeSettings } from '../repo/settings.js';
import type { ServiceContext } from './context.js';
import { hostTimeZone } from './reports.js';

type ImportHandlers = Pick<ApiHandlers, 'imports.preview' | 'imports.apply' | 'imports.saveMapping' | 'imports.mappings'>;
type ImportFileInput = ApiParsedInput<'imports.preview'>;

/** Problems listed in a preview: enough to fix a file by; the counts say how many rows are invalid. */
export const MAX_LISTED_PROBLEMS = 500;
const MAPPINGS_KEY = 'importMappings';
const SavedMappings = z.array(z.object({ name: z.string(), mapping: ColumnMappingSchema }));

/** An import problem with the whole file, as a validation error the import screen translates. */
function fileProblem(issue: ImportIssue): ApiError {
  return new ApiError('validation', { issues: [{ path: ['contentBase64'], message: issue.key }], ...(issue.params ? { params: issue.params } : {}) });
}

/**
 * The readers work on files (they check the size before reading and choose by extension): the upload
 * is written to a private temp file in the data folder and removed straight after reading.
 */
async function readUpload(dataDir: string, input: ImportFileInput): Promise<ReadTable> {
  const folder = path.join(dataDir, 'imports');
  fs.mkdirSync(folder, { recursive: true });
  const extension = path.extname(path.basename(input.fileName)).toLowerCase().replace(/[^.a-z0-9]/g, '');
  const temp = path.join(folder, `.upload-${crypto.randomBytes(8).toString('hex')}${extension}`);
  fs.writeFileSync(temp, Buffer.from(input.contentBase64, 'base64'), { mode: 0o600 });
  try {
    return await readImportFile(temp, {
      ...(input.headerLine === undefined ? {} : { headerLine: input.headerLine }),
      ...(input.sheet === undefined ? {} : { sheet: input.sheet }),
    });
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** How a read file is to be imported: its columns' fields (detected when not given) and how to read its dates. */
export interface ImportChoices {
  mapping?: ColumnMapping;
  dateOrder: DateOrder | null;
  timeZone: string;
}

/**
 * The import of a file already read, as the Import screen and `rounds import` both ask for it: the
 * mapping (given, or detected from the headers) must name columns the file has; then a dry run (`apply`
 * omitted) or the all-or-nothing import. A file it cannot import throws an `ImportFileError`.
 */
export function importTable(db: Db, table: ReadTable, choices: ImportChoices, apply?: { now: string; skipInvalid: boolean }): { request: ImportRequest; plan: ImportPlan; imported: boolean } {
  const request = importRequestOf(table, choices);
  if (!apply) return { request, plan: planImport(db, request), imported: false };
  const outcome = applyImport(db, request, apply);
  return { request, plan: outcome.plan, imported: outcome.imported };
}

function importRequestOf(table: ReadTable, { mapping: given, dateOrder, timeZone }: ImportChoices): ImportRequest {
  const mapping = given ?? detectMapping(table.headers);
  const missing = missingHeaders(mapping, table.headers);
  if (missing.length > 0) throw new ImportFileError({ key: 'import.mapping.missingHeaders', params: { headers: missing.join(', ') } });
  return { table, mapping, order: dateOrder, timeZone };
}

const choicesOf = (input: ImportFileInput): ImportChoices => ({ ...(input.mapping ? { mapping: input.mapping } : {}), dateOrder: input.dateOrder ?? null, timeZone: hostTimeZone() });

/** Whether the mapping names the account name; without it the file can be previewed but not imported. */
const mapsAccountName = (request: ImportRequest) => Object.values(request.mapping).includes('accountName');

/** A plan of nothing, for a preview whose mapping does not yet name the account name. */
const NOTHING_PLANNED: ImportPlan = { kind: 'accounts', counts: { new: 0, updated: 0, unchanged: 0, invalid: 0 }, invalid: [], duplicates: [] };

function previewOf(table: ReadTable, request: ImportRequest, plan: ImportPlan): ImportPreviewView {
  return {
    headerLine: table.headerLine,
    headerCandidates: table.candidates,
    sheets: table.sheets ?? [],
    sample: previewRows(table, request.mapping, request.order ?? null),
    needsAccountName: !mapsAccountName(request),
    headers: [...table.headers],
    mapping: request.mapping,
    kind: plan.kind,
    source: table.source,
    rows: table.rows.length + table.problems.length,
    counts: plan.counts,
    invalid: plan.invalid.slice(0, MAX_LISTED_PROBLEMS),
    invalidNotListed: Math.max(0, plan.invalid.length - MAX_LISTED_PROBLEMS),
    duplicates: plan.duplicates.slice(0, MAX_LISTED_PROBLEMS).map(({ line, against, by, firstLine }) => ({ line, against, by, ...(firstLine === undefined ? {} : { firstLine }) })),
  };
}

/** Runs `work`, turning a file the readers or the planner refuse into a translated validation error. */
async function refusingBadFiles<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ImportFileError) throw fileProblem(error.issue);
    throw error;
  }
}

function savedMappings(context: ServiceContext): SavedMapping[] {
  const parsed = SavedMappings.safeParse(readSettings(context.db)[MAPPINGS_KEY]);
  return parsed.success ? parsed.data : [];
}

export function importHandlers(context: ServiceContext): ImportHandlers {
  return {
    'imports.preview': (input) =>
      refusingBadFiles(async () => {
        const table = await readUpload(context.deps.dataDir, input);
        const request = importRequestOf(table, choicesOf(input));
        // A file whose header row or mapping is still to be chosen is shown, not refused: the screen
        // lets the user pick the header row and the account name's column.
        if (!mapsAccountName(request)) return previewOf(table, request, { ...NOTHING_PLANNED, kind: importKindOf(request.mapping) });
        return previewOf(table, request, importTable(context.db, table, choicesOf(input)).plan);
      }),
    'imports.apply': ({ skipInvalid, ...input }) =>
      refusingBadFiles(async () => {
        const table = await readUpload(context.deps.dataDir, input);
        const outcome = importTable(context.db, table, choicesOf(input), { now: context.stamp(), skipInvalid });
        return { ...previewOf(table, outcome.request, outcome.plan), imported: outcome.imported };
      }),
    'imports.saveMapping': ({ name, mapping }) => {
      const others = savedMappings(context).filter((saved) => saved.name !== name);
      const all = [...others, { name, mapping }].sort((a, b) => a.name.localeCompare(b.name));
      writeSettings(context.db, { [MAPPINGS_KEY]: all });
      return all;
    },
    'imports.mappings': () => savedMappings(context),
  };
}
