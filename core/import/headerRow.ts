/**
 * Which row of a sheet holds the headers. Exports from a CRM start with them, but a list kept by hand
 * often opens with a merged title row ("2026年 华东区重点客户名单"), a date line or a blank row. The
 * first rows are scored: the one naming the most fields Rounds knows wins; when none names any, the
 * first row filled about as widely as the widest row (a title fills one cell). The user can pick
 * another row; the rows above the header are not imported.
 */
import { isKnownHeader } from './columns.js';
import type { ImportIssue } from './issues.js';
import { textOf, type Cell } from './values.js';

/** Rows looked at for the header, and offered to pick from. */
export const HEADER_SCAN_ROWS = 20;

/** A row as read from the file, before the header is known: its line (1 = first) and cells. */
export interface GridRow {
  line: number;
  cells: readonly Cell[];
  /** cells a workbook could not give a value for (a formula without its value, #N/A), by column index */
  unreadable?: ReadonlyArray<{ column: number; issue: ImportIssue }>;
}

/** Distinct non-empty values: a title some tools repeat across its merged cells counts once. */
const filled = (row: GridRow) => new Set(row.cells.map(textOf).filter((text) => text !== null)).size;
const known = (row: GridRow) => row.cells.filter((cell) => typeof cell === 'string' && isKnownHeader(cell)).length;

/** The line of the header row among `rows` (blank rows may be among them); the first row's when in doubt. */
export function detectHeaderLine(rows: readonly GridRow[]): number | null {
  const candidates = rows.filter((row) => filled(row) > 0).slice(0, HEADER_SCAN_ROWS);
  if (candidates.length === 0) return null;
  let best: { line: number; known: number } | null = null;
  for (const row of candidates) {
    const count = known(row);
    if (count > 0 && filled(row) >= 2 && (best === null || count > best.known)) best = { line: row.line, known: count };
  }
  if (best) return best.line;
  const widest = Math.max(...candidates.map(filled));
  const wide = candidates.find((row) => filled(row) >= Math.max(2, Math.ceil(widest / 2)));
  return (wide ?? candidates[0]!).line;
}

/** The first rows as text, to pick the header row from. */
export function headerCandidates(rows: readonly GridRow[]): Array<{ line: number; cells: string[] }> {
  return rows
    .filter((row) => filled(row) > 0)
    .slice(0, HEADER_SCAN_ROWS)
    .map((row) => ({ line: row.line, cells: row.cells.map((cell) => textOf(cell) ?? '') }));
}
