/**
 * The first rows of a file as the import will read them: for each mapped cell its raw text and what it
 * becomes (an amount in yuan, a tier, a visit kind, a Gregorian or lunar date), or why it cannot be
 * read. The import screen shows them beside each other, so "农历八月十五" is seen to become lunar 8/15
 * before anything is written.
 */
import type { VisitKind, Tier } from '../model/enums.js';
import type { YearlyDate } from '../model/schemas.js';
import { headerMultiplier, type ColumnMapping, type TargetField } from './columns.js';
import { parseImportDate, type DateOrder } from './dates.js';
import type { ImportIssue } from './issues.js';
import type { SourceTable } from './rows.js';
import { amountOf, textOf, tierOf, visitKindOf } from './values.js';

/** Rows of a file shown parsed in the dry run. */
export const PREVIEW_ROWS = 8;

export type ParsedCell =
  | { type: 'text' }
  | { type: 'amount'; value: number }
  | { type: 'tier'; value: Tier }
  | { type: 'visitKind'; value: VisitKind }
  | { type: 'date'; date: YearlyDate; minutes: number | null }
  | { type: 'invalid'; issue: ImportIssue };

export interface PreviewCell {
  header: string;
  field: TargetField;
  /** the cell as text; null when empty */
  raw: string | null;
  /** null when the cell is empty */
  parsed: ParsedCell | null;
}

export interface PreviewRow {
  line: number;
  /** the mapped cells */
  cells: PreviewCell[];
  /** every cell as text ('' when empty), in column order: what an ignored column holds */
  texts: string[];
}

const DATE_FIELDS: Partial<Record<TargetField, 'gregorian' | 'lunar'>> = {
  birthday: 'gregorian',
  lunarBirthday: 'lunar',
  anniversary: 'gregorian',
  visitDoneAt: 'gregorian',
};

function parseCell(field: TargetField, header: string, cell: string | number, order: DateOrder | null): ParsedCell {
  const calendar = DATE_FIELDS[field];
  if (calendar !== undefined) {
    const parsed = parseImportDate(cell, { order, calendar });
    return parsed.ok ? { type: 'date', date: parsed.value.date, minutes: parsed.value.minutes } : { type: 'invalid', issue: parsed.issue };
  }
  const text = String(cell).trim();
  switch (field) {
    case 'annualRevenue': {
      const amount = amountOf(cell, headerMultiplier(header));
      return Number.isNaN(amount) ? { type: 'invalid', issue: { key: 'validation.notANumber' } } : { type: 'amount', value: amount };
    }
    case 'tier': {
      const tier = tierOf(text);
      return tier ? { type: 'tier', value: tier } : { type: 'invalid', issue: { key: 'validation.invalidChoice', params: { value: text } } };
    }
    case 'visitKind': {
      const kind = visitKindOf(text);
      return kind ? { type: 'visitKind', value: kind } : { type: 'invalid', issue: { key: 'validation.invalidChoice', params: { value: text } } };
    }
    default:
      return { type: 'text' };
  }
}

/** The first `limit` non-blank rows, each mapped cell raw and parsed, in the file's column order. */
export function previewRows(table: SourceTable, mapping: ColumnMapping, order: DateOrder | null, limit = PREVIEW_ROWS): PreviewRow[] {
  const columns = table.headers.flatMap((header, index) => {
    const field = mapping[header];
    return field ? [{ header, field, index }] : [];
  });
  const rows: PreviewRow[] = [];
  for (const row of table.rows) {
    if (rows.length >= limit) break;
    if (row.cells.every((cell) => textOf(cell) === null)) continue;
    rows.push({
      line: row.line,
      cells: columns.map(({ header, field, index }) => {
        const cell = row.cells[index] ?? null;
        const raw = textOf(cell);
        return { header, field, raw, parsed: raw === null ? null : parseCell(field, header, cell!, order) };
      }),
      texts: table.headers.map((_, index) => textOf(row.cells[index] ?? null) ?? ''),
    });
  }
  return rows;
}
