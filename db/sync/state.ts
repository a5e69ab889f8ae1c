/**
 * The sync client's local bookkeeping (migration 005): who this installation syncs as, the pull cursor
 * (and a first sync's priority phase, migration 011), the last outcome, the changes the server rejected, and the display names of row owners.
 */
import { uuidv7 } from 'uuidv7';
import type { RejectedChangeView } from '../../core/api/contract.js';
import type { SessionUser } from '../../core/sync/protocol.js';
import type { Db } from '../connection.js';
import type { OutboxEntry } from '../synced/outbox.js';
import { statement } from '../repo/table.js';

export interface SyncState {
  clientId: string;
  serverUrl: string | null;
  user: Pick<SessionUser, 'id' | 'username' | 'displayName' | 'role' | 'teamId' | 'teamName'> | null;
  cursor: string | null;
  lastMutationId: number;
  lastSyncedAt: string | null;
  lastError: string | null;
}

interface SyncStateRow {
  client_id: string;
  server_url: string | null;
  user_id: string | null;
  username: string | null;
  display_name: string | null;
  role: SessionUser['role'] | null;
  team_id: string | null;
  team_name: string | null;
  cursor: string | null;
  last_mutation_id: number;
  last_synced_at: string | null;
  last_error: string | null;
}

/** The state row, created on first use with a fresh client id (one per installation, kept across sign-ins). */
export function readSyncState(db: Db): SyncState {
  const read = () => statement(db, 'SELECT * FROM sync_state WHERE id = 1').get() as SyncStateRow | undefined;
  let row = read();
  if (!row) {
    // Only the first time: no write, and no random id drawn, on every read after it.
    statement(db, 'INSERT OR IGNORE INTO sync_state (id, client_id) VALUES (1, ?)').run(uuidv7());
    row = read()!;
  }
  return {
    clientId: row.client_id,
    serverUrl: row.server_url,
    user:
      row.user_id === null
        ? null
        : {
            id: row.user_id,
            username: row.username ?? '',
            displayName: row.display_name ?? '',
            role: row.role ?? 'rep',
            teamId: row.team_id ?? '',
            teamName: row.team_name ?? '',
          },
    cursor: row.cursor,
    lastMutationId: row.last_mutation_id,
    lastSyncedAt: row.last_synced_at,
    lastError: row.last_error,
  };
}

/** Remembers the server and user after a sign-in. A different server or user starts from a full pull. */
export function saveSignIn(db: Db, serverUrl: string, user: SessionUser): void {
  const current = readSyncState(db);
  const sameAccount = current.serverUrl === serverUrl && current.user?.id === user.id;
  statement(
    db,
    `UPDATE sync_state SET server_url = ?, user_id = ?, username = ?, display_name = ?, role = ?, team_id = ?, team_name = ?,
       cursor = CASE WHEN ? THEN cursor ELSE NULL END, last_error = NULL WHERE id = 1`,
  ).run(serverUrl, user.id, user.username, user.displayName, user.role, user.teamId, user.teamName, sameAccount ? 1 : 0);
  if (!sameAccount) saveCursor(db, null);
  saveOwnerNames(db, [{ id: user.id, displayName: user.displayName }]);
}

/** Forgets the server and user; the cursor stays so that signing in again as the same user resumes. */
export function saveSignOut(db: Db): void {
  statement(db, 'UPDATE sync_state SET server_url = NULL, last_error = NULL WHERE id = 1').run();
}

/** A null cursor starts a full pull again, and with it the priority phase. */
export function saveCursor(db: Db, cursor: string | null): void {
  if (cursor === null) statement(db, 'UPDATE sync_state SET cursor = NULL, priority_cursor = NULL, priority_done = 0 WHERE id = 1').run();
  else statement(db, 'UPDATE sync_state SET cursor = ? WHERE id = 1').run(cursor);
}

/** A first sync's priority phase (migration 011): where it got to (`cursor`), and whether it is over. */
export interface PriorityState {
  cursor: string | null;
  done: boolean;
}

export function readPriorityState(db: Db): PriorityState {
  readSyncState(db);
  const row = statement(db, 'SELECT priority_cursor, priority_done FROM sync_state WHERE id = 1').get() as { priority_cursor: string | null; priority_done: number };
  return { cursor: row.priority_cursor, done: row.priority_done === 1 };
}

export function savePriorityState(db: Db, state: PriorityState): void {
  statement(db, 'UPDATE sync_state SET priority_cursor = ?, priority_done = ? WHERE id = 1').run(state.cursor, state.done ? 1 : 0);
}

export function saveAcknowledged(db: Db, lastMutationId: number): void {
  statement(db, 'UPDATE sync_state SET last_mutation_id = max(last_mutation_id, ?) WHERE id = 1').run(lastMutationId);
}

export function saveOutcome(db: Db, outcome: { syncedAt: string } | { errorKey: string }): void {
  if ('syncedAt' in outcome) statement(db, 'UPDATE sync_state SET last_synced_at = ?, last_error = NULL WHERE id = 1').run(outcome.syncedAt);
  else statement(db, 'UPDATE sync_state SET last_error = ? WHERE id = 1').run(outcome.errorKey);
}

export function saveOwnerNames(db: Db, owners: ReadonlyArray<{ id: string; displayName: string }>): void {
  const upsert = statement(db, 'INSERT INTO sync_owners (id, display_name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET display_name = excluded.display_name');
  for (const owner of owners) upsert.run(owner.id, owner.displayName);
}

/** A refused change as recorded; the inbox adds what it was about (conflicts.ts). */
export type RejectedChange = Omit<RejectedChangeView, 'about'>;

export function recordRejected(db: Db, entry: OutboxEntry, reason: RejectedChange['reason'], message: string | null, now: string): void {
  statement(
    db,
    'INSERT INTO rejected_mutations (mutation_id, table_name, row_id, op, fields, reason, message, changed_at, rejected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(entry.mutationId, entry.table, entry.rowId, entry.op, JSON.stringify(entry.fields), reason, message, entry.createdAt, now);
}

interface RejectedRow {
  id: number;
  mutation_id: number;
  table_name: string;
  row_id: string;
  op: 'upsert' | 'delete';
  fields: string;
  reason: RejectedChange['reason'];
  message: string | null;
  changed_at: string;
  rejected_at: string;
}

export function listRejected(db: Db): RejectedChange[] {
  return (statement(db, 'SELECT * FROM rejected_mutations ORDER BY id').all() as RejectedRow[]).map((row) => ({
    id: row.id,
    mutationId: row.mutation_id,
    table: row.table_name,
    rowId: row.row_id,
    op: row.op,
    fields: JSON.parse(row.fields) as Record<string, unknown>,
    reason: row.reason,
    message: row.message,
    changedAt: row.changed_at,
    rejectedAt: row.rejected_at,
  }));
}

/** Returns whether there was such a rejection. */
export function dismissRejected(db: Db, id: number): boolean {
  return statement(db, 'DELETE FROM rejected_mutations WHERE id = ?').run(id).changes > 0;
}
