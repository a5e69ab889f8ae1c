/**
 * How an entity's camelCase fields map to a table's snake_case columns, and the SQL value of each.
 * Every synced table also has id, created_at, updated_at, deleted_at (handled here) and
 * server_version / owner_id (sync bookkeeping, never part of the entity).
 */
import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../connection.js';

/** bool: INTEGER 0/1; json: TEXT holding JSON; value: stored as is. */
export type ColumnKind = 'value' | 'bool' | 'json';

export interface TableSpec {
  /** SQL table name, also the outbox `table_name` */
  table: string;
  /** the entity's own fields (not id or timestamps) */
  fields: Record<string, ColumnKind>;
}

export type SqlRow = Record<string, unknown>;

export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function toSqlValue(kind: ColumnKind, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (kind === 'bool') return value ? 1 : 0;
  if (kind === 'json') return JSON.stringify(value);
  return value;
}

function fromSqlValue(kind: ColumnKind, value: unknown): unknown {
  if (kind === 'bool') return value === 1;
  if (kind === 'json') return typeof value === 'string' ? JSON.parse(value) : value;
  return value ?? null;
}

/** The entity (camelCase, typed values) for one row read with `SELECT *`. */
export function fromRow<T>(spec: TableSpec, row: SqlRow): T {
  const entity: Record<string, unknown> = {
    id: row.id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at ?? null,
  };
  for (const [field, kind] of Object.entries(spec.fields)) entity[field] = fromSqlValue(kind, row[columnOf(field)]);
  return entity as T;
}

const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, cached per connection: the same SQL is prepared once. */
export function statement(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

/** The live (not deleted) row with this id, as an entity. */
export function readLive<T>(db: Db, spec: TableSpec, id: string): T | undefined {
  const row = statement(db, `SELECT * FROM ${spec.table} WHERE id = ? AND deleted_at IS NULL`).get(id) as SqlRow | undefined;
  return row ? fromRow<T>(spec, row) : undefined;
}

/** Escapes `%`, `_` and `\` for a LIKE pattern written with `ESCAPE '\'`. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);
