/**
 * Pull: rows changed since the cursor, page by page, each page applied in one transaction together
 * with the new cursor (a crash mid-pull resumes from the last whole page). How a pulled row is applied
 * (never over a field a pending local change is about to push, never over a newer version this laptop
 * already holds, no outbox entry) is db/synced's.
 *
 * A first sync (null cursor) starts with its priority phase (`PullPriority`): the rows Today needs, in
 * pages of their own with the phase's cursor saved in each page's transaction, then "done" with the last
 * one. The full pull from null follows and brings every row, those again included: the same version
 * applied twice changes nothing, and a row edited here meanwhile keeps its edit (pending fields are
 * never overwritten; a pushed edit holds a newer server version than the page). A server from before
 * the phase refuses the field (400) or ignores it (a plain first page): the pull then goes on as before.
 */
import { todayIn, type CalendarDay } from '../../core/calendar/day.js';
import { TIERS, type Tier, type VisitKind } from '../../core/model/enums.js';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettings } from '../../core/model/reminders.js';
import { SYNC_LIMITS, type PullResponse } from '../../core/sync/protocol.js';
import type { Db } from '../connection.js';
import { isDiskFull } from '../diskFull.js';
import { readSettings } from '../repo/settings.js';
import { rebuildIndexesSetAside, setIndexesAside, setSearchIndexAside } from '../synced/indexesSetAside.js';
import { trimProcessed } from '../synced/outbox.js';
import { applyPulledRow, dropSyncedRows, readPageState, withoutForeignKeys } from '../synced/remoteRows.js';
import { SyncError, type SyncConnection } from './http.js';
import { refuseIfBehindServer } from './identity.js';
import { readPriorityState, readSyncState, saveAcknowledged, saveCursor, saveOwnerNames, savePriorityState } from './state.js';

export interface PullProgress {
  done: number;
  /** when the server says how many rows the whole pull (or the phase) brings */
  total?: number;
  /** a first sync's phase: the rows Today needs (`today`), then everything (`all`) */
  phase?: 'today' | 'all';
}

export interface PullReport {
  pulled: number;
  /** rows that brought something this laptop did not have (not the echo of its own pushed change) */
  changed: number;
  /** the server asked for a full resync (our cursor was older than its tombstone purge window) */
  reset: boolean;
  /** rows of a first sync's priority phase applied by this pull (also counted in `changed`, not in `pulled`) */
  prioritized: number;
}

export interface PullOptions {
  pageSize?: number;
  onProgress?: (progress: PullProgress) => void;
  /** a first sync's priority phase (default on; a server without it is handled either way) */
  priority?: boolean;
  /** the laptop's today, which the priority phase looks ahead from (default: the runtime's zone) */
  today?: () => CalendarDay;
  /** the priority phase's rows are all applied: Today can show them while the rest arrives */
  onPriorityApplied?: (report: PullReport) => void;
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

/**
 * How a pull writes many pages: `manyPages` as soon as it has more than one, `wholeTables` when they fill
 * empty tables (indexes set aside), `searchIndex` during a priority phase (the accounts' search index set aside).
 */
interface Loading {
  manyPages(): void;
  wholeTables(): void;
  searchIndex(): void;
}

export async function pullChanges(db: Db, connection: SyncConnection, options: PullOptions = {}): Promise<PullReport> {
  let endBulkWriting: (() => void) | undefined;
  let tablesAside = false;
  const loading: Loading = {
    manyPages: () => void (endBulkWriting ??= bulkWriting(db)),
    wholeTables: () => {
      if (tablesAside) return;
      setIndexesAside(db);
      tablesAside = true;
    },
    searchIndex: () => setSearchIndexAside(db),
  };
  let report: PullReport;
  try {
    report = await pullPhases(db, connection, options, loading);
  } catch (error) {
    finishLoading(db, endBulkWriting, { failed: true });
    throw error;
  }
  finishLoading(db, endBulkWriting, { failed: false });
  return report;
}

async function pullPhases(db: Db, connection: SyncConnection, options: PullOptions, loading: Loading): Promise<PullReport> {
  const report: PullReport = { pulled: 0, changed: 0, reset: false, prioritized: 0 };
  let first: PullResponse | undefined;
  if (options.priority !== false && readSyncState(db).cursor === null && !readPriorityState(db).done) {
    const phase = await pullPriority(db, connection, options, report, loading);
    if (phase.supported) options.onPriorityApplied?.(report);
    else first = phase.first;
  }
  return pullPages(db, connection, options, loading, report, first);
}

/**
 * After a pull, failed or not: what it set aside (or an earlier one left, on a full disk) is rebuilt,
 * then SQLite's settings for many pages are undone and the WAL checkpointed.
 */
function finishLoading(db: Db, endBulkWriting: (() => void) | undefined, { failed }: { failed: boolean }): void {
  try {
    rebuildIndexesSetAside(db);
  } catch (error) {
    // The rows are here; the indexes follow at the next pull or open. A failed pull reports its own error.
    if (!failed && !isDiskFull(error)) throw error;
  } finally {
    endBulkWriting?.();
  }
}

/**
 * Applies one page in one transaction: what the server has processed of our outbox, the rows, their
 * owners' names, and `saveProgress` (the cursor the page brings us to).
 */
function applyPage(db: Db, page: PullResponse, report: PullReport, saveProgress: () => void): void {
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
    saveProgress();
  });
}

