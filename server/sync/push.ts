/**
 * A push: one transaction for the whole batch, holding the client's mutation counter row (so two
 * servers given the same retry cannot both apply it) and the rows it changes; the team's version
 * counter only for the final write (see `writes.ts`). Mutations at or below the client's last processed
 * id are skipped as duplicates; a rejected one is recorded and the batch goes on. A pipelined batch
 * (`after`) waits on that counter row for the batch before it and is refused whole if that one has not
 * been processed. A crash before COMMIT leaves nothing behind. Text the store cannot hold is rejected
 * per mutation before anything is written (`apply.ts`); should the database still refuse a mutation's
 * data, the push is made again one mutation at a time, under savepoints, and only that one is rejected:
 * a batch never fails whole (and is never sent again and again) for what one mutation carries.
 */
import { SYNC_LIMITS, type Mutation, type MutationResult, type PulledRow, type PushRequest, type PushResponse } from '../../core/sync/protocol.js';
import { activeDeviceSql, requireActive } from '../auth/sessions.js';
import { ServerError } from '../errors.js';
import { arrayParam, type SqlClient, type SqlQueryable } from '../store/sqlClient.js';
import { toStorableJson } from '../../core/text/storable.js';
import { PushPlanner, reject, type Outcome, type Rejection } from './apply.js';
import { READABLE_ROWS } from './access.js';
import { PULLED_COLUMNS, pulledRow, type RowRecord } from './pulledRows.js';
import { refuseStaleCopy } from './session.js';
import { readsWholeTeam, type SyncSession } from './session.js';
import { loadSnapshot, rowKey } from './snapshot.js';
import type { VersionLock } from './writes.js';

/** What a committed push tells its caller besides the answer. */
export interface PushReport {
  /** the team's version after this push's writes; unset when it wrote nothing */
  teamVersion?: number;
  /** how long this push held the team's version lock: from taking it to the end of the COMMIT */
  versionLockMs?: number;
}

/** Request-level checks: any failure refuses the whole push before anything is written. */
function checkBatch(session: SyncSession, request: PushRequest): void {
  if (request.clientId !== session.clientId) throw new ServerError('forbidden', 'sync.server.foreignClientId');
  request.mutations.forEach((mutation, index) => {
    const previous = request.mutations[index - 1];
    if (previous && mutation.mutationId <= previous.mutationId) {
      throw new ServerError('invalid', 'sync.server.mutationOrder', [{ path: ['mutations', index, 'mutationId'], message: 'sync.server.mutationOrder' }]);
    }
    if (Buffer.byteLength(JSON.stringify(mutation.fields)) > SYNC_LIMITS.fieldsBytesPerMutation) {
      throw new ServerError('payload_too_large', 'sync.server.mutationTooLarge', [{ path: ['mutations', index, 'fields'], message: 'sync.server.mutationTooLarge' }]);
    }
  });
}

/**
 * The client's last processed mutation id, its row locked until the push commits (one statement either
 * way), once the device is known to be still allowed to sync (asked in the same statement).
 */
async function lockClientCounter(tx: SqlQueryable, session: SyncSession, acknowledged: number | undefined): Promise<number> {
  const [row] = await tx.query<{ last_mutation_id: number; acknowledged_through: string | number; active: boolean }>(
    `INSERT INTO client_mutations (client_id) VALUES ($1)
     ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id RETURNING last_mutation_id, acknowledged_through, ${activeDeviceSql('$2', '$3', '$4::integer')} AS active`,
    [session.clientId, session.deviceId, session.userId, session.gen],
  );
  // Refused, the push rolls back: the counter row this may have created goes with it.
  requireActive(row?.active);
  refuseStaleCopy(acknowledged, Number(row!.acknowledged_through));
  return row!.last_mutation_id;
}

