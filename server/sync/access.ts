/**
 * Access is decided per account: everyone writes the rows of accounts they own or that are shared with
 * them; leads and admins also read every row of their team; nobody touches another team's rows.
 */
import type { SqlQueryable } from '../store/sqlClient.js';
import type { SyncSession } from './session.js';

export type AccountAccess = 'missing' | 'none' | 'writable';

export async function accountAccess(tx: SqlQueryable, session: SyncSession, accountId: string): Promise<AccountAccess> {
  const [account] = await tx.query<{ team_id: string; writable: boolean }>(
    `SELECT a.team_id, (a.owner_id = $2 OR EXISTS (SELECT 1 FROM account_shares s WHERE s.account_id = a.id AND s.user_id = $2)) AS writable
     FROM sync_rows a WHERE a.table_name = 'accounts' AND a.id = $1`,
    [accountId, session.userId],
  );
  if (!account) return 'missing';
  return account.team_id === session.teamId && account.writable ? 'writable' : 'none';
}

/** SQL condition (over alias `r`, params `$1` team, `$2` user, `$3` whole-team flag) for the rows a user may read. */
export const READABLE_ROWS = `r.team_id = $1 AND ($3::boolean OR r.account_id IN (
  SELECT a.id FROM sync_rows a WHERE a.table_name = 'accounts' AND a.team_id = $1 AND a.owner_id = $2
  UNION SELECT s.account_id FROM account_shares s WHERE s.user_id = $2))`;
