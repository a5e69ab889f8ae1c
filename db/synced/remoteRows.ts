/**
 * Rows as the server has them: a pulled row, or the current row sent back with a refused change, is
 * applied here — never over a field a pending local change is about to push, never writing an outbox
 * entry; a note text that arrives joins the note's history, and a corrected visit's record its history.
 */
import type { VisitRecord } from '../../core/model/schemas.js';
import type { PulledRow, SyncedTable } from '../../core/sync/protocol.js';
import type { Db } from '../connection.js';
import { columnOf, fromRow, statement, toSqlValue, type ColumnKind, type SqlRow } from '../repo/table.js';
import { keepFirstText, recordSyncedText } from './noteHistory.js';
import { NOTHING_PENDING, pendingChangesOf, type PendingChanges } from './outbox.js';
import { isSyncedTable, SYNCED_SPECS, SYNCED_TABLE_ORDER } from './tables.js';
import { recordSyncedVisit } from './visitHistory.js';

/**
 * Pulled pages arrive in server-version order, which is not parent-before-child order (an account edited
 * after its notes were written comes after them), and a parent may be on a later page. The server is
 * authoritative for references, so foreign keys are not checked while a page is applied.
 */
export function withoutForeignKeys<T>(db: Db, work: () => T): T {
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Each synced table's fields with their column names, worked out once (a pull applies ~200,000 rows). */
const tableColumns = new Map<SyncedTable, ReadonlyArray<{ field: string; column: string; kind: ColumnKind }>>();
function columnsOf(table: SyncedTable): ReadonlyArray<{ field: string; column: string; kind: ColumnKind }> {
  let columns = tableColumns.get(table);
  if (!columns) {
    columns = Object.entries(SYNCED_SPECS[table].fields).map(([field, kind]) => ({ field, column: columnOf(field), kind }));
    tableColumns.set(table, columns);
  }
  return columns;
}

/** What a page of pulled rows is applied against, read once for the whole page. */
export interface PageState {
  /** the outbox's pending changes by `table/id` */
  pending: ReadonlyMap<string, PendingChanges>;
  /** the local rows the page touches, by `table/id` (absent: no such local row) */
  locals: ReadonlyMap<string, SqlRow>;
}

/** Reads the page's local rows and their pending changes (the outbox by row, schema 7): two queries per table and page, not two per row. */
export function readPageState(db: Db, rows: readonly PulledRow[]): PageState {
  const locals = new Map<string, SqlRow>();
  const pending = new Map<string, PendingChanges>();
  const idsByTable = new Map<SyncedTable, string[]>();
  for (const row of rows) {
    if (!isSyncedTable(row.table)) continue;
    const ids = idsByTable.get(row.table);
    if (ids) ids.push(row.id);
    else idsByTable.set(row.table, [row.id]);
  }
  for (const [table, ids] of idsByTable) {
    const found = statement(db, `SELECT * FROM ${SYNCED_SPECS[table].table} WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as SqlRow[];
    for (const local of found) locals.set(`${table}/${local.id as string}`, local);
    for (const [key, changes] of pendingChangesOf(db, table, ids)) pending.set(key, changes);
  }
  return { pending, locals };
}

/**
 * Applies one pulled row; returns whether it changed anything. A caller applying a page of rows passes
 * the page's state read once (`readPageState`); a single row reads its own.
 */
export function applyPulledRow(db: Db, row: PulledRow, page?: PageState): boolean {
  if (!isSyncedTable(row.table)) return false;
  const spec = SYNCED_SPECS[row.table];
  const key = `${row.table}/${row.id}`;
  const local = page ? page.locals.get(key) : (statement(db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(row.id) as SqlRow | undefined);
  // An older version than one we already hold (our own push went past this page's snapshot).
  if (local && typeof local.server_version === 'number' && local.server_version > row.version) return false;
  const pending = (page ? page.pending : pendingChangesOf(db, row.table, [row.id])).get(key) ?? NOTHING_PENDING;
  // Our delete goes out with the next push; the server then sends the tombstone.
  if (pending.deleted) return false;
  const data = row.data;
  const deletedAt = (data.deletedAt as string | null | undefined) ?? null;
  const fields: string[] = [];
  const values: Record<string, unknown> = {};
  const sets: Record<string, unknown> = {};
  for (const { field, column, kind } of columnsOf(row.table)) {
    if (!(field in data) || pending.fields.has(field)) continue;
    fields.push(field);
    values[field] = data[field];
    sets[column] = toSqlValue(kind, data[field]);
  }
  Object.assign(sets, spec.derive?.(values), { deleted_at: deletedAt, server_version: row.version, owner_id: row.ownerId });
  if (typeof data.updatedAt === 'string') sets.updated_at = data.updatedAt;
  if (!local) {
    // A tombstone of a row we never had: nothing to delete.
    if (deletedAt !== null) return false;
    const columns = { id: row.id, created_at: data.createdAt ?? data.updatedAt, ...sets };
    const names = Object.keys(columns);
    statement(db, `INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...Object.values(columns));
  } else {
    const names = Object.keys(sets);
    // A row sent again exactly as this laptop holds it (a first sync's priority rows come again in its
    // full pull) writes nothing: no update, no trigger, no history entry.
    if (names.every((name) => sets[name] === local[name])) return false;
    statement(db, `UPDATE ${spec.table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(sets), row.id);
  }
  // A note new to this laptop writes no history (a first sync's 97,175 notes): the text it arrives with is
  // its history's implicit first text (noteHistory.ts). A note already here keeps the text it had as
  // revision 1 before a second text joins, or before any other change moves the time that text shows.
  if (row.table === 'notes' && local) {
    const textArrived = fields.includes('body') && (local.body !== data.body || (deletedAt !== null && local.deleted_at === null));
    const at = typeof data.updatedAt === 'string' ? data.updatedAt : new Date().toISOString();
    if (textArrived) recordSyncedText(db, row.id, String(data.body), { deleted: deletedAt !== null, at, before: local });
    else keepFirstText(db, row.id, local);
  }
  // A visit corrected on another device: the new record joins the history of a visit corrected here.
  if (row.table === 'visits' && local && deletedAt === null) {
    const visit = statement(db, 'SELECT * FROM visits WHERE id = ?').get(row.id) as SqlRow;
    recordSyncedVisit(db, row.id, fromRow<VisitRecord>(SYNCED_SPECS.visits, visit), typeof data.updatedAt === 'string' ? data.updatedAt : new Date().toISOString());
  }
  return true;
}

/**
 * A full resync: drops every synced row except those with changes still to push (they go out with
 * the next push and come back with the full pull), and the history of the notes and visits dropped.
 */
export function dropSyncedRows(db: Db): void {
  for (const table of [...SYNCED_TABLE_ORDER].reverse()) {
    statement(db, `DELETE FROM ${table} WHERE id NOT IN (SELECT row_id FROM outbox WHERE table_name = ?)`).run(table);
  }
  statement(db, 'DELETE FROM note_revisions WHERE note_id NOT IN (SELECT id FROM notes)').run();
  statement(db, 'DELETE FROM visit_revisions WHERE visit_id NOT IN (SELECT id FROM visits)').run();
}
