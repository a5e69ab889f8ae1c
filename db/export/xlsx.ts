/**
 * XLSX through exceljs's streaming WorkbookWriter: each row is committed (written out) as soon as it
 * is added, so a million rows never sit in memory. Cells are typed (dates as dates, numbers as
 * numbers), the header row (under a section's caption, if any) is frozen and bold, columns have
 * widths, one sheet per section.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { ColumnType, Section } from './columns.js';
import { ROWS_PER_TICK, throwIfAborted, writeAtomically, yieldToEventLoop, type ExportOptions } from './job.js';

const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};

/**
 * exceljs's streaming writer pushes each committed row into the zip entry's input (a PassThrough)
 * without heeding backpressure: when rows come faster than deflate takes them, they pile up there
 * (hundreds of MB for a million rows). This reaches that PassThrough — exceljs internals, hence the
 * defensive shape — so the writer can wait for it to drain.
 */
interface ZipEntryInput {
  _writableState?: { length: number };
  once(event: 'drain', listener: () => void): unknown;
}

function zipEntryInput(sheet: ExcelJS.Worksheet): ZipEntryInput | undefined {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const input = pipes?.[0] as ZipEntryInput | undefined;
  return typeof input?._writableState?.length === 'number' ? input : undefined;
}

/** Rows waiting for deflate may take this much memory before the writer waits. */
const MAX_ZIP_BACKLOG_BYTES = 8 << 20;

async function waitForZip(sheet: ExcelJS.Worksheet): Promise<void> {
  const input = zipEntryInput(sheet);
  if (input && input._writableState!.length > MAX_ZIP_BACKLOG_BYTES) await new Promise<void>((resolve) => input.once('drain', resolve));
  else await yieldToEventLoop();
}

/** Excel refuses sheet names longer than 31 characters or containing []:*?/\ */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';
}

async function writeSection(workbook: ExcelJS.stream.xlsx.WorkbookWriter, section: Section, progress: { done: number; total: number }, options: ExportOptions): Promise<void> {
  const { table, caption = [] } = section;
  // A caption takes its lines and an empty one above the header row, which stays frozen under them.
  const headerRow = caption.length === 0 ? 1 : caption.length + 2;
  const sheet = workbook.addWorksheet(sheetName(section.name), { views: [{ state: 'frozen', ySplit: headerRow }] });
  sheet.columns = table.columns.map((column, index) => {
    const numFmt = NUMBER_FORMATS[column.type];
    return { key: String(index), width: column.width, ...(numFmt ? { style: { numFmt } } : {}) };
  });
  caption.forEach((line, index) => {
    const row = sheet.getRow(index + 1);
    row.getCell(1).value = line;
    if (index === 0) row.font = { bold: true, size: 14 };
    row.commit();
  });
  const header = sheet.getRow(headerRow);
  header.values = table.columns.map((column) => column.header);
  header.font = { bold: true };
  header.commit();
  for (const row of table.rows) {
    sheet.addRow(table.columns.map((column) => column.value(row))).commit();
    progress.done += 1;
    if (progress.done % ROWS_PER_TICK === 0) {
      options.onProgress?.(progress.done, progress.total);
      // Lets the zip catch up before more rows pile up, and an abort get through.
      await waitForZip(sheet);
      throwIfAborted(options.signal);
    }
  }
  sheet.commit();
}

export async function writeXlsx(target: string, sections: readonly Section[], options: ExportOptions = {}): Promise<void> {
  await writeAtomically(target, options.signal, async (tempPath) => {
    const file = fs.createWriteStream(tempPath);
    const closed = once(file, 'close');
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: file, useStyles: true, useSharedStrings: false });
    const progress = { done: 0, total: sections.reduce((sum, section) => sum + section.table.total, 0) };
    options.onProgress?.(0, progress.total);
    try {
      for (const section of sections) await writeSection(workbook, section, progress, options);
    } finally {
      // Also on abort: finishing the zip is the one way to let exceljs close the file it writes.
      await workbook.commit();
      await closed;
    }
    options.onProgress?.(progress.done, progress.total);
  });
}
