/**
 * CSV for Excel and everything else: UTF-8 with a byte-order mark (without it Excel guesses the
 * legacy code page and garbles Chinese), RFC 4180 quoting and CRLF line ends, a header row, and text
 * cells that a spreadsheet would run as a formula neutralised with a leading apostrophe.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { CellValue, ColumnType, Table } from './columns.js';
import { ROWS_PER_TICK, throwIfAborted, writeAtomically, yieldToEventLoop, type ExportOptions } from './job.js';

const BOM = '\uFEFF';
/** Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell as it is safe to open in a spreadsheet. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, quote or line break goes in quotes, its quotes doubled. */
export function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatCell(value: CellValue, type: ColumnType): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
    return type === 'date' ? day : `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}`;
  }
  // Numbers are data, not formulas: a negative number keeps its minus sign.
  if (typeof value === 'number') return String(value);
  return quoteField(neutraliseFormula(value));
}

/** Buffered text is handed to the file stream in chunks of about this size. */
const CHUNK_CHARS = 1 << 16;

export async function writeCsv<Row>(target: string, table: Table<Row>, options: ExportOptions = {}): Promise<void> {
  const { signal, onProgress } = options;
  await writeAtomically(target, signal, async (tempPath) => {
    const out = fs.createWriteStream(tempPath, { encoding: 'utf8' });
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    failed.catch(() => {}); // observed through the races below; never an unhandled rejection
    const flush = async (text: string) => {
      if (!out.write(text)) await Promise.race([once(out, 'drain'), failed]);
    };
    try {
      let buffer = BOM + table.columns.map((column) => quoteField(neutraliseFormula(column.header))).join(',') + '\r\n';
      let done = 0;
      onProgress?.(0, table.total);
      for (const row of table.rows) {
        buffer += table.columns.map((column) => formatCell(column.value(row), column.type)).join(',') + '\r\n';
        done += 1;
        if (buffer.length >= CHUNK_CHARS) {
          await flush(buffer);
          buffer = '';
        }
        if (done % ROWS_PER_TICK === 0) {
          onProgress?.(done, table.total);
          await yieldToEventLoop();
          throwIfAborted(signal);
        }
      }
      await flush(buffer);
      // Wait for the file to be closed, not only flushed: Windows cannot rename an open file.
      out.end();
      await Promise.race([once(out, 'close'), failed]);
      onProgress?.(done, table.total);
    } finally {
      if (!out.closed) {
        out.destroy();
        await once(out, 'close');
      }
    }
  });
}
