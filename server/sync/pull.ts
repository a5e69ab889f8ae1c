/**
 * A pull: rows of the caller's team (as far as they may read them) with versions above the cursor,
 * tombstones included, read in one REPEATABLE READ snapshot together with the client's last processed
 * mutation id. Team versions commit in order (see `apply.ts`), so everything up to the team's
 * `last_version` in this snapshot is visible in it: the cursor can safely move there. Each page names the
 * owners of its rows (a lead's app shows whose account it is) and says how many rows the whole pull brings.
 * A first sync may ask for its priority phase first (`priority.ts`): the same answer, other rows.
 */
import type { PullRequest, PullResponse } from '../../core/sync/protocol.js';
import { activeDeviceSql, requireActive } from '../auth/sessions.js';
import { ServerError } from '../errors.js';
import { refuseStaleCopy } from './session.js';
import { arrayParam, type SqlClient, type SqlQueryable } from '../store/sqlClient.js';
import { READABLE_ROWS } from './access.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { priorityPage } from './priority.js';
import { PULLED_COLUMNS, pulledRow, type RowRecord } from './pulledRows.js';
import { readsWholeTeam, type SyncSession } from './session.js';

/**
 * Records how far the client has taken the server's answers as processed (never past what was
 * processed, never backwards) and refuses an older copy of its database (`PullRequest.acknowledged`).
 * Only a pull records it: pipelined pushes may arrive in either order, a pull never overlaps them.
 */
async function confirmAcknowledged(store: SqlClient, session: SyncSession, acknowledged: number): Promise<void> {
  const [row] = await store.query<{ before: string | number }>(
    `UPDATE client_mutations c SET acknowledged_through = greatest(c.acknowledged_through, least($2::bigint, c.last_mutation_id))
     FROM (SELECT acknowledged_through AS before FROM client_mutations WHERE client_id = $1) prior
     WHERE c.client_id = $1 RETURNING prior.before`,
    [session.clientId, acknowledged],
  );
  if (row) refuseStaleCopy(acknowledged, Number(row.before));
}

/**
 * The owners of a page's rows by name. A lead's reports have a row for every rep of the team, a rep who
 * never synced too: besides the owners of the page's rows, a lead's pull names the team's active reps.
 */
async function ownersOf(tx: SqlQueryable, session: SyncSession, ownerIds: readonly string[]): Promise<Array<{ id: string; displayName: string }>> {
  const wholeTeam = readsWholeTeam(session);
  if (ownerIds.length === 0 && !wholeTeam) return [];
  return tx.query<{ id: string; displayName: string }>(
    `SELECT id, display_name AS "displayName" FROM users
     WHERE id = ANY($1::uuid[]) OR ($2 AND team_id = $3 AND role = 'rep' AND disabled_at IS NULL)
     ORDER BY display_name, id`,
    [arrayParam(ownerIds), wholeTeam, session.teamId],
  );
}

export async function pull(store: SqlClient, session: SyncSession, request: PullRequest): Promise<PullResponse> {
  if (request.clientId !== session.clientId) throw new ServerError('forbidden', 'sync.server.foreignClientId');
  const cursor = request.cursor === null ? null : decodeCursor(request.cursor);
  if (request.acknowledged !== undefined) await confirmAcknowledged(store, session, request.acknowledged);
  return store.transaction(async (tx) => {
    const [team] = await tx.query<{ last_version: number; purge_horizon: number; last_mutation_id: number; active: boolean }>(
      `SELECT t.last_version, t.purge_horizon, coalesce((SELECT c.last_mutation_id FROM client_mutations c WHERE c.client_id = $2), 0) AS last_mutation_id,
         ${activeDeviceSql('$3', '$4', '$5::integer')} AS active
       FROM teams t WHERE t.id = $1`,
      [session.teamId, session.clientId, session.deviceId, session.userId, session.gen],
    );
    requireActive(team?.active);
    const lastMutationId = team!.last_mutation_id;
    if (cursor && (cursor.teamId !== session.teamId || cursor.version < team!.purge_horizon)) {
      return { rows: [], cursor: encodeCursor({ teamId: session.teamId, version: 0 }), hasMore: false, lastMutationId, resetRequired: true };
    }
    if (request.priority) {
      const page = await priorityPage(tx, session, request.priority, request.limit, request.withTotal);
      const { ownerIds, ...answer } = page;
      return { ...answer, lastMutationId, resetRequired: false, priority: true, owners: await ownersOf(tx, session, ownerIds) };
    }
    const after = cursor?.version ?? 0;
    const rows = await tx.query<RowRecord>(
      `SELECT ${PULLED_COLUMNS} FROM sync_rows r WHERE ${READABLE_ROWS} AND r.version > $4 ORDER BY r.version LIMIT $5`,
      [session.teamId, session.userId, readsWholeTeam(session), after, request.limit + 1],
    );
    const hasMore = rows.length > request.limit;
    const page = hasMore ? rows.slice(0, request.limit) : rows;
    const reached = hasMore ? page[page.length - 1]!.version : team!.last_version;
    // How much this pull brings in all, for the client's progress bar: counted only when asked and when it takes more pages.
    const total = !request.withTotal
      ? undefined
      : hasMore
        ? (await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM sync_rows r WHERE ${READABLE_ROWS} AND r.version > $4`, [session.teamId, session.userId, readsWholeTeam(session), after]))[0]!.n
        : page.length;
    const owners = await ownersOf(tx, session, [...new Set(page.map((row) => row.owner_id))]);
    return {
      rows: page.map(pulledRow),
      cursor: encodeCursor({ teamId: session.teamId, version: Math.max(after, reached) }),
      hasMore,
      lastMutationId,
      resetRequired: false,
      ...(total === undefined ? {} : { total }),
      owners,
    };
  }, 'repeatable read');
}
