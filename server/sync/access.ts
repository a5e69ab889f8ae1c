/**
 * Access is decided per account: everyone writes the rows of accounts they own or that are shared with
 * them; leads and admins also read every row of their team; nobody touches another team's rows.
 */

export type AccountAccess = 'missing' | 'none' | 'writable';

/** Select-list (over alias `a`, an account row; `$2` the user) giving `team_id` and whether the user may write it. */
export const ACCOUNT_ACCESS_COLUMNS = `a.team_id, (a.owner_id = $2 OR EXISTS (SELECT 1 FROM account_shares s WHERE s.account_id = a.id AND s.user_id = $2)) AS writable`;

/** SQL condition (over alias `r`, params `$1` team, `$2` user, `$3` whole-team flag) for the rows a user may read. */
export const READABLE_ROWS = `r.team_id = $1 AND ($3::boolean OR r.account_id IN (
  SELECT a.id FROM sync_rows a WHERE a.table_name = 'accounts' AND a.team_id = $1 AND a.owner_id = $2
  UNION SELECT s.account_id FROM account_shares s WHERE s.user_id = $2))`;
