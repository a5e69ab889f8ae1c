/**
 * Local writes to synced tables. Each write changes the row and appends its outbox entry in one
 * transaction (nested calls become savepoints of the caller's transaction). Every write first checks
 * that the row's account is writable here (`readOnly.ts`), so no writer can change another rep's
 * account in a lead's app, whichever method or import reached it.
 */
import { ApiError } from '../../core/api/errors.js';
import type { Db } from '../connection.js';
import { assertRowWritable } from '../repo/readOnly.js';
import { columnOf, fromRow, readLive, statement, toSqlValue, type SqlRow, type TableSpec } from '../repo/table.js';
import { appendOutbox } from './outbox.js';

/** Columns stored alongside the entity but derived from it (pinyin search keys); never synced. */
export type DerivedColumns = Record<string, unknown>;

export function insertSynced<T>(
  db: Db,
  spec: TableSpec,
  id: string,
  values: Record<string, unknown>,
  now: string,
  derived: DerivedColumns = {},
): T {
  const fields = Object.keys(spec.fields).filter((f) => values[f] !== undefined);
  const columns = ['id', 'created_at', 'updated_at', ...fields.map(columnOf), ...Object.keys(derived)];
  const params = [id, now, now, ...fields.map((f) => toSqlValue(spec.fields[f]!, values[f])), ...Object.values(derived)];
  const synced = Object.fromEntries(fields.map((f) => [f, values[f]]));
  db.transaction(() => {
    assertRowWritable(db, spec.table, { id, accountId: values.accountId, contactId: values.contactId });
    statement(db, `INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...params);
    appendOutbox(db, { table: spec.table, rowId: id, op: 'upsert', fields: synced, baseVersion: null, createdAt: now });
  })();
  return readLive<T>(db, spec, id)!;
}

/**
 * Applies the fields of `patch` that differ from the stored row; writes nothing (and no outbox
 * entry) when nothing differs. Throws `not_found` for a missing or deleted row.
 */
export function updateSynced<T>(
  db: Db,
  spec: TableSpec,
  id: string,
  patch: Record<string, unknown>,
  now: string,
  derived: DerivedColumns = {},
): T {
  return db.transaction(() => {
    const current = statement(db, `SELECT * FROM ${spec.table} WHERE id = ? AND deleted_at IS NULL`).get(id) as SqlRow | undefined;
    if (!current) throw new ApiError('not_found');
    assertRowWritable(db, spec.table, refsOf(id, current));
    const changed = Object.keys(spec.fields).filter((f) => {
      if (patch[f] === undefined) return false;
      return toSqlValue(spec.fields[f]!, patch[f]) !== (current[columnOf(f)] ?? null);
    });
    if (changed.length > 0) {
      const assignments = [...changed.map(columnOf), ...Object.keys(derived), 'updated_at'].map((c) => `${c} = ?`);
      statement(db, `UPDATE ${spec.table} SET ${assignments.join(', ')} WHERE id = ?`).run(
        ...changed.map((f) => toSqlValue(spec.fields[f]!, patch[f])),
        ...Object.values(derived),
        now,
        id,
      );
      appendOutbox(db, {
        table: spec.table,
        rowId: id,
        op: 'upsert',
        fields: Object.fromEntries(changed.map((f) => [f, patch[f]])),
        baseVersion: (current.server_version as number | null) ?? null,
        createdAt: now,
      });
    }
    return readLive<T>(db, spec, id)!;
  })();
}

/** Marks a row deleted (a tombstone that sync carries to the server). Throws `not_found` if already gone. */
export function tombstoneSynced(db: Db, spec: TableSpec, id: string, now: string): void {
  db.transaction(() => {
    const current = statement(db, `SELECT * FROM ${spec.table} WHERE id = ? AND deleted_at IS NULL`).get(id) as SqlRow | undefined;
    if (!current) throw new ApiError('not_found');
    assertRowWritable(db, spec.table, refsOf(id, current));
    statement(db, `UPDATE ${spec.table} SET deleted_at = ?, updated_at = ? WHERE id = ?`).run(now, now, id);
    appendOutbox(db, { table: spec.table, rowId: id, op: 'delete', fields: {}, baseVersion: (current.server_version as number | null) ?? null, createdAt: now });
  })();
}

/**
 * Queues the row's `fields` (default: all of them, and its tombstone if deleted) as stored here, though
 * nothing changed locally: for a row the server has never had, where some fields alone would be refused
 * as incomplete (a demo row the rep keeps, a refused first upload sent again), or a refused change sent
 * again that the row here already shows. Throws `not_found` for a missing row.
 */
export function requeueRow(db: Db, spec: TableSpec, id: string, now: string, fields: readonly string[] = Object.keys(spec.fields)): void {
  db.transaction(() => {
    const current = statement(db, `SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as SqlRow | undefined;
    if (!current) throw new ApiError('not_found');
    assertRowWritable(db, spec.table, refsOf(id, current));
    const entity = fromRow<Record<string, unknown>>(spec, current);
    const values = Object.fromEntries(fields.filter((f) => f in spec.fields).map((f) => [f, entity[f]]));
    const baseVersion = (current.server_version as number | null) ?? null;
    appendOutbox(db, { table: spec.table, rowId: id, op: 'upsert', fields: values, baseVersion, createdAt: now });
    if (current.deleted_at !== null) appendOutbox(db, { table: spec.table, rowId: id, op: 'delete', fields: {}, baseVersion, createdAt: now });
  })();
}

/** What ties a stored row to its account (tables without one of these columns read as undefined). */
const refsOf = (id: string, row: SqlRow) => ({ id, accountId: row.account_id, contactId: row.contact_id });
