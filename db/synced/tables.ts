/**
 * How each synced table is stored locally: the entity's fields (the repos' `TableSpec`s), the fields
 * only sync knows about (a note's `conflictOf`), and the derived search columns a pulled row needs.
 */
import type { SyncedTable } from '../../core/sync/protocol.js';
import { ACCOUNTS, nameSearchColumns } from '../repo/accounts.js';
import { COMPLAINTS } from '../repo/complaints.js';
import { CONTACTS } from '../repo/contacts.js';
import { IMPORTANT_DATES } from '../repo/dates.js';
import { FAMILY_MEMBERS } from '../repo/family.js';
import { GREETINGS } from '../repo/greetings.js';
import { NOTES } from '../repo/notes.js';
import { ORDERS } from '../repo/orders.js';
import type { TableSpec } from '../repo/table.js';
import { VISITS } from '../repo/visits.js';

export interface SyncedTableSpec extends TableSpec {
  /** local columns computed from the entity's fields (pinyin keys of a name) */
  derive?: (fields: Record<string, unknown>) => Record<string, unknown>;
}

const nameKeys = (fields: Record<string, unknown>): Record<string, unknown> =>
  typeof fields.name === 'string' ? nameSearchColumns(fields.name) : {};

/** Notes as sync sees them: with the conflict link, which the note screens do not edit. */
export const SYNCED_NOTES: TableSpec = { table: 'notes', fields: { ...NOTES.fields, conflictOf: 'value' } };

export const SYNCED_SPECS: Record<SyncedTable, SyncedTableSpec> = {
  accounts: { ...ACCOUNTS, derive: nameKeys },
  contacts: { ...CONTACTS, derive: nameKeys },
  family_members: FAMILY_MEMBERS,
  important_dates: IMPORTANT_DATES,
  visits: VISITS,
  notes: SYNCED_NOTES,
  complaints: COMPLAINTS,
  orders: ORDERS,
  greetings: GREETINGS,
};

/** Parents before children: the order to delete in reverse. */
export const SYNCED_TABLE_ORDER = Object.keys(SYNCED_SPECS) as SyncedTable[];

export function isSyncedTable(table: string): table is SyncedTable {
  return Object.hasOwn(SYNCED_SPECS, table);
}
