/**
 * Push: the outbox, oldest first, in batches the server applies one mutation at a time. Applied and
 * duplicate (a retry of something already applied) entries leave the outbox; rejected ones move to
 * `rejected_mutations` so that one bad change never blocks the ones behind it, and the row goes back to
 * what the server has when the server sends it.
 */
import { SYNC_LIMITS, type Mutation, type MutationResult, type PushResponse } from '../../core/sync/protocol.js';
import { findUnstorableText } from '../../core/text/storable.js';
import type { Db } from '../connection.js';
import { listOutbox, settleApplied, settleRejected, type OutboxEntry } from '../synced/outbox.js';
import { applyPulledRow } from '../synced/remoteRows.js';
import { isSyncedTable } from '../synced/tables.js';
import { SyncError, type SyncConnection } from './http.js';
import { refuseIfBehindServer } from './identity.js';
import { recordRejected, saveAcknowledged } from './state.js';

export interface PushReport {
  applied: number;
  rejected: number;
  /** notes the server kept as conflict copies because someone else had changed them meanwhile */
  conflicts: number;
}

const toMutation = (entry: OutboxEntry): Mutation => ({
  mutationId: entry.mutationId,
  table: entry.table as Mutation['table'],
  rowId: entry.rowId,
  op: entry.op,
  fields: entry.fields,
  baseVersion: entry.baseVersion,
  clientTime: entry.createdAt,
});

const byteLength = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).length;

/** Room for the request envelope around the mutations. */
const ENVELOPE_BYTES = 1024;

/**
 * The next batch: a prefix of the outbox with at most one mutation per row, within the server's request
 * size. A second change of the same row waits for the next batch, so that it goes out with the server
 * version the first produced as its base (otherwise the server would see our own earlier edit as a
 * concurrent one). For the same reason a batch built while `inFlight` awaits its answer starts after it
 * and stops before any row it carries.
 */
export function nextBatch(db: Db, inFlight: readonly OutboxEntry[] = []): OutboxEntry[] {
  const entries = listOutbox(db, { afterMutationId: inFlight.at(-1)?.mutationId, limit: SYNC_LIMITS.mutationsPerPush });
  const rows = new Set(inFlight.map((entry) => `${entry.table}/${entry.rowId}`));
  const batch: OutboxEntry[] = [];
  let bytes = ENVELOPE_BYTES;
  for (const entry of entries) {
    const key = `${entry.table}/${entry.rowId}`;
    bytes += byteLength(toMutation(entry));
    if (rows.has(key) || (batch.length > 0 && bytes > SYNC_LIMITS.requestBytes)) break;
    rows.add(key);
    batch.push(entry);
  }
  return batch;
}

type LocalRejection = { reason: 'too_large' | 'invalid'; message: string | null };

/**
 * A change the server would refuse whole (413), cannot place, or would refuse for its text: rejected
 * here, never sent. The text check also frees an outbox written before the app refused such text, whose
 * NUL used to fail every push of the batch it was in.
 */
function localRejection(entry: OutboxEntry): LocalRejection | null {
  if (!isSyncedTable(entry.table)) return { reason: 'invalid', message: null };
  if (byteLength(entry.fields) > SYNC_LIMITS.fieldsBytesPerMutation) return { reason: 'too_large', message: null };
  return findUnstorableText(entry.fields) ? { reason: 'invalid', message: 'validation.invalidCharacter' } : null;
}

interface SentBatch {
  batch: OutboxEntry[];
  response: Promise<PushResponse>;
}

/**
 * Builds and sends the next batch (after `inFlight`'s, if one is awaiting its answer). Changes the
 * server would refuse are rejected here first. Nothing to send: undefined.
 */
function sendNext(db: Db, connection: SyncConnection, now: () => string, report: PushReport, inFlight?: SentBatch): SentBatch | undefined {
  for (;;) {
    const batch = nextBatch(db, inFlight?.batch);
    if (batch.length === 0) return undefined;
    const refused = batch.flatMap((entry) => {
      const rejection = localRejection(entry);
      return rejection ? [{ entry, rejection }] : [];
    });
    if (refused.length === 0) {
      const response = connection.push(batch.map(toMutation), inFlight?.batch.at(-1)?.mutationId);
      // Awaited in turn; until then a failure must not surface as an unhandled rejection.
      response.catch(() => undefined);
      return { batch, response };
    }
    db.transaction(() => {
      for (const { entry, rejection } of refused) {
        recordRejected(db, entry, rejection.reason, rejection.message, now());
        settleRejected(db, entry);
      }
    })();
    report.rejected += refused.length;
  }
}

/** Applies the server's answer to a batch in one transaction; returns how many entries it settled. */
function settleBatch(db: Db, batch: readonly OutboxEntry[], response: PushResponse, now: () => string, report: PushReport): number {
  // Before anything is settled: "duplicate" answers to an older copy's ids would drop its new changes.
  refuseIfBehindServer(db, response.lastMutationId);
  const byId = new Map<number, MutationResult>(response.results.map((result) => [result.mutationId, result]));
  return db.transaction(() => {
    let count = 0;
    for (const entry of batch) {
      const result = byId.get(entry.mutationId);
      if (!result) continue;
      count += 1;
      if (result.status === 'rejected') {
        recordRejected(db, entry, result.reason ?? 'invalid', result.message ?? null, now());
        settleRejected(db, entry);
        // The change was never saved: show the row as the server has it (the inbox keeps what was tried).
        if (result.current) applyPulledRow(db, result.current);
        report.rejected += 1;
      } else {
        settleApplied(db, entry, result.version);
        report.applied += 1;
        if (result.conflictCopyId) report.conflicts += 1;
      }
    }
    saveAcknowledged(db, response.lastMutationId);
    return count;
  })();
}

/**
 * Pushes the whole outbox. One batch is sent ahead while the previous one awaits its answer, so the
 * laptop builds and settles batches while the server applies them (an upload of 200,000 changes takes
 * about half as long). The batch ahead names the one it follows (`after`): should that one be lost,
 * the server refuses it rather than let its mutation ids pass the lost ones, and it is sent again.
 */
export async function pushOutbox(db: Db, connection: SyncConnection, now: () => string): Promise<PushReport> {
  const report: PushReport = { applied: 0, rejected: 0, conflicts: 0 };
  let ahead: SentBatch | undefined;
  for (;;) {
    const current = ahead ?? sendNext(db, connection, now, report);
    if (!current) return report;
    ahead = sendNext(db, connection, now, report, current);
    let response: PushResponse;
    try {
      response = await current.response;
    } catch (error) {
      // The batch ahead was sent on the assumption this one lands: let it finish before anything else is sent.
      await ahead?.response.catch(() => undefined);
      ahead = undefined;
      // This batch overtook the one it follows on the way to the server: nothing of it was applied, and
      // it goes again (with nothing in flight, so without `after`).
      if (error instanceof SyncError && error.code === 'out_of_order') continue;
      throw error;
    }
    // A server that answers without results for what we sent would otherwise make us loop forever.
    if (settleBatch(db, current.batch, response, now, report) === 0) {
      await ahead?.response.catch(() => undefined);
      throw new SyncError('server', 'push made no progress');
    }
  }
}
