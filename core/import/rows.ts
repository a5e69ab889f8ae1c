/**
 * Mapped rows → validated entity inputs. Each source row becomes one record (an account; a contact
 * of an account with the contact's dates; or a completed visit of an account), or, when anything in
 * it is wrong, one or more problems carrying the row's line number and an i18n key.
 * The account is named by the row, not by an id: matching it to the database is the plan's job.
 */
import { startOfDayIn } from '../reports/zone.js';
import { isStorableText } from '../text/storable.js';
import { dayFromParts } from '../calendar/day.js';
import type { DateKind, VisitKind } from '../model/enums.js';
import { AccountPatch, ContactPatch, type AccountFields, type YearlyDate } from '../model/schemas.js';
import { headerMultiplier, importKindOf, type ColumnMapping, type ImportKind, type TargetField } from './columns.js';
import { parseImportDate, type DateOrder } from './dates.js';
import type { ImportIssue, RowProblem } from './issues.js';
import { amountOf, fullNameOf, textOf, tierOf, visitKindOf, type Cell } from './values.js';

export interface SourceRow {
  /** line in the file (CSV) or row number (sheet) */
  line: number;
  cells: readonly Cell[];
}

export interface SourceTable {
  headers: readonly string[];
  rows: readonly SourceRow[];
}

export interface ContactInput {
  name: string;
  title?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
}

export interface DateInput {
  kind: DateKind;
  date: YearlyDate;
}

export interface VisitInput {
  kind: VisitKind;
  /** ISO instant */
  doneAt: string;
  outcome: string | null;
  nextStep: string | null;
}

export interface ImportRecord {
  line: number;
  /** only the account fields the row gives, name always; an update changes just these */
  account: Partial<AccountFields> & { name: string };
  contact: ContactInput | null;
  /** the contact's id in the CRM the file came from (duplicates within the file) */
  contactExternalId: string | null;
  dates: DateInput[];
  visit: VisitInput | null;
}

export interface BuiltRecords {
  kind: ImportKind;
  records: ImportRecord[];
  problems: RowProblem[];
}

export interface BuildOptions {
  order?: DateOrder | null;
  /** the user's time zone: a visit's "2026-03-05 14:30" is wall-clock time there */
  timeZone: string;
}

const ACCOUNT_TEXT_FIELDS = ['city', 'industry', 'address'] as const;
const CONTACT_TEXT_FIELDS = ['title', 'phone', 'email', 'wechat'] as const;
const DATE_COLUMNS: ReadonlyArray<{ field: TargetField; kind: DateKind; calendar: 'gregorian' | 'lunar' }> = [
  { field: 'birthday', kind: 'birthday', calendar: 'gregorian' },
  { field: 'lunarBirthday', kind: 'birthday', calendar: 'lunar' },
  { field: 'anniversary', kind: 'wedding_anniversary', calendar: 'gregorian' },
];

/** Reads one row's cells by target field and collects what is wrong with them. */
class RowReader {
  readonly problems: ImportIssue[] = [];

  constructor(
    private readonly columns: ReadonlyMap<TargetField, { index: number; header: string }>,
    private readonly cells: readonly Cell[],
  ) {}

  cell(field: TargetField): Cell {
    const column = this.columns.get(field);
    return column === undefined ? null : (this.cells[column.index] ?? null);
  }

  text(field: TargetField): string | null {
    return textOf(this.cell(field));
  }

  has(field: TargetField): boolean {
    return this.columns.has(field);
  }

  /** Reports each mapped cell holding text that cannot be stored (see core/text/storable.ts); true when none does. */
  storable(): boolean {
    for (const field of this.columns.keys()) {
      const text = this.text(field);
      // The value itself is not shown: it holds the character that cannot be stored.
      if (text !== null && !isStorableText(text)) this.problems.push({ key: 'validation.invalidCharacter', params: { column: this.columns.get(field)!.header } });
    }
    return this.problems.length === 0;
  }

  /** The column's header, for a unit it names (年销售额(万元)). */
  header(field: TargetField): string | null {
    return this.columns.get(field)?.header ?? null;
  }

  /** A problem on `field`'s column, naming the column and the value the cell holds (so the user sees what is wrong). */
  fail(field: TargetField | null, key: string, params: Record<string, string | number> = {}): void {
    const column = field === null ? undefined : this.columns.get(field);
    const value = field === null ? null : this.text(field);
    this.problems.push({ key, params: column ? { column: column.header, ...(value === null ? {} : { value }), ...params } : params });
  }
}

function columnsOf(headers: readonly string[], mapping: ColumnMapping): Map<TargetField, { index: number; header: string }> {
  const columns = new Map<TargetField, { index: number; header: string }>();
  headers.forEach((header, index) => {
    const target = mapping[header];
    if (target && !columns.has(target)) columns.set(target, { index, header });
  });
  return columns;
}

/** zod issues of a patch schema → problems on the columns the fields came from. */
function validated<T>(
  reader: RowReader,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  values: Record<string, unknown>,
  fieldOf: (key: string) => TargetField | null,
): T | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  for (const issue of result.error.issues) reader.fail(fieldOf(String(issue.path[0] ?? '')), issue.message);
  return null;
}