async function recordRejection(tx: SqlQueryable, session: SyncSession, mutation: Mutation, rejection: Rejection): Promise<void> {
  await tx.query(
    `INSERT INTO rejected_mutations (client_id, mutation_id, user_id, table_name, row_id, reason, message, mutation) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    // Kept as it came, but with text jsonb can hold: a NUL the mutation was refused for would fail this insert too.
    [session.clientId, mutation.mutationId, session.userId, mutation.table, mutation.rowId, rejection.reason, rejection.message, JSON.stringify(toStorableJson({ ...mutation, issues: rejection.issues ?? [] }))],
  );
}

/** Earlier answers for retried mutations: a retried rejection is reported as rejected again. */
async function earlierRejections(tx: SqlQueryable, clientId: string, upTo: number): Promise<Map<number, Pick<MutationResult, 'reason' | 'message'>>> {
  const rows = await tx.query<{ mutation_id: number; reason: MutationResult['reason']; message: string }>(
    'SELECT mutation_id, reason, message FROM rejected_mutations WHERE client_id = $1 AND mutation_id <= $2',
    [clientId, upTo],
  );
  return new Map(rows.map((r) => [r.mutation_id, { reason: r.reason, message: r.message }]));
}

/** The rows of rejected mutations as the server has them now, those the caller may read. */
async function currentRowsOf(tx: SqlQueryable, session: SyncSession, rejected: readonly Mutation[]): Promise<Map<string, PulledRow>> {
  if (rejected.length === 0) return new Map();
  const rows = await tx.query<RowRecord>(
    `SELECT ${PULLED_COLUMNS} FROM sync_rows r WHERE ${READABLE_ROWS} AND (r.table_name, r.id) IN (SELECT * FROM unnest($4::text[], $5::uuid[]))`,
    [session.teamId, session.userId, readsWholeTeam(session), arrayParam(rejected.map((m) => m.table)), arrayParam(rejected.map((m) => m.rowId))],
  );
  return new Map(rows.map((row) => [rowKey(row.table_name, row.id), pulledRow(row)]));
}

/**
 * How long a pipelined batch waits for the batch it follows. Sent a moment apart over two connections,
 * the two often reach the server in the other order (about one in ten on a loaded machine); the earlier
 * one is then only milliseconds behind, so the later one looks again every few milliseconds before it
 * gives up with a 409.
 */
const PREDECESSOR_WAIT = { everyMs: 5, upToMs: 1000 } as const;

const isOutOfOrder = (error: unknown): boolean => error instanceof ServerError && error.code === 'out_of_order';

/**
 * An error of the data one statement was given (SQLSTATE class 22: an untranslatable character, bad
 * jsonb, a number out of range) or of its size (class 54: stack depth): a mutation's, not the store's.
 */
function isDataRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(22|54)[0-9A-Z]{3}$/.test(code);
}

export async function push(store: SqlClient, session: SyncSession, request: PushRequest, report: PushReport = {}): Promise<PushResponse> {
  checkBatch(session, request);
  try {
    return await afterPredecessor(() => applyBatch(store, session, request, 'together', report));
  } catch (error) {
    if (!isDataRefusal(error)) throw error;
    // Something the checks let through was refused by the database, and the whole attempt rolled back.
    // Again, one mutation at a time, so that only the mutation it belongs to is rejected.
    return applyBatch(store, session, request, 'one by one', report);
  }
}

async function afterPredecessor(apply: () => Promise<PushResponse>): Promise<PushResponse> {
  const giveUpAt = Date.now() + PREDECESSOR_WAIT.upToMs;
  for (;;) {
    try {
      return await apply();
    } catch (error) {
      if (!isOutOfOrder(error) || Date.now() >= giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, PREDECESSOR_WAIT.everyMs));
    }
  }
}

/** Plans a mutation and records it at once if it is rejected. */
async function decide(tx: SqlQueryable, session: SyncSession, planner: PushPlanner, mutation: Mutation): Promise<Outcome> {
  const outcome = await planner.plan(mutation);
  if ('rejected' in outcome) await recordRejection(tx, session, mutation, outcome.rejected);
  return outcome;
}

/**
 * `together`: every write in one statement at the end, then COMMIT (the team's version lock is held
 * only for them); the rows of rejected mutations are read and the answer put together after the commit.
 * `one by one`: each mutation written as it is decided, under a savepoint; one the database refuses is
 * rolled back alone and recorded as rejected, and the rows the rest will touch are read afresh.
 */
async function applyBatch(store: SqlClient, session: SyncSession, request: PushRequest, writes: 'together' | 'one by one', report: PushReport): Promise<PushResponse> {
  let lock: VersionLock = {};
  const decided = await store.transaction(async (tx) => {
    lock = {};
    const processed = await lockClientCounter(tx, session, request.acknowledged);
    if (request.after !== undefined && processed < request.after) throw new ServerError('out_of_order', 'sync.server.outOfOrder');
    const fresh = request.mutations.filter((m) => m.mutationId > processed);
    const retried: Map<number, Pick<MutationResult, 'reason' | 'message'>> = fresh.length < request.mutations.length ? await earlierRejections(tx, session.clientId, processed) : new Map();
    let planner = new PushPlanner(tx, session, await loadSnapshot(tx, session, fresh), lock);
    const outcomes = new Map<number, Outcome>();
    for (const [index, mutation] of fresh.entries()) {
      if (writes === 'together') {
        outcomes.set(mutation.mutationId, await decide(tx, session, planner, mutation));
        continue;
      }
      await tx.query('SAVEPOINT mutation');
      try {
        const outcome = await decide(tx, session, planner, mutation);
        await planner.writeAndReread();
        await tx.query('RELEASE SAVEPOINT mutation');
        outcomes.set(mutation.mutationId, outcome);
      } catch (error) {
        if (!isDataRefusal(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT mutation');
        planner = new PushPlanner(tx, session, await loadSnapshot(tx, session, fresh.slice(index + 1)), lock);
        const refused = reject('invalid', [{ path: [], message: 'sync.rejected.storeRefused' }]);
        await recordRejection(tx, session, mutation, refused.rejected);
        outcomes.set(mutation.mutationId, refused);
      }
    }
    const last = fresh.at(-1)?.mutationId ?? processed;
    await tx.query('UPDATE client_mutations SET last_mutation_id = $2, updated_at = now() WHERE client_id = $1', [session.clientId, last]);
    await planner.writePlanned();
    return { outcomes, retried, last };
  });
  if (lock.lastVersion !== undefined) {
    report.teamVersion = lock.lastVersion;
    report.versionLockMs = lock.heldInStatementMs! + (performance.now() - lock.statementEndedAt!);
  }
  // Committed: the rows of rejected mutations are read as they are now, the team's lock released.
  const { outcomes, retried, last } = decided;
  const rejected = request.mutations.filter((m) => {
    const outcome = outcomes.get(m.mutationId);
    return outcome !== undefined && 'rejected' in outcome;
  });
  const current = await currentRowsOf(store, session, rejected);
  const results = request.mutations.map((mutation): MutationResult => {
    const outcome = outcomes.get(mutation.mutationId);
    if (!outcome) {
      const rejection = retried.get(mutation.mutationId);
      return rejection ? { mutationId: mutation.mutationId, status: 'rejected', ...rejection } : { mutationId: mutation.mutationId, status: 'duplicate' };
    }
    if ('rejected' in outcome) {
      const row = current.get(rowKey(mutation.table, mutation.rowId));
      return { mutationId: mutation.mutationId, status: 'rejected', reason: outcome.rejected.reason, message: outcome.rejected.message, ...(row ? { current: row } : {}) };
    }
    const { applied, conflictCopy } = outcome;
    const version = 'write' in applied ? applied.write.version : applied.unchangedVersion;
    return { mutationId: mutation.mutationId, status: 'applied', version, ...(conflictCopy ? { conflictCopyId: conflictCopy.id } : {}) };
  });
  return { results, lastMutationId: last };
}
