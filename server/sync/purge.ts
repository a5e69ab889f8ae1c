import type { SqlClient } from '../store/sqlClient.js';

export const DEFAULT_TOMBSTONE_DAYS = 90;

/**
 * Deletes tombstones older than the window and raises each team's purge horizon to the highest purged
 * version: a client whose cursor is below it may have missed a delete and must resync from scratch.
 * Rejected mutations older than the same window go too (the table would otherwise grow forever; a
 * client retrying one that old is told `duplicate` instead of `rejected` again).
 * Safe to run from several servers at once. Returns how many tombstones went.
 */
export async function purgeTombstones(store: SqlClient, options: { olderThanDays: number; now: Date }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - options.olderThanDays * 86_400_000);
  return store.transaction(async (tx) => {
    const purged = await tx.query<{ team_id: string; horizon: number; count: number }>(
      `WITH gone AS (DELETE FROM sync_rows WHERE deleted_at IS NOT NULL AND deleted_at < $1 RETURNING team_id, version)
       SELECT team_id, max(version) AS horizon, count(*)::int AS count FROM gone GROUP BY team_id`,
      [cutoff],
    );
    await tx.query('DELETE FROM rejected_mutations WHERE rejected_at < $1', [cutoff]);
    for (const team of purged) {
      await tx.query('UPDATE teams SET purge_horizon = GREATEST(purge_horizon, $2) WHERE id = $1', [team.team_id, team.horizon]);
    }
    return purged.reduce((sum, team) => sum + team.count, 0);
  });
}
