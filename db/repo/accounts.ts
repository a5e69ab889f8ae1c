/** Reader/writer functions for accounts. */
import { uuidv7 } from 'uuidv7';
import type { Account, AccountFields } from '../../core/model/schemas.js';
import { searchKeysFor } from '../../core/text/pinyin.js';
import type { Db } from '../connection.js';
import { insertSynced, updateSynced } from '../synced/localWrites.js';
import { ACCOUNTS } from './accountRecord.js';
import { readLive, statement } from './table.js';

export { ACCOUNTS } from './accountRecord.js';

/** The pinyin columns that make a name searchable by pinyin and initials. */
export function nameSearchColumns(name: string): { name_pinyin: string; name_initials: string } {
  const keys = searchKeysFor(name);
  return { name_pinyin: keys.pinyin, name_initials: keys.initials };
}

export function insertAccount(db: Db, fields: AccountFields, now: string): Account {
  return insertSynced<Account>(db, ACCOUNTS, uuidv7(), { ...fields, archivedAt: null }, now, nameSearchColumns(fields.name));
}

export function updateAccount(db: Db, id: string, patch: Partial<AccountFields>, now: string): Account {
  return updateSynced<Account>(db, ACCOUNTS, id, patch, now, patch.name === undefined ? {} : nameSearchColumns(patch.name));
}

/** Archive (hide from the list, keep everything) or restore. */
export function setAccountArchived(db: Db, id: string, archived: boolean, now: string): Account {
  return updateSynced<Account>(db, ACCOUNTS, id, { archivedAt: archived ? now : null }, now);
}

export function getAccount(db: Db, id: string): Account | undefined {
  return readLive<Account>(db, ACCOUNTS, id);
}

/** The instant of the account's most recent completed visit (kept by triggers, see migration 003). */
export function lastVisitAt(db: Db, accountId: string): string | null {
  return (statement(db, 'SELECT last_visit_at FROM accounts WHERE id = ?').pluck().get(accountId) as string | null) ?? null;
}

/** Cities used by live accounts, for the city filter. */
export function listCities(db: Db): string[] {
  const sql = 'SELECT DISTINCT city FROM accounts WHERE deleted_at IS NULL AND city IS NOT NULL ORDER BY city';
  return statement(db, sql).pluck().all() as string[];
}

export function countAccounts(db: Db): number {
  return statement(db, 'SELECT count(*) FROM accounts WHERE deleted_at IS NULL').pluck().get() as number;
}
