/**
 * XLSX workbooks through exceljs: the first sheet or a named one; the header row is detected (a
 * merged title row above it is skipped, see core/import/headerRow.ts) or given. Formulas give their
 * cached value (what Excel last computed and saved); a formula saved without one, or an error value (#N/A, #DIV/0!), makes its row invalid rather than guessing.
 */
import type ExcelJS from 'exceljs';
import type { GridRow } from '../../core/import/headerRow.js';
import type { ImportIssue } from '../../core/import/issues.js';
import { textOf, type Cell } from '../../core/import/values.js';
import { ImportFileError } from './fileError.js';
import { tableFromGrid, type ReadTable } from './table.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Spreadsheet dates have no zone: exceljs puts the wall clock in the Date's UTC fields. */
function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const minutes = date.getUTCHours() * 60 + date.getUTCMinutes();
  return minutes === 0 ? day : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

type CellRead = { ok: true; value: Cell } | { ok: false; key: string; params: Record<string, string> };

function readCell(value: ExcelJS.CellValue, address: string): CellRead {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value === 'number' || typeof value === 'string') return { ok: true, value };
  if (typeof value === 'boolean') return { ok: true, value: String(value) };
  if (value instanceof Date) return { ok: true, value: dateText(value) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { ok: false, key: 'import.row.formulaWithoutValue', params: { cell: address } };
    return readCell(result as ExcelJS.CellValue, address);
  }
  if ('error' in value) return { ok: false, key: 'import.row.cellError', params: { cell: address, error: String(value.error) } };
  if ('richText' in value) return { ok: true, value: value.richText.map((run) => run.text).join('') };
  if ('text' in value) return { ok: true, value: String(value.text) };
  return { ok: true, value: null };
}

/**
 * Columns read at most. A sheet's size on disk says little about its width: one value in its last
 * column (XFD, the 16,384th) on each row makes a file of a few kilobytes a grid of tens of millions of
 * cells. A value beyond refuses the file, naming its cell; empty (formatted) cells there are passed over.
 */
export const MOST_COLUMNS = 1000;

export async function readXlsx(buffer: Buffer, sheetName?: string, headerLine?: number): Promise<ReadTable> {
  // Loaded here, not at the top: exceljs takes about half a second to load, and whatever builds the
  // service (the app, `rounds agenda`) would pay it at start.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError({ key: 'import.file.badWorkbook' });
  }
  // By default the first sheet with anything in it: a workbook often opens with an empty or notes sheet.
  const sheet = sheetName === undefined ? (workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0]) : workbook.getWorksheet(sheetName);
  if (!sheet) {
    throw new ImportFileError(sheetName === undefined ? { key: 'import.file.empty' } : { key: 'import.file.noSuchSheet', params: { sheet: sheetName, sheets: workbook.worksheets.map((s) => s.name).join(', ') } });
  }
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: Cell[] = [];
    const unreadable: Array<{ column: number; issue: ImportIssue }> = [];
    let width = row.cellCount;
    if (width > MOST_COLUMNS) {
      width = 0;
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        if (column <= MOST_COLUMNS) {
          width = column;
          return;
        }
        if (cell.isMerged && cell.master.address !== cell.address) return;
        const read = readCell(cell.value, cell.address);
        if (!read.ok || textOf(read.value) !== null) throw new ImportFileError({ key: 'import.file.tooWide', params: { cell: cell.address, most: MOST_COLUMNS } });
      });
    }
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      // A merged range (a title across the sheet) holds its value once, in its first cell; exceljs
      // repeats it in every cell of the range, which would make a title row look like a header row.
      if (cell.isMerged && cell.master.address !== cell.address) {
        cells.push(null);
        continue;
      }
      const read = readCell(cell.value, cell.address);
      cells.push(read.ok ? read.value : null);
      if (!read.ok) unreadable.push({ column: column - 1, issue: { key: read.key, params: read.params } });
    }
    grid.push(unreadable.length > 0 ? { line: rowNumber, cells, unreadable } : { line: rowNumber, cells });
  });
  const table = tableFromGrid(grid, sheet.name, { strictWidth: false, ...(headerLine === undefined ? {} : { headerLine }) });
  return { ...table, sheets: workbook.worksheets.map((s) => s.name) };
}
