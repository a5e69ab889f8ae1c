/**
 * Pull: rows changed since the cursor, page by page, each page applied in one transaction together
 * with the new cursor (a crash mid-pull resumes from the last whole page). Pulled rows write no outbox
 * entries, and never overwrite a field that a pending local change is about to push.
 */
import { SYNC_LIMITS, type PulledRow, type SyncedTable } from '../../core/sync/protocol.js';
import type { Db } from '../connection.js';
import { recordSyncedText } from '../repo/notes.js';
import { columnOf, statement, toSqlValue, type ColumnKind, type SqlRow } from '../repo/table.js';
import { SyncError, type SyncConnection } from './http.js';
import { refuseIfBehindServer } from './identity.js';
import { readSyncState, saveAcknowledged, saveCursor, saveOwnerNames } from './state.js';
import { isSyncedTable, SYNCED_SPECS, SYNCED_TABLE_ORDER } from './tables.js';

export interface PullProgress {
  done: number;
  /** when the server says how many rows the whole pull brings */
  total?: number;
}

export interface PullReport {
  pulled: number;
  /** the server asked for a full resync (our cursor was older than its tombstone purge window) */
  reset: boolean;
}

export interface PullOptions {
  pageSize?: number;
  onProgress?: (progress: PullProgress) => void;
}

/**
 * Pulled pages arrive in server-version order, which is not parent-before-child order (an account edited
 * after its notes were written comes after them), and a parent may be on a later page. The server is
 * authoritative for references, so foreign keys are not checked while a page is applied.
 */
