/** The rows a reader found: the source table plus the rows it could not use (ragged, formula without value). */
import { detectHeaderLine, headerCandidates, type GridRow } from '../../core/import/headerRow.js';
import type { RowProblem } from '../../core/import/issues.js';
import type { SourceRow, SourceTable } from '../../core/import/rows.js';
import type { Cell } from '../../core/import/values.js';
import { ImportFileError } from './fileError.js';

export interface ReadTable extends SourceTable {
  problems: RowProblem[];
  /** how the file was read: `utf-8`, `gb18030` … for CSV; the sheet name for a workbook */
  source: string;
  /** the line of the header row: detected, or the one asked for */
  headerLine: number;
  /** the first rows as text, to choose another header row from */
  candidates: Array<{ line: number; cells: string[] }>;
  /** a workbook's sheet names, to choose another sheet from; absent for CSV */
  sheets?: string[];
}

/** Headers as keys of a mapping: a blank header becomes `(3)`, a repeated one `Phone (2)`. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const taken = new Set<string>();
  return raw.map((header, index) => {
    const base = header.trim() || `(${index + 1})`;
    let name = base;
    // "Phone, Phone, Phone (2)": the second column's "Phone (2)" is taken when the third comes.
    for (let copy = 2; taken.has(name); copy += 1) name = `${base} (${copy})`;
    taken.add(name);
    return name;
  });
}

export interface GridOptions {
  /** the header row the user chose; detected when absent */
  headerLine?: number;
  /**
   * CSV: a row with more or fewer cells than the header is a problem (a stray delimiter shifts every
   * value after it). A workbook's cells have fixed columns: the header's width is read, blanks padded.
   */
  strictWidth: boolean;
}

/** The number of cells up to the last non-blank one. */
function filledWidth(cells: readonly Cell[]): number {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] === null || String(cells[width - 1]).trim() === '')) width -= 1;
  return width;
}

/** Splits the rows at the header row: the rows above it (a title, a date line) are not imported. */
export function tableFromGrid(grid: readonly GridRow[], source: string, options: GridOptions): ReadTable {
  const headerLine = options.headerLine ?? detectHeaderLine(grid);
  if (headerLine === null) throw new ImportFileError({ key: 'import.file.empty' });
  const headerIndex = grid.findIndex((row) => row.line === headerLine);
  if (headerIndex < 0) throw new ImportFileError({ key: 'import.file.noSuchHeaderRow', params: { line: headerLine } });
  const headerCells: Cell[] = [...grid[headerIndex]!.cells];
  if (!options.strictWidth) {
    // A workbook's columns are as wide as its widest row: a header row with blank cells at its end
    // (a title picked as the header) must not drop the columns below them; blank headers read "(5)".
    const width = Math.max(...grid.slice(headerIndex).map((row) => filledWidth(row.cells)));
    headerCells.length = width;
    headerCells.fill(null, filledWidth(grid[headerIndex]!.cells));
  }
  const headers = uniqueHeaders(headerCells.map((cell) => (cell === null || cell === undefined ? '' : String(cell))));
  const width = headers.length;
  const rows: SourceRow[] = [];
  const problems: RowProblem[] = [];
  for (const { line, cells: raw, unreadable } of grid.slice(headerIndex + 1)) {
    const inColumns = (unreadable ?? []).filter((cell) => cell.column < width);
    if (inColumns.length > 0) {
      problems.push(...inColumns.map(({ issue }) => ({ line, issue })));
      continue;
    }
    let cells: Cell[];
    if (options.strictWidth) {
      // Trailing empty cells beyond the header (a spreadsheet's stray commas) carry nothing.
      cells = raw.length > width && raw.slice(width).every((cell) => cell === null || String(cell).trim() === '') ? raw.slice(0, width) : [...raw];
      if (cells.length !== width) {
        problems.push({ line, issue: { key: 'import.row.ragged', params: { found: cells.length, expected: width } } });
        continue;
      }
    } else {
      cells = Array.from({ length: width }, (_, index) => raw[index] ?? null);
    }
    rows.push({ line, cells });
  }
  if (rows.length === 0 && problems.length === 0) throw new ImportFileError({ key: 'import.file.noRows' });
  return { headers, rows, problems, source, headerLine, candidates: headerCandidates(grid) };
}
