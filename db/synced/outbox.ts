/**
 * The outbox: every local change to a synced row, in order, waiting to be pushed. The local writers
 * (`localWrites.ts`) append to it inside the transaction that makes the change, so a change and its
 * entry commit together; every read, settlement and removal of an entry is here too, so push, pull and
 * the client identity (db/sync) handle entries only through these functions.
 */
import type { Db } from '../connection.js';
import { isDemoBound } from '../repo/demo.js';
import { statement } from '../repo/table.js';

export type OutboxOp = 'upsert' | 'delete';

export interface OutboxEntry {
  mutationId: number;
  table: string;
  rowId: string;
  op: OutboxOp;
  /** only the fields this change set, camelCase */
  fields: Record<string, unknown>;
  /** the server version the row had when it was changed (null until synced) */
  baseVersion: number | null;
  createdAt: string;
}

const appendListeners = new WeakMap<Db, Set<() => void>>();

/**
 * Calls `listener` whenever an entry joins this connection's outbox (the sync client pushes soon
 * after). It is called inside the writer's transaction, before the change commits: it may only
 * schedule work, never read or write. Returns the unsubscribe function.
 */
export function onOutboxAppend(db: Db, listener: () => void): () => void {
  let listeners = appendListeners.get(db);
  if (!listeners) appendListeners.set(db, (listeners = new Set()));
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function appendOutbox(db: Db, entry: Omit<OutboxEntry, 'mutationId'>): void {
  // Demo data never goes to the team's server: changes about it wait apart until it is removed (demo.ts).
  const table = isDemoBound(db, entry.table, entry.rowId) ? 'demo_held_changes' : 'outbox';
  statement(
    db,
    `INSERT INTO ${table} (table_name, row_id, op, fields, base_version, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(entry.table, entry.rowId, entry.op, JSON.stringify(entry.fields), entry.baseVersion, entry.createdAt);
  if (table === 'outbox') for (const listener of appendListeners.get(db) ?? []) listener();
}

interface OutboxRow {
  mutation_id: number;
  table_name: string;
  row_id: string;
  op: OutboxOp;
  fields: string;
  base_version: number | null;
  created_at: string;
}

/** Pending entries, oldest first. */
export function listOutbox(db: Db, options: { afterMutationId?: number; limit?: number } = {}): OutboxEntry[] {
  const rows = statement(db, 'SELECT * FROM outbox WHERE mutation_id > ? ORDER BY mutation_id LIMIT ?').all(
    options.afterMutationId ?? 0,
    options.limit ?? 1000,
  ) as OutboxRow[];
  return rows.map((row) => ({
    mutationId: row.mutation_id,
    table: row.table_name,
    rowId: row.row_id,
    op: row.op,
    fields: JSON.parse(row.fields) as Record<string, unknown>,
    baseVersion: row.base_version,
    createdAt: row.created_at,
  }));
}

/** The highest id this file ever issued (AUTOINCREMENT keeps it after the entries are gone). */
export function maxIssuedMutationId(db: Db): number {
  return statement(db, `SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0)`).pluck().get() as number;
}

/** Changes not on the server yet: the outbox, and those held on this laptop with demo data (db/sync/demo.ts). */
export function countPending(db: Db): number {
  return statement(db, 'SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM demo_held_changes)').pluck().get() as number;
}

/** Outbox entries of one row. */
export function countEntriesOf(db: Db, table: string, rowId: string): number {
  return statement(db, 'SELECT count(*) FROM outbox WHERE table_name = ? AND row_id = ?').pluck().get(table, rowId) as number;
}

/** Fields of a row that local changes still waiting in the outbox will set; `deleted` if one deletes it. */
export interface PendingChanges {
  deleted: boolean;
  fields: Set<string>;
}

export const NOTHING_PENDING: PendingChanges = { deleted: false, fields: new Set() };

interface PendingEntry {
  table_name: string;
  row_id: string;
  op: string;
  fields: string;
}

/** The pending changes of the given rows of one table, by `table/id` (the outbox is indexed by row, schema 7). */
export function pendingChangesOf(db: Db, table: string, ids: readonly string[]): Map<string, PendingChanges> {
  const entries = statement(db, 'SELECT table_name, row_id, op, fields FROM outbox WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))').all(
    table,
    JSON.stringify(ids),
  ) as PendingEntry[];
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

/**
 * The server applied an entry (or had already: a duplicate). It leaves the outbox; the row takes the
 * version it produced, and our later changes of the row, made on top of it, take it as their base.
 */
export function settleApplied(db: Db, entry: OutboxEntry, version: number | undefined): void {
  statement(db, 'DELETE FROM outbox WHERE mutation_id = ?').run(entry.mutationId);
  if (version === undefined) return;
  // Table names come from the outbox, checked against SYNCED_TABLES before sending.
  statement(db, `UPDATE ${entry.table} SET server_version = ? WHERE id = ? AND (server_version IS NULL OR server_version < ?)`).run(
    version,
    entry.rowId,
    version,
  );
  statement(db, 'UPDATE outbox SET base_version = ? WHERE table_name = ? AND row_id = ? AND (base_version IS NULL OR base_version < ?)').run(
    version,
    entry.table,
    entry.rowId,
    version,
  );
}

/** An entry refused (by the server, or here before sending): it leaves the outbox for the rejected-changes inbox. */
export function settleRejected(db: Db, entry: OutboxEntry): void {
  statement(db, 'DELETE FROM outbox WHERE mutation_id = ?').run(entry.mutationId);
}

/**
 * The server has processed this client's mutations up to `lastMutationId` (a pull's snapshot includes
 * them): their entries go, whether or not this laptop saw the push's answer.
 */
export function trimProcessed(db: Db, lastMutationId: number): void {
  statement(db, 'DELETE FROM outbox WHERE mutation_id <= ?').run(lastMutationId);
}
