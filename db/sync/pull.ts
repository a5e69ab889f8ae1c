/**
 * Pull: rows changed since the cursor, page by page, each page applied in one transaction together
 * with the new cursor (a crash mid-pull resumes from the last whole page). How a pulled row is applied
 * (never over a field a pending local change is about to push, no outbox entry) is db/synced's.
 */
import { SYNC_LIMITS } from '../../core/sync/protocol.js';
import type { Db } from '../connection.js';
import { trimProcessed } from '../synced/outbox.js';
import { applyPulledRow, dropSyncedRows, readPageState, withoutForeignKeys } from '../synced/remoteRows.js';
import { SyncError, type SyncConnection } from './http.js';
import { refuseIfBehindServer } from './identity.js';
import { readSyncState, saveAcknowledged, saveCursor, saveOwnerNames } from './state.js';

export interface PullProgress {
  done: number;
  /** when the server says how many rows the whole pull brings */
  total?: number;
}

export interface PullReport {
  pulled: number;
  /** rows that brought something this laptop did not have (not the echo of its own pushed change) */
  changed: number;
  /** the server asked for a full resync (our cursor was older than its tombstone purge window) */
  reset: boolean;
}

export interface PullOptions {
  pageSize?: number;
  onProgress?: (progress: PullProgress) => void;
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
  const report: PullReport = { pulled: 0, changed: 0, reset: false };
  let total: number | undefined;
  const pageSize = options.pageSize ?? SYNC_LIMITS.pullPageMax;
  let request = connection.pull(readSyncState(db).cursor, pageSize, { withTotal: true });
  for (;;) {
    const page = await request;
    if (page.resetRequired) {
      // A server that asks again right after a reset would make us loop.
      if (report.reset) throw new SyncError('server', 'reset requested twice');
      withoutForeignKeys(db, () => {
        dropSyncedRows(db);
        saveCursor(db, null);
      });
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
      trimProcessed(db, page.lastMutationId);
      saveAcknowledged(db, page.lastMutationId);
      const state = readPageState(db, page.rows);
      for (const row of page.rows) {
        // Our own change coming back has the version its push already recorded here.
        const known = state.locals.get(`${row.table}/${row.id}`)?.server_version === row.version;
        if (applyPulledRow(db, row, state) && !known) report.changed += 1;
      }
      if (page.owners) saveOwnerNames(db, page.owners);
      saveCursor(db, page.cursor);
    });
    report.pulled += page.rows.length;
    options.onProgress?.(total === undefined ? { done: report.pulled } : { done: report.pulled, total });
    if (!page.hasMore) return report;
  }
}
