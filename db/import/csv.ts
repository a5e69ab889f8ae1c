/**
 * CSV files as they arrive: UTF-8 with or without BOM, UTF-16 ("Unicode text" from Excel), or a
 * legacy code page — GB18030/GBK above all, what Excel writes on a Chinese Windows — told apart by
 * chardet; comma, semicolon, tab or bar as the delimiter. Refuses what is not text.
 */
import chardet from 'chardet';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import type { GridRow } from '../../core/import/headerRow.js';
import { ImportFileError } from './fileError.js';
import { tableFromGrid, type ReadTable } from './table.js';

const SNIFF_BYTES = 64 * 1024;
/** Control characters (other than tab, CR, LF, FF) that no text file has in any number. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0B\x0E-\x1F\x7F]/g;
const MAX_CONTROL_SHARE = 0.01;
const DELIMITERS = [',', ';', '\t', '|'] as const;

function decode(buffer: Buffer): { text: string; encoding: string } {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf16be'), encoding: 'utf-16be' };
  if (buffer.subarray(0, SNIFF_BYTES).includes(0)) throw new ImportFileError({ key: 'import.file.notText' });
  const hasBom = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer), encoding: hasBom ? 'utf-8 (BOM)' : 'utf-8' };
  } catch {
    if (hasBom) throw new ImportFileError({ key: 'import.file.badEncoding', params: { encoding: 'UTF-8' } });
  }
  const candidate = chardet.analyse(buffer.subarray(0, SNIFF_BYTES)).find((match) => iconv.encodingExists(match.name));
  if (!candidate) throw new ImportFileError({ key: 'import.file.notText' });
  // GB18030 is a superset of GBK and GB2312: decode with it whichever of the three was detected.
  const encoding = /^(gb|gbk|gb2312|gb18030)$/i.test(candidate.name) ? 'gb18030' : candidate.name.toLowerCase();
  return { text: iconv.decode(buffer, encoding), encoding };
}

function assertText(text: string): void {
  const controls = text.slice(0, SNIFF_BYTES).match(CONTROL)?.length ?? 0;
  if (controls > Math.max(1, text.slice(0, SNIFF_BYTES).length * MAX_CONTROL_SHARE)) throw new ImportFileError({ key: 'import.file.notText' });
}

/**
 * The delimiter that splits the first lines into the most columns, the same number on most lines (the
 * first line may be a title above the header, with no delimiter in it).
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '').slice(0, 20);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => line.split(delimiter).length - 1).filter((count) => count > 0);
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    const [columns, consistent] = [...frequency].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
    const score = columns === 0 ? 0 : consistent * 1000 + columns;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

const newlinesIn = (text: string) => (text.replace(/\r?\n$/, '').match(/\n/g) ?? []).length;

export function readCsv(buffer: Buffer, headerLine?: number): ReadTable {
  const { text, encoding } = decode(buffer);
  assertText(text);
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new ImportFileError({ key: 'import.file.empty' });
  let records: ParsedRecord[];
  try {
    records = parse(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true, info: true, raw: true }) as unknown as ParsedRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportFileError({ key: 'import.file.badCsv', params: { line } });
  }
  const grid: GridRow[] = records.map(({ record, info, raw }) => ({ line: info.lines - newlinesIn(raw), cells: record }));
  return tableFromGrid(grid, encoding, { strictWidth: true, ...(headerLine === undefined ? {} : { headerLine }) });
}
