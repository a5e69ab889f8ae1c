/**
 * A push: one transaction for the whole batch, holding the client's mutation counter row (so two
 * servers given the same retry cannot both apply it) and, from its first write, the team's version
 * counter. Mutations at or below the client's last processed id are skipped as duplicates; a rejected
 * one is recorded and the batch goes on. A crash before COMMIT leaves nothing behind.
 */
import { SYNC_LIMITS, type MutationResult, type PushRequest, type PushResponse } from '../../core/sync/protocol.js';
import { requireActiveDevice } from '../auth/sessions.js';
import { ServerError } from '../errors.js';
import type { SqlClient, SqlQueryable } from '../store/sqlClient.js';
import { applyMutation, teamVersions } from './apply.js';
import type { SyncSession } from './session.js';

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

async function lockClientCounter(tx: SqlQueryable, clientId: string): Promise<number> {
  await tx.query('INSERT INTO client_mutations (client_id) VALUES ($1) ON CONFLICT (client_id) DO NOTHING', [clientId]);
  const [row] = await tx.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM client_mutations WHERE client_id = $1 FOR UPDATE', [clientId]);
  return row!.last_mutation_id;
}

/** Earlier answers for retried mutations: a retried rejection is reported as rejected again. */
async function earlierRejections(tx: SqlQueryable, clientId: string, upTo: number): Promise<Map<number, Pick<MutationResult, 'reason' | 'message'>>> {
  const rows = await tx.query<{ mutation_id: number; reason: MutationResult['reason']; message: string }>(
    'SELECT mutation_id, reason, message FROM rejected_mutations WHERE client_id = $1 AND mutation_id <= $2',
    [clientId, upTo],
  );
  return new Map(rows.map((r) => [r.mutation_id, { reason: r.reason, message: r.message }]));
}

export async function push(store: SqlClient, session: SyncSession, request: PushRequest): Promise<PushResponse> {
  checkBatch(session, request);
  return store.transaction(async (tx) => {
    await requireActiveDevice(tx, session);
    let last = await lockClientCounter(tx, session.clientId);
    const retried = request.mutations.some((m) => m.mutationId <= last) ? await earlierRejections(tx, session.clientId, last) : new Map();
    const nextVersion = teamVersions(tx, session.teamId);
    const results: MutationResult[] = [];
    for (const mutation of request.mutations) {
      if (mutation.mutationId <= last) {
        const rejection = retried.get(mutation.mutationId);
        results.push(rejection ? { mutationId: mutation.mutationId, status: 'rejected', ...rejection } : { mutationId: mutation.mutationId, status: 'duplicate' });
        continue;
      }
      const outcome = await applyMutation(tx, session, mutation, nextVersion);
      if ('applied' in outcome) {
        results.push({ mutationId: mutation.mutationId, status: 'applied', ...outcome.applied });
      } else {
        const { reason, message } = outcome.rejected;
        await tx.query(
          `INSERT INTO rejected_mutations (client_id, mutation_id, user_id, table_name, row_id, reason, message, mutation) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
          [session.clientId, mutation.mutationId, session.userId, mutation.table, mutation.rowId, reason, message, JSON.stringify({ ...mutation, issues: outcome.rejected.issues ?? [] })],
        );
        results.push({ mutationId: mutation.mutationId, status: 'rejected', reason, message });
      }
      last = mutation.mutationId;
    }
    await tx.query('UPDATE client_mutations SET last_mutation_id = $2, updated_at = now() WHERE client_id = $1', [session.clientId, last]);
    return { results, lastMutationId: last };
  });
}
