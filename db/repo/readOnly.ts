/**
 * Whose accounts this app may change: the one rule, enforced by the synced writers (`synced.ts`) and
 * the service's local-state writes, and reported in the account list and detail.
 *
 * A lead's (or admin's) app holds the whole team's accounts, but the server lets them write only their
 * own: an account whose `owner_id` is another user is read-only there, with every row belonging to it.
 * A rep is never restricted (the server sends a rep only accounts they own or that are shared with
 * them, which they may write), and rows with no owner (local, never synced) are the user's own.
 * The rule holds while signed out too: the team's rows stay on the device, and an edit made then
 * would only be refused at the next sign-in.
 */
import { ApiError } from '../../core/api/errors.js';
import type { Db } from '../connection.js';
import { statement } from './table.js';

/**
 * The user whose accounts alone are writable, or null when every account is. Every synced write asks,
 * so this reads the signed-in user of `readSyncState` (db/sync/state.ts) straight from its row, without
 * that function's insert of a missing row (a fifth of the cost, which a 50,000-row import pays per row).
 */
export function restrictedToUser(db: Db): string | null {
  const user = statement(db, 'SELECT user_id, role FROM sync_state WHERE id = 1').get() as { user_id: string | null; role: string | null } | undefined;
  return user?.user_id != null && (user.role === 'lead' || user.role === 'admin') ? user.user_id : null;
}

/** Whether an account with this owner is read-only for `restrictedTo` (from `restrictedToUser`). */
export function isReadOnlyOwner(ownerId: string | null, restrictedTo: string | null): boolean {
  return restrictedTo !== null && ownerId !== null && ownerId !== restrictedTo;
}

export interface AccountOwnership {
  ownerId: string | null;
  /** the owner's display name as the team server gave it; null when unknown */
  ownerName: string | null;
  readOnly: boolean;
}

/** Who owns the account and whether this app may change it; null for an account that does not exist. */
export function accountOwnership(db: Db, accountId: string, restrictedTo = restrictedToUser(db)): AccountOwnership | null {
  const row = statement(db, 'SELECT a.owner_id, o.display_name FROM accounts a LEFT JOIN sync_owners o ON o.id = a.owner_id WHERE a.id = ?').get(accountId) as
    | { owner_id: string | null; display_name: string | null }
    | undefined;
  if (!row) return null;
  return { ownerId: row.owner_id, ownerName: row.display_name, readOnly: isReadOnlyOwner(row.owner_id, restrictedTo) };
}

/** The refusal of a change to another rep's account, naming that rep when the name is known. */
export function readOnlyAccountError(ownerName: string | null): ApiError {
  return ownerName === null
    ? new ApiError('forbidden', { messageKey: 'errors.readOnlyAccountOtherRep' })
    : new ApiError('forbidden', { messageKey: 'errors.readOnlyAccount', params: { owner: ownerName } });
}

/** Throws `readOnlyAccountError` when the account is read-only here; a missing account passes (its writer reports it). */
export function assertAccountWritable(db: Db, accountId: string, restrictedTo = restrictedToUser(db)): void {
  if (restrictedTo === null) return;
  const ownership = accountOwnership(db, accountId, restrictedTo);
  if (ownership?.readOnly) throw readOnlyAccountError(ownership.ownerName);
}

/** A row of a synced table, by what ties it to its account. */
export interface RowRefs {
  id: string;
  accountId?: unknown;
  contactId?: unknown;
}

/** The account a row belongs to: an account is its own; a family member belongs to its contact's account. */
function accountOfRow(db: Db, table: string, row: RowRefs): string | null {
  if (table === 'accounts') return row.id;
  if (typeof row.accountId === 'string') return row.accountId;
  if (table === 'family_members' && typeof row.contactId === 'string') {
    return (statement(db, 'SELECT account_id FROM contacts WHERE id = ?').pluck().get(row.contactId) as string | undefined) ?? null;
  }
  return null;
}

/** The guard of every synced write: refuses a row of a read-only account before anything is written. */
export function assertRowWritable(db: Db, table: string, row: RowRefs): void {
  const restrictedTo = restrictedToUser(db);
  if (restrictedTo === null) return;
  const accountId = accountOfRow(db, table, row);
  if (accountId !== null) assertAccountWritable(db, accountId, restrictedTo);
}

/** Ids of the accounts that are read-only here (empty when nothing is). */
export function readOnlyAccountIds(db: Db): ReadonlySet<string> {
  const restrictedTo = restrictedToUser(db);
  if (restrictedTo === null) return new Set();
  return new Set(statement(db, 'SELECT id FROM accounts WHERE owner_id IS NOT NULL AND owner_id <> ?').pluck().all(restrictedTo) as string[]);
}
