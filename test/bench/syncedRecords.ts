/**
 * Every live synced row of a laptop database as the records sync carries (camelCase fields), and the
 * outbox filled with them: how the benches put a seeded data set on a server through the real push path.
 * Seeded rows write no outbox entries on purpose (demo data must never reach a team server), so a bench
 * that wants them uploaded says so here.
 */
import type { SyncedTable } from '../../core/sync/protocol.js';
import type { Db } from '../../db/connection.js';
import { appendOutbox } from '../../db/synced/outbox.js';
import { fromRow, type SqlRow } from '../../db/repo/table.js';
import { SYNCED_SPECS, SYNCED_TABLE_ORDER } from '../../db/synced/tables.js';

export interface SyncedRecord {
  table: SyncedTable;
  id: string;
  /** the entity's fields and its client timestamps, as a creating mutation carries them */
  fields: Record<string, unknown>;
}

/** Live rows, parents before children (the tables' sync order), each table in id order. */
export function* syncedRecords(db: Db): Generator<SyncedRecord> {
  for (const table of SYNCED_TABLE_ORDER) {
    const spec = SYNCED_SPECS[table];
    // iterate(): a caller that writes elsewhere as it goes (PouchDB) never holds the ~200,000 rows at once.
    for (const row of db.prepare(`SELECT * FROM ${spec.table} WHERE deleted_at IS NULL ORDER BY id`).iterate() as IterableIterator<SqlRow>) {
      const { id, createdAt, updatedAt, deletedAt: _deleted, ...entity } = fromRow<Record<string, unknown>>(spec, row);
      yield { table, id: id as string, fields: { ...entity, createdAt, updatedAt } };
    }
  }
}

/** Live synced rows per table. */
export function countSyncedRows(db: Db): Record<SyncedTable, number> {
  return Object.fromEntries(
    SYNCED_TABLE_ORDER.map((table) => [table, db.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get() as number]),
  ) as Record<SyncedTable, number>;
}

/**
 * Appends one upsert per live synced row (all its fields, base version null: the server has never seen
 * it), parents before children, in one transaction. Returns how many entries were appended.
 */
export function enqueueAllSyncedRows(db: Db, now: string): number {
  return db.transaction(() => {
    // Collected first: better-sqlite3 cannot write while a statement of the same connection iterates.
    const records = [...syncedRecords(db)];
    for (const record of records) {
      appendOutbox(db, { table: record.table, rowId: record.id, op: 'upsert', fields: record.fields, baseVersion: null, createdAt: now });
    }
    return records.length;
  })();
}
