/**
 * The account record as the synced tables know it, and the one write that never touches its name: the
 * lifecycle status. Apart from db/repo/accounts.ts so that keeping statuses current (as `rounds agenda`
 * does before it reads the agenda) does not load the pinyin dictionary only a name change needs.
 */
import type { Account } from '../../core/model/schemas.js';
import type { AccountStatus } from '../../core/model/enums.js';
import type { Db } from '../connection.js';
import { updateSynced } from '../synced/localWrites.js';
import type { TableSpec } from './table.js';

export const ACCOUNTS: TableSpec = {
  table: 'accounts',
  fields: {
    name: 'value',
    tier: 'value',
    tierSource: 'value',
    status: 'value',
    industry: 'value',
    city: 'value',
    address: 'value',
    longTermContract: 'bool',
    strategic: 'bool',
    annualRevenue: 'value',
    cadenceDays: 'value',
    interests: 'value',
    notes: 'value',
    externalId: 'value',
    archivedAt: 'value',
  },
};

/** Sets an account's lifecycle status (lapsed, won back …) as an ordinary synced update. */
export function setAccountStatus(db: Db, id: string, status: AccountStatus, now: string): Account {
  return updateSynced<Account>(db, ACCOUNTS, id, { status }, now);
}
