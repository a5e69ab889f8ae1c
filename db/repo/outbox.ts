/**
 * The outbox: every local change to a synced row, in order, waiting to be pushed. Writers call
 * `appendOutbox` inside the transaction that makes the change, so a change and its entry commit together.
 */
import type { Db } from '../connection.js';
import { isDemoBound } from './demo.js';
import { statement } from './table.js';

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

export function appendOutbox(db: Db, entry: Omit<OutboxEntry, 'mutationId'>): void {
  // Demo data never goes to the team's server: changes about it wait apart until it is removed (demo.ts).
  const table = isDemoBound(db, entry.table, entry.rowId) ? 'demo_held_changes' : 'outbox';
  statement(
    db,
    `INSERT INTO ${table} (table_name, row_id, op, fields, base_version, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(entry.table, entry.rowId, entry.op, JSON.stringify(entry.fields), entry.baseVersion, entry.createdAt);
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

/** Drops entries the server has acknowledged (up to and including `mutationId`). */
export function removeOutboxThrough(db: Db, mutationId: number): number {
  return statement(db, 'DELETE FROM outbox WHERE mutation_id <= ?').run(mutationId).changes;
}
