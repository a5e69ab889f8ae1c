/** The rows a reader found: the source table plus the rows it could not use (ragged, formula without value). */
import type { RowProblem } from '../../core/import/issues.js';
import type { SourceTable } from '../../core/import/rows.js';

export interface ReadTable extends SourceTable {
  problems: RowProblem[];
  /** how the file was read: `utf-8`, `gb18030` … for CSV; the sheet name for a workbook */
  source: string;
}

/** Headers as keys of a mapping: a blank header becomes `(3)`, a repeated one `Phone (2)`. */
export function uniqueHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((header, index) => {
    const base = header.trim() || `(${index + 1})`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}
