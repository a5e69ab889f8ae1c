/**
 * A synced row as a pull sends it: the columns read (`PULLED_COLUMNS`, over alias `r`) and the
 * protocol's `PulledRow` made from them. Shared by a pull's pages, its priority phase and a push's
 * answer about a refused change.
 *
 * A first sync sends ~200,000 rows, so the row's instants are read as whole milliseconds, never as
 * `Date`s: PostgreSQL's microseconds cut to the millisecond as a `Date` cuts them, written as
 * `toISOString()` writes them (`InstantWriter`), and only when the row's data does not name them itself.
 */
import { InstantWriter } from '../../core/sync/pullEncoding.js';
import type { PulledRow, SyncedTable } from '../../core/sync/protocol.js';

export interface RowRecord {
  table_name: SyncedTable;
  id: string;
  version: number;
  owner_id: string;
  data: Record<string, unknown>;
  /** `created_at`, `updated_at`, `deleted_at` in milliseconds since 1970 (microseconds cut, as a `Date` cuts them) */
  created_ms: number;
  updated_ms: number;
  deleted_ms: number | null;
}

/**
 * An instant column in whole milliseconds since 1970, rounded down. Cut to the millisecond before it is
 * multiplied, so the cast's rounding is exact also where `extract` answers a double (PostgreSQL before 14).
 */
const epochMs = (column: string, as: string) => `(extract(epoch FROM date_trunc('milliseconds', r.${column})) * 1000)::int8 AS ${as}`;

/** Select-list (over alias `r`) of a `RowRecord`. */
export const PULLED_COLUMNS = `r.table_name, r.id, r.version, r.owner_id, r.data, ${epochMs('created_at', 'created_ms')}, ${epochMs('updated_at', 'updated_ms')}, ${epochMs('deleted_at', 'deleted_ms')}`;

const instants = new InstantWriter();

/** `toISOString()` of an instant in milliseconds. */
export const isoOfMs = (ms: number): string => instants.write(ms);

export function pulledRow(row: RowRecord): PulledRow {
  const data = row.data;
  // The data's own createdAt and updatedAt win over the columns' (the spread puts them in the same place):
  // their text is written only when the data has none, as in every row a laptop pushed.
  const own = typeof data === 'object' && data !== null;
  return {
    table: row.table_name,
    id: row.id,
    version: row.version,
    ownerId: row.owner_id,
    data: {
      createdAt: own && Object.hasOwn(data, 'createdAt') ? null : isoOfMs(row.created_ms),
      updatedAt: own && Object.hasOwn(data, 'updatedAt') ? null : isoOfMs(row.updated_ms),
      ...data,
      id: row.id,
      deletedAt: row.deleted_ms === null ? null : isoOfMs(row.deleted_ms),
    },
  };
}
