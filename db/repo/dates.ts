/** Reader/writer functions for important dates (birthdays, anniversaries, …). */
import { uuidv7 } from 'uuidv7';
import type { ImportantDate } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { insertSynced, tombstoneSynced, updateSynced } from '../synced/localWrites.js';
import { fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const IMPORTANT_DATES: TableSpec = {
  table: 'important_dates',
  fields: {
    accountId: 'value',
    contactId: 'value',
    familyMemberId: 'value',
    kind: 'value',
    label: 'value',
    leadDays: 'value',
    calendar: 'value',
    month: 'value',
    day: 'value',
    isLeapMonth: 'bool',
    year: 'value',
  },
};

export type ImportantDateValues = Omit<ImportantDate, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;
type DatePatch = Partial<Omit<ImportantDateValues, 'accountId' | 'contactId' | 'familyMemberId'>>;

export function insertDate(db: Db, values: ImportantDateValues, now: string): ImportantDate {
  return insertSynced<ImportantDate>(db, IMPORTANT_DATES, uuidv7(), values, now);
}

export function updateDate(db: Db, id: string, patch: DatePatch, now: string): ImportantDate {
  return updateSynced<ImportantDate>(db, IMPORTANT_DATES, id, patch, now);
}

export function deleteDate(db: Db, id: string, now: string): void {
  tombstoneSynced(db, IMPORTANT_DATES, id, now);
}

/** Deletes every live date of a contact or family member that is being deleted. */
export function deleteDatesWhere(db: Db, owner: 'contact_id' | 'family_member_id', ownerId: string, now: string): void {
  const ids = statement(db, `SELECT id FROM important_dates WHERE ${owner} = ? AND deleted_at IS NULL`).pluck().all(ownerId) as string[];
  for (const id of ids) deleteDate(db, id, now);
}

export function getDate(db: Db, id: string): ImportantDate | undefined {
  return readLive<ImportantDate>(db, IMPORTANT_DATES, id);
}

export function listDatesOfAccount(db: Db, accountId: string): ImportantDate[] {
  const sql = 'SELECT * FROM important_dates WHERE account_id = ? AND deleted_at IS NULL ORDER BY month, day';
  return (statement(db, sql).all(accountId) as SqlRow[]).map((row) => fromRow<ImportantDate>(IMPORTANT_DATES, row));
}

export interface DateWithNames {
  date: ImportantDate;
  accountName: string;
  contactName: string | null;
  familyMemberName: string | null;
}

/** Every live date of a live, not archived account, with the names of whom it belongs to. */
export function listDatesWithNames(db: Db): DateWithNames[] {
  const sql = `
    SELECT d.*, a.name AS account_name, c.name AS contact_name, f.name AS family_member_name
    FROM important_dates d
    JOIN accounts a ON a.id = d.account_id
    LEFT JOIN contacts c ON c.id = d.contact_id
    LEFT JOIN family_members f ON f.id = d.family_member_id
    WHERE d.deleted_at IS NULL AND a.deleted_at IS NULL AND a.archived_at IS NULL`;
  return (statement(db, sql).all() as SqlRow[]).map((row) => ({
    date: fromRow<ImportantDate>(IMPORTANT_DATES, row),
    accountName: row.account_name as string,
    contactName: (row.contact_name as string | null) ?? null,
    familyMemberName: (row.family_member_name as string | null) ?? null,
  }));
}
