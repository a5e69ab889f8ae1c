/**
 * A synced row as a pull sends it: the columns read (`PULLED_COLUMNS`, over alias `r`) and the
 * protocol's `PulledRow` made from them. Shared by a pull's pages, its priority phase and a push's
 * answer about a refused change.
 */
import type { PulledRow, SyncedTable } from '../../core/sync/protocol.js';

export interface RowRecord {
  table_name: SyncedTable;
  id: string;
  version: number;
  owner_id: string;
  data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

/** Select-list (over alias `r`) of a `RowRecord`. */
export const PULLED_COLUMNS = 'r.table_name, r.id, r.version, r.owner_id, r.data, r.created_at, r.updated_at, r.deleted_at';

export function pulledRow(row: RowRecord): PulledRow {
  return {
    table: row.table_name,
    id: row.id,
    version: row.version,
    ownerId: row.owner_id,
    data: {
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      ...row.data,
      id: row.id,
      deletedAt: row.deleted_at?.toISOString() ?? null,
    },
  };
}
