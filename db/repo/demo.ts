/**
 * Which rows are demo data (schema 9's `demo_rows`, filled by `demo.load`). A change of a demo row, or
 * of a row that points at one through its foreign keys (a note written on a demo account) or a list of
 * ids (the people a visit met), is
 * "demo-bound": it never goes to the team's server while the demo data is here (`outbox.ts`), and
 * `db/sync/demo.ts` settles it when the demo data is removed.
 */
import type { Db } from '../connection.js';
import { statement } from './table.js';

export function hasDemoRows(db: Db): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM demo_rows)').pluck().get() === 1;
}

/** The ids of a table's demo rows. */
export function demoRowIds(db: Db, table: string): Set<string> {
  return new Set(statement(db, 'SELECT row_id FROM demo_rows WHERE table_name = ?').pluck().all(table) as string[]);
}

export function isDemoRow(db: Db, table: string, id: string): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM demo_rows WHERE table_name = ? AND row_id = ?)').pluck().get(table, id) === 1;
}

export interface RowReference {
  column: string;
  target: string;
}

const referenceCache = new WeakMap<Db, Map<string, RowReference[]>>();

/** A table's columns that point at other rows, from the schema's foreign keys (it never changes while open). */
export function referencesOf(db: Db, table: string): RowReference[] {
  let cache = referenceCache.get(db);
  if (!cache) referenceCache.set(db, (cache = new Map()));
  let references = cache.get(table);
  if (!references) {
    const keys = db.pragma(`foreign_key_list(${table})`) as Array<{ table: string; from: string }>;
    cache.set(table, (references = keys.map((key) => ({ column: key.from, target: key.table }))));
  }
  return references;
}

/** Columns holding a JSON list of row ids, which no foreign key can describe: the people a visit met. */
export const LIST_REFERENCES: Readonly<Record<string, readonly RowReference[]>> = { visits: [{ column: 'met_contact_ids', target: 'contacts' }] };

/** The rows this row points at directly. */
export function parentsOf(db: Db, table: string, id: string): Array<[string, string]> {
  const references = referencesOf(db, table);
  const lists = LIST_REFERENCES[table] ?? [];
  if (references.length + lists.length === 0) return [];
  const columns = [...references, ...lists].map((r) => r.column);
  const row = statement(db, `SELECT ${columns.join(', ')} FROM ${table} WHERE id = ?`).get(id) as Record<string, string | null> | undefined;
  if (!row) return [];
  return [
    ...references.flatMap(({ column, target }) => (row[column] != null ? [[target, row[column]] as [string, string]] : [])),
    ...lists.flatMap(({ column, target }) => (JSON.parse(row[column] ?? '[]') as string[]).map((listed): [string, string] => [target, listed])),
  ];
}

/** Whether a change of this row must stay on the laptop: it is demo data, or hangs off some. */
export function isDemoBound(db: Db, table: string, id: string): boolean {
  if (!hasDemoRows(db)) return false;
  const bound = (t: string, rowId: string): boolean => isDemoRow(db, t, rowId) || parentsOf(db, t, rowId).some(([pt, pid]) => bound(pt, pid));
  return bound(table, id);
}