/**
 * What of the laptop's reminder settings decides which rows its Today needs: the visit kinds its cadence
 * counts, and whose key contacts it greets at festivals (a stored value that does not validate: its default).
 */
function todaysChoices(db: Db): { countingKinds: VisitKind[]; keyContactTiers: Tier[] } {
  const stored = readSettings(db).reminders as Record<string, unknown> | undefined;
  const setting = <K extends keyof ReminderSettings>(key: K): ReminderSettings[K] => {
    const parsed = ReminderSettings.shape[key].safeParse(stored?.[key]);
    return parsed.success ? (parsed.data as ReminderSettings[K]) : DEFAULT_REMINDER_SETTINGS[key];
  };
  const recipients = setting('festivalRecipients');
  return {
    countingKinds: setting('countingKinds'),
    keyContactTiers: recipients === 'all_key_contacts' ? [...TIERS] : recipients === 'chosen_contacts' ? [] : setting('festivalTiers'),
  };
}

/**
 * The priority phase, from where a killed sync left it. A server without it either refuses the field
 * or ignores it and answers a plain first page, which the full pull then applies as its own (`first`).
 */
async function pullPriority(
  db: Db,
  connection: SyncConnection,
  options: PullOptions,
  report: PullReport,
  loading: Loading,
): Promise<{ supported: true } | { supported: false; first?: PullResponse }> {
  const pageSize = options.pageSize ?? SYNC_LIMITS.pullPageMax;
  const day = (options.today ?? (() => todayIn()))();
  const choices = todaysChoices(db);
  const ask = (after: string | null, withTotal: boolean) => connection.pull(null, pageSize, { withTotal, priority: { day, after, ...choices } });
  let request = ask(readPriorityState(db).cursor, true);
  let total: number | undefined;
  let done = 0;
  for (;;) {
    let page: PullResponse;
    try {
      page = await request;
    } catch (error) {
      // A server from before the phase refuses the unknown field: the full pull brings everything, as it always did.
      if (!(error instanceof SyncError && error.code === 'invalid')) throw error;
      savePriorityState(db, { cursor: null, done: true });
      return { supported: false };
    }
    if (page.priority !== true) {
      savePriorityState(db, { cursor: null, done: true });
      return { supported: false, first: page };
    }
    loading.manyPages();
    loading.searchIndex();
    if (page.hasMore) {
      // As in the full pull: the server reads the next page while this one is written here.
      request = ask(page.cursor, false);
      request.catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
    }
    total ??= page.total;
    applyPage(db, page, report, () => savePriorityState(db, page.hasMore ? { cursor: page.cursor, done: false } : { cursor: null, done: true }));
    done += page.rows.length;
    report.prioritized += page.rows.length;
    options.onProgress?.({ done, ...(total === undefined ? {} : { total }), phase: 'today' });
    if (!page.hasMore) return { supported: true };
  }
}

async function pullPages(db: Db, connection: SyncConnection, options: PullOptions, loading: Loading, report: PullReport, first?: PullResponse): Promise<PullReport> {
  let total: number | undefined;
  const pageSize = options.pageSize ?? SYNC_LIMITS.pullPageMax;
  // From the start (a first sync, a resync): the pages fill the synced tables (the priority phase's few rows aside).
  let fromStart = readSyncState(db).cursor === null;
  // A first sync's pages say which phase they are; a later sync's few rows need no such word.
  const phase = readSyncState(db).cursor === null && options.priority !== false ? ({ phase: 'all' } as const) : {};
  let request = first ? Promise.resolve(first) : connection.pull(readSyncState(db).cursor, pageSize, { withTotal: true });
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
      fromStart = true;
      request = connection.pull(null, pageSize, { withTotal: true });
      continue;
    }
    if (page.hasMore) {
      loading.manyPages();
      if (fromStart) loading.wholeTables();
      // The next page is read on the server while this one is written here. If writing fails, the
      // request's outcome is ignored (the cursor saved with the last whole page is where the next pull starts).
      request = connection.pull(page.cursor, pageSize);
      request.catch(() => undefined);
      // Writing the page blocks this thread: let the request go out first, or the server would only see
      // it once the page is written (first sync of the `rep` data set: ~11 s → ~9 s).
      await new Promise((resolve) => setImmediate(resolve));
    }
    total ??= page.total;
    applyPage(db, page, report, () => saveCursor(db, page.cursor));
    report.pulled += page.rows.length;
    options.onProgress?.({ done: report.pulled, ...(total === undefined ? {} : { total }), ...phase });
    if (!page.hasMore) return report;
  }
}
