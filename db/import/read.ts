/**
 * Reads an import file into rows: CSV (any common encoding and delimiter) or XLSX, chosen by the
 * file's extension. Refuses, with an `ImportFileError`, what cannot be imported: a missing or empty
 * file, one over the size limit (checked before reading it), and a file that is not text or not a
 * workbook (a binary renamed .csv, the old .xls format).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readCsv } from './csv.js';
import { ImportFileError } from './fileError.js';
import type { ReadTable } from './table.js';
import { readXlsx } from './xlsx.js';

export const DEFAULT_MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ReadOptions {
  maxBytes?: number;
  /** the sheet of a workbook (default: the first with rows) */
  sheet?: string;
  /** the line of the header row (1 = the first); detected when absent */
  headerLine?: number;
}

const CSV_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);
const ZIP_MAGIC = Buffer.from('PK\x03\x04', 'latin1');

export async function readImportFile(file: string, options: ReadOptions = {}): Promise<ReadTable> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new ImportFileError({ key: 'import.file.notFound', params: { file } });
  }
  if (size > maxBytes) throw new ImportFileError({ key: 'import.file.tooLarge', params: { megabytes: +(size / 1048576).toFixed(1), limit: +(maxBytes / 1048576).toFixed(1) } });
  if (size === 0) throw new ImportFileError({ key: 'import.file.empty' });
  const extension = path.extname(file).toLowerCase();
  const buffer = fs.readFileSync(file);
  if (extension === '.xlsx') return readXlsx(buffer, options.sheet, options.headerLine);
  if (CSV_EXTENSIONS.has(extension)) {
    if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) throw new ImportFileError({ key: 'import.file.workbookNamedCsv' });
    return readCsv(buffer, options.headerLine);
  }
  throw new ImportFileError({ key: 'import.file.unsupportedType', params: { extension: extension || '-' } });
}
