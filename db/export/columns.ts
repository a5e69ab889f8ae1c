/**
 * One column model for every tabular export: each column knows its header (in the user's language,
 * from the caller), its cell type, width and how to read its value from a row. CSV formats the
 * values; XLSX writes them as typed cells.
 */
import type { VisitLogRow } from '../reports/visitLog.js';
import { wallClockOf } from '../../core/reports/zone.js';
import type { ExportLabels } from './wording.js';

/**
 * text and number as they are; `date` is a Date at UTC midnight of the calendar day; `datetime` is the
 * wall clock in the user's time zone held in a Date's UTC fields (spreadsheets have no zones);
 * `percent` is a ratio (0.5 = 50%).
 */
export type ColumnType = 'text' | 'number' | 'percent' | 'date' | 'datetime';
export type CellValue = string | number | Date | null;

export interface Column<Row> {
  header: string;
  type: ColumnType;
  /** in characters, for spreadsheets */
  width: number;
  value(row: Row): CellValue;
}

export interface Table<Row> {
  columns: ReadonlyArray<Column<Row>>;
  /** read once, in order; may be a database iterator */
  rows: Iterable<Row>;
  /** for progress reports */
  total: number;
}

/** A table whose rows are not known to the exporter's signature; each section of a report is one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = Table<any>;

export interface Section {
  /** sheet name in a workbook (at most 31 characters, no []:*?/\) */
  name: string;
  /** lines above the table in a workbook (a report's title and period); the first is bold */
  caption?: readonly string[];
  table: AnyTable;
}

/** Names the rep who owns a row (null = this device's user). */
export type RepNamer = (ownerId: string | null) => string;

export function visitLogColumns(labels: ExportLabels, repName: RepNamer, timeZone: string): Array<Column<VisitLogRow>> {
  const header = labels.visitColumns;
  const instant = (iso: string | null) => (iso === null ? null : wallClockOf(new Date(iso), timeZone));
  return [
    { header: header.account, type: 'text', width: 30, value: (row) => row.accountName },
    { header: header.tier, type: 'text', width: 6, value: (row) => labels.tier(row.tier) },
    { header: header.city, type: 'text', width: 12, value: (row) => row.city },
    { header: header.rep, type: 'text', width: 16, value: (row) => repName(row.ownerId) },
    { header: header.kind, type: 'text', width: 14, value: (row) => labels.visitKind(row.kind) },
    { header: header.status, type: 'text', width: 10, value: (row) => labels.visitStatus(row.status) },
    { header: header.plannedAt, type: 'datetime', width: 18, value: (row) => instant(row.plannedAt) },
    { header: header.doneAt, type: 'datetime', width: 18, value: (row) => instant(row.doneAt) },
    { header: header.purpose, type: 'text', width: 24, value: (row) => row.purpose },
    { header: header.contactsMet, type: 'text', width: 20, value: (row) => row.contactsMet.join(labels.nameSeparator) },
    { header: header.outcome, type: 'text', width: 40, value: (row) => row.outcome },
    { header: header.nextStep, type: 'text', width: 30, value: (row) => row.nextStep },
  ];
}
