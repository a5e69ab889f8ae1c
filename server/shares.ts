/**
 * Sharing an account with another rep of its team (`rounds share …`): they may then read and write it
 * as its owner does. The account's existing rows were written before the share, below the rep's pull
 * cursor, so sharing gives them fresh team versions: the rep's next ordinary pull brings the whole
 * account (other readers get the rows again, unchanged, which costs them nothing but bytes).
 */
import { ServerError } from './errors.js';
import { isUuid, type SqlClient, type SqlQueryable } from './store/sqlClient.js';

export interface ShareListing {
  accountId: string;
  accountName: string;
  username: string;
}

interface AccountRow {
  id: string;
  team_id: string;
  owner_id: string;
  name: string;
}

/** The account named by id, or by exact name within the user's team; a name two accounts share is refused. */
async function findAccount(tx: SqlQueryable, account: string, teamId: string): Promise<AccountRow> {
  const byId = isUuid(account);
  const rows = await tx.query<AccountRow>(
    `SELECT id, team_id, owner_id, data->>'name' AS name FROM sync_rows
     WHERE table_name = 'accounts' AND deleted_at IS NULL AND ${byId ? 'id = $1::uuid' : `data->>'name' = $1 AND team_id = $2`}`,
    byId ? [account] : [account, teamId],
  );
  if (rows.length > 1) throw new ServerError('invalid', 'sync.server.ambiguousAccount', rows.map((r) => ({ path: ['account'], message: r.id })));
  if (!rows[0]) throw new ServerError('not_found', 'sync.server.noSuchAccount');
  return rows[0];
}

async function findUser(tx: SqlQueryable, username: string): Promise<{ id: string; team_id: string }> {
  const [user] = await tx.query<{ id: string; team_id: string }>('SELECT id, team_id FROM users WHERE username = $1', [username]);
  if (!user) throw new ServerError('not_found', 'sync.server.noSuchUser');
  return user;
}

/** Gives every row of the account the team's next versions, rows locked first (in the order a push locks them). */
async function republishAccount(tx: SqlQueryable, accountId: string, teamId: string): Promise<void> {
  await tx.query('SELECT 1 FROM sync_rows WHERE account_id = $1 ORDER BY table_name, id FOR UPDATE', [accountId]);
  await tx.query(
    `WITH rows AS (SELECT table_name, id, row_number() OVER (ORDER BY version) AS ord FROM sync_rows WHERE account_id = $1),
     base AS (UPDATE teams SET last_version = last_version + (SELECT count(*) FROM rows) WHERE id = $2 RETURNING last_version - (SELECT count(*) FROM rows) AS version)
     UPDATE sync_rows r SET version = base.version + rows.ord FROM rows CROSS JOIN base WHERE r.table_name = rows.table_name AND r.id = rows.id`,
    [accountId, teamId],
  );
}

export async function shareAccount(store: SqlClient, request: { account: string; username: string }): Promise<ShareListing> {
  return store.transaction(async (tx) => {
    const user = await findUser(tx, request.username);
    const account = await findAccount(tx, request.account, user.team_id);
    if (account.team_id !== user.team_id) throw new ServerError('forbidden', 'sync.server.otherTeam');
    if (account.owner_id !== user.id) {
      const added = await tx.query('INSERT INTO account_shares (account_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [account.id, user.id]);
      if (added.length > 0) await republishAccount(tx, account.id, account.team_id);
    }
    return { accountId: account.id, accountName: account.name, username: request.username };
  });
}

/** Ends a share: the rep's pushes to the account are refused from now on. */
export async function unshareAccount(store: SqlClient, request: { account: string; username: string }): Promise<ShareListing> {
  return store.transaction(async (tx) => {
    const user = await findUser(tx, request.username);
    const account = await findAccount(tx, request.account, user.team_id);
    const removed = await tx.query('DELETE FROM account_shares WHERE account_id = $1 AND user_id = $2 RETURNING 1', [account.id, user.id]);
    if (removed.length === 0) throw new ServerError('not_found', 'sync.server.noSuchShare');
    return { accountId: account.id, accountName: account.name, username: request.username };
  });
}

export async function listShares(store: SqlClient): Promise<ShareListing[]> {
  const rows = await store.query<{ account_id: string; account_name: string; username: string }>(
    `SELECT s.account_id, a.data->>'name' AS account_name, u.username FROM account_shares s
     JOIN users u ON u.id = s.user_id JOIN sync_rows a ON a.table_name = 'accounts' AND a.id = s.account_id
     ORDER BY account_name, u.username`,
  );
  return rows.map((r) => ({ accountId: r.account_id, accountName: r.account_name, username: r.username }));
}