function withoutForeignKeys<T>(db: Db, work: () => T): T {
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(work)();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Fields of a row that local changes still waiting in the outbox will set; `deleted` if one deletes it. */
interface PendingChanges {
  deleted: boolean;
  fields: Set<string>;
}

interface OutboxChange {
  table_name: string;
  row_id: string;
  op: string;
  fields: string;
}

/** Pending changes per `table/id`, folded from outbox entries. */
function foldPending(entries: readonly OutboxChange[]): Map<string, PendingChanges> {
  const byRow = new Map<string, PendingChanges>();
  for (const entry of entries) {
    const key = `${entry.table_name}/${entry.row_id}`;
    let pending = byRow.get(key);
    if (!pending) byRow.set(key, (pending = { deleted: false, fields: new Set() }));
    if (entry.op === 'delete') pending.deleted = true;
    for (const field of Object.keys(JSON.parse(entry.fields) as object)) pending.fields.add(field);
  }
  return byRow;
}

const NOTHING_PENDING: PendingChanges = { deleted: false, fields: new Set() };

function pendingChangesOf(db: Db, table: SyncedTable, id: string): PendingChanges {
  const entries = statement(db, 'SELECT table_name, row_id, op, fields FROM outbox WHERE table_name = ? AND row_id = ?').all(table, id) as OutboxChange[];
  return foldPending(entries).get(`${table}/${id}`) ?? NOTHING_PENDING;
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
function pageState(db: Db, rows: readonly PulledRow[]): PageState {
  const locals = new Map<string, SqlRow>();
  const idsByTable = new Map<SyncedTable, string[]>();
  for (const row of rows) {
    if (!isSyncedTable(row.table)) continue;
    const ids = idsByTable.get(row.table);
    if (ids) ids.push(row.id);
    else idsByTable.set(row.table, [row.id]);
  }
  const pendingEntries: OutboxChange[] = [];
  for (const [table, ids] of idsByTable) {
    const idList = JSON.stringify(ids);
    const found = statement(db, `SELECT * FROM ${SYNCED_SPECS[table].table} WHERE id IN (SELECT value FROM json_each(?))`).all(idList) as SqlRow[];
    for (const local of found) locals.set(`${table}/${local.id as string}`, local);
    pendingEntries.push(...(statement(db, 'SELECT table_name, row_id, op, fields FROM outbox WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))').all(table, idList) as OutboxChange[]));
  }
  return { pending: foldPending(pendingEntries), locals };
}

/**
 * Applies one pulled row; returns whether it changed anything. A caller applying a page of rows passes
 * the page's state read once (`pageState`); a single row reads its own.
 */
export function applyPulledRow(db: Db, row: PulledRow, page?: PageState): boolean {
  if (!isSyncedTable(row.table)) return false;
  const spec = SYNCED_SPECS[row.table];
  const key = `${row.table}/${row.id}`;
  const local = page ? page.locals.get(key) : (statement(db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(row.id) as SqlRow | undefined);
  // An older version than one we already hold (our own push went past this page's snapshot).
  if (local && typeof local.server_version === 'number' && local.server_version > row.version) return false;
  const pending = page ? (page.pending.get(key) ?? NOTHING_PENDING) : pendingChangesOf(db, row.table, row.id);
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
    statement(db, `UPDATE ${spec.table} SET ${names.map((name) => `${name} = ?`).join(', ')} WHERE id = ?`).run(...Object.values(sets), row.id);
  }
  const textArrived = row.table === 'notes' && fields.includes('body') && (local?.body !== data.body || (deletedAt !== null && local?.deleted_at === null));
  if (textArrived) {
    // A note new to this laptop has no local history yet (a full resync drops the history with the note).
    recordSyncedText(db, row.id, String(data.body), { deleted: deletedAt !== null, at: typeof data.updatedAt === 'string' ? data.updatedAt : new Date().toISOString(), first: !local });
  }
  return true;
}

/**
 * A full resync: drops every synced row except those with changes still to push (they go out with
 * the next push and come back with the full pull), and forgets the cursor.
 */
export function dropSyncedData(db: Db): void {
  withoutForeignKeys(db, () => {
    for (const table of [...SYNCED_TABLE_ORDER].reverse()) {
      statement(db, `DELETE FROM ${table} WHERE id NOT IN (SELECT row_id FROM outbox WHERE table_name = ?)`).run(table);
    }
    statement(db, 'DELETE FROM note_revisions WHERE note_id NOT IN (SELECT id FROM notes)').run();
    saveCursor(db, null);
  });
}

/**
 * A pull of many pages (a new laptop's first sync: ~200,000 rows) writes far more than SQLite's WAL
 * checkpoints every 4 MB; checkpointing once at the end copies each database page once instead of many
 * times (first sync of the `rep` data set: 10.7 s → 8.9 s). Its writes that fire a trigger (a done visit
 * moving its account's last visit) keep a statement journal per row, a temp file by default: in memory
 * that costs ~14 µs a row instead of ~40 (50,000 visits: 2.2 s → 0.7 s). Only here: elsewhere temp files
 * keep big sorts (an export of a million visits) out of memory.
 */
function bulkWriting(db: Db): () => void {
  const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const tempStore = db.pragma('temp_store', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('temp_store = MEMORY');
  return () => {
    db.pragma(`temp_store = ${tempStore}`);
    db.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    db.pragma('wal_checkpoint(PASSIVE)');
  };
}

export async function pullChanges(db: Db, connection: SyncConnection, options: PullOptions = {}): Promise<PullReport> {
  let endBulkWriting: (() => void) | undefined;
  try {
    return await pullPages(db, connection, options, () => (endBulkWriting ??= bulkWriting(db)));
  } finally {
    endBulkWriting?.();
  }
}

async function pullPages(db: Db, connection: SyncConnection, options: PullOptions, manyPages: () => void): Promise<PullReport> {
  const report: PullReport = { pulled: 0, reset: false };
  let total: number | undefined;
  const pageSize = options.pageSize ?? SYNC_LIMITS.pullPageMax;
  let request = connection.pull(readSyncState(db).cursor, pageSize, { withTotal: true });
  for (;;) {
    const page = await request;
    if (page.resetRequired) {
      // A server that asks again right after a reset would make us loop.
      if (report.reset) throw new SyncError('server', 'reset requested twice');
      dropSyncedData(db);
      report.reset = true;
      request = connection.pull(null, pageSize, { withTotal: true });
      continue;
    }
    if (page.hasMore) {
      manyPages();
      // The next page is read on the server while this one is written here. If writing fails, the
      // request's outcome is ignored (the cursor saved with the last whole page is where the next pull starts).
      request = connection.pull(page.cursor, pageSize);
      request.catch(() => undefined);
      // Writing the page blocks this thread: let the request go out first, or the server would only see
      // it once the page is written (first sync of the `rep` data set: ~11 s → ~9 s).
      await new Promise((resolve) => setImmediate(resolve));
    }
    total ??= page.total;
    // Before the outbox is trimmed to what the server has processed: see `refuseIfBehindServer`.
    refuseIfBehindServer(db, page.lastMutationId);
    withoutForeignKeys(db, () => {
      // Mutations the server has processed are part of this snapshot: their fields no longer need protecting.
      statement(db, 'DELETE FROM outbox WHERE mutation_id <= ?').run(page.lastMutationId);
      saveAcknowledged(db, page.lastMutationId);
      const state = pageState(db, page.rows);
      for (const row of page.rows) applyPulledRow(db, row, state);
      if (page.owners) saveOwnerNames(db, page.owners);
      saveCursor(db, page.cursor);
    });
    report.pulled += page.rows.length;
    options.onProgress?.(total === undefined ? { done: report.pulled } : { done: report.pulled, total });
    if (!page.hasMore) return report;
  }
}
