/**
 * The dry run: what an import would do, written nowhere. Counts of new / updated / unchanged /
 * invalid rows, every invalid row with its line and reason (unreadable rows, invalid values,
 * duplicates within the file), and the rows that matched existing data.
 */
import type { ColumnMapping } from '../../core/import/columns.js';
import type { DateOrder } from '../../core/import/dates.js';
import type { RowProblem } from '../../core/import/issues.js';
import { buildRecords, type SourceTable } from '../../core/import/rows.js';
import type { ImportKind } from '../../core/import/columns.js';
import type { Db } from '../connection.js';
import { ImportFileError } from './fileError.js';
import { reconcile, type Duplicate, type ImportSink, type RowOutcome } from './reconcile.js';

export interface ImportRequest {
  /** rows as read; `problems` are rows the reader could not use */
  table: SourceTable & { problems?: readonly RowProblem[] };
  mapping: ColumnMapping;
  order?: DateOrder | null;
  timeZone: string;
}

export interface ImportPlan {
  kind: ImportKind;
  counts: Record<RowOutcome | 'invalid', number>;
  /** sorted by line; a row may have several */
  invalid: RowProblem[];
  duplicates: Duplicate[];
}

/** A sink that writes nothing and names the rows it would create `pending:1`, `pending:2` … */
function dryRunSink(): ImportSink {
  let next = 0;
  const pendingId = () => `pending:${(next += 1)}`;
  const ignore = () => {};
  return { createAccount: pendingId, createContact: pendingId, createDate: pendingId, createVisit: pendingId, updateAccount: ignore, updateContact: ignore, updateDate: ignore };
}

/** Builds, matches and tallies; `sink` decides whether anything is written. */
export function runImport(db: Db, request: ImportRequest, sink: ImportSink): ImportPlan {
  if (!Object.values(request.mapping).includes('accountName')) throw new ImportFileError({ key: 'import.mapping.noAccountName' });
  const built = buildRecords(request.table, request.mapping, { order: request.order ?? null, timeZone: request.timeZone });
  const reconciled = reconcile(db, built.records, built.kind, sink);
  const invalid = [...(request.table.problems ?? []), ...built.problems, ...reconciled.problems].sort((a, b) => a.line - b.line);
  const counts = { new: 0, updated: 0, unchanged: 0, invalid: new Set(invalid.map((problem) => problem.line)).size };
  for (const { outcome } of reconciled.outcomes) counts[outcome] += 1;
  return { kind: built.kind, counts, invalid, duplicates: reconciled.duplicates };
}

export function planImport(db: Db, request: ImportRequest): ImportPlan {
  return runImport(db, request, dryRunSink());
}
