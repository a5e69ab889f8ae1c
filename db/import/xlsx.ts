/**
 * XLSX workbooks through exceljs: the first sheet or a named one, the first non-empty row as the
 * header. Formulas give their cached value (what Excel last computed and saved); a formula saved
 * without one, or an error value (#N/A, #DIV/0!), makes its row invalid rather than guessing.
 */
import type ExcelJS from 'exceljs';
import type { RowProblem } from '../../core/import/issues.js';
import type { SourceRow } from '../../core/import/rows.js';
import type { Cell } from '../../core/import/values.js';
import { ImportFileError } from './fileError.js';
import { uniqueHeaders, type ReadTable } from './table.js';

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

export async function readXlsx(buffer: Buffer, sheetName?: string): Promise<ReadTable> {
  // Loaded here, not at the top: exceljs takes about half a second to load, and whatever builds the
  // service (the app, `rounds agenda`) would pay it at start.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError({ key: 'import.file.badWorkbook' });
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  if (!sheet) {
    throw new ImportFileError(sheetName === undefined ? { key: 'import.file.empty' } : { key: 'import.file.noSuchSheet', params: { sheet: sheetName, sheets: workbook.worksheets.map((s) => s.name).join(', ') } });
  }
  let headers: string[] | null = null;
  const rows: SourceRow[] = [];
  const problems: RowProblem[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const width = headers?.length ?? row.cellCount;
    const cells: Cell[] = [];
    const rowProblems: RowProblem[] = [];
    for (let column = 1; column <= width; column += 1) {
      const cell = row.getCell(column);
      const read = readCell(cell.value, cell.address);
      if (read.ok) cells.push(read.value);
      else rowProblems.push({ line: rowNumber, issue: { key: read.key, params: read.params } });
    }
    if (headers === null) headers = uniqueHeaders(cells.map((cell) => (cell === null ? '' : String(cell))));
    else if (rowProblems.length > 0) problems.push(...rowProblems);
    else rows.push({ line: rowNumber, cells });
  });
  if (headers === null) throw new ImportFileError({ key: 'import.file.empty' });
  if (rows.length === 0 && problems.length === 0) throw new ImportFileError({ key: 'import.file.noRows' });
  return { headers, rows, problems, source: sheet.name };
}