function readAccount(reader: RowReader): ImportRecord['account'] | null {
  const name = reader.text('accountName');
  if (name === null) reader.fail('accountName', 'import.row.missingAccountName');
  const values: Record<string, unknown> = { name: name ?? undefined };
  for (const field of ACCOUNT_TEXT_FIELDS) if (reader.has(field)) values[field] = reader.text(field);
  if (reader.has('accountExternalId')) values.externalId = reader.text('accountExternalId');
  const tierText = reader.text('tier');
  if (tierText !== null) {
    const tier = tierOf(tierText);
    if (tier) values.tier = tier;
    else reader.fail('tier', 'validation.invalidChoice', { value: tierText });
  }
  const revenue = reader.cell('annualRevenue');
  if (textOf(revenue) !== null) values.annualRevenue = amountOf(revenue, headerMultiplier(reader.header('annualRevenue') ?? ''));
  const fieldOf = (key: string): TargetField | null =>
    key === 'name' ? 'accountName' : key === 'externalId' ? 'accountExternalId' : (key as TargetField);
  const account = validated(reader, AccountPatch, values, fieldOf);
  return account && name !== null ? { ...account, name } : null;
}

function readContact(reader: RowReader): ContactInput | null {
  const name = reader.text('contactName') ?? fullNameOf(reader.text('firstName'), reader.text('lastName'));
  if (name === null) reader.fail(reader.has('contactName') ? 'contactName' : 'lastName', 'import.row.missingContactName');
  const values: Record<string, unknown> = { name: name ?? undefined };
  for (const field of CONTACT_TEXT_FIELDS) if (reader.has(field)) values[field] = reader.text(field);
  const contact = validated(reader, ContactPatch, values, (key) => (key === 'name' ? 'contactName' : (key as TargetField)));
  return contact && name !== null ? { ...(contact as Omit<ContactInput, 'name'>), name } : null;
}

function readDates(reader: RowReader, order: DateOrder | null | undefined): DateInput[] {
  const dates: DateInput[] = [];
  for (const { field, kind, calendar } of DATE_COLUMNS) {
    const cell = reader.cell(field);
    if (textOf(cell) === null) continue;
    const parsed = parseImportDate(cell!, { order, calendar });
    if (parsed.ok) dates.push({ kind, date: parsed.value.date });
    else reader.fail(field, parsed.issue.key, parsed.issue.params);
  }
  return dates;
}

function readVisit(reader: RowReader, options: BuildOptions): VisitInput | null {
  const kindText = reader.text('visitKind');
  const kind = kindText === null ? 'routine' : visitKindOf(kindText);
  if (kind === null) reader.fail('visitKind', 'validation.invalidChoice', { value: kindText! });
  const cell = reader.cell('visitDoneAt');
  if (textOf(cell) === null) {
    reader.fail('visitDoneAt', 'import.row.missingVisitDate');
    return null;
  }
  const parsed = parseImportDate(cell!, { order: options.order });
  if (!parsed.ok) {
    reader.fail('visitDoneAt', parsed.issue.key, parsed.issue.params);
    return null;
  }
  const { date, minutes } = parsed.value;
  if (date.calendar !== 'gregorian' || date.year === null) {
    reader.fail('visitDoneAt', 'import.date.yearRequired');
    return null;
  }
  const midnight = startOfDayIn(dayFromParts(date.year, date.month, date.day), options.timeZone).getTime();
  const doneAt = new Date(midnight + (minutes ?? 0) * 60_000).toISOString();
  return kind === null ? null : { kind, doneAt, outcome: reader.text('visitOutcome'), nextStep: reader.text('visitNextStep') };
}

const isBlank = (cells: readonly Cell[]) => cells.every((cell) => textOf(cell) === null);

/** One row's record; null when anything in it is wrong (the reader holds the problems). */
function readRecord(reader: RowReader, kind: ImportKind, line: number, options: BuildOptions): ImportRecord | null {
  // A character that cannot be stored is the row's one problem: the field rules need not read it too.
  if (!reader.storable()) return null;
  const account = readAccount(reader);
  const contact = kind === 'contacts' ? readContact(reader) : null;
  const dates = kind === 'contacts' ? readDates(reader, options.order) : [];
  const visit = kind === 'visits' ? readVisit(reader, options) : null;
  if (reader.problems.length > 0 || account === null) return null;
  return { line, account, contact, contactExternalId: reader.text('contactExternalId'), dates, visit };
}

/** Validated records and the problems of the rows that are not, in file order. Blank rows are skipped. */
export function buildRecords(table: SourceTable, mapping: ColumnMapping, options: BuildOptions): BuiltRecords {
  const kind = importKindOf(mapping);
  const columns = columnsOf(table.headers, mapping);
  const records: ImportRecord[] = [];
  const problems: RowProblem[] = [];
  for (const row of table.rows) {
    if (isBlank(row.cells)) continue;
    const reader = new RowReader(columns, row.cells);
    const record = readRecord(reader, kind, row.line, options);
    if (record) records.push(record);
    else problems.push(...reader.problems.map((issue) => ({ line: row.line, issue })));
  }
  return { kind, records, problems };
}
