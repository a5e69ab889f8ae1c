/** Reader/writer functions for contacts. Deleting a contact also deletes its family members and dates. */
import { uuidv7 } from 'uuidv7';
import type { Contact } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { nameSearchColumns } from './accounts.js';
import { deleteDatesWhere } from './dates.js';
import { deleteFamilyMember } from './family.js';
import { insertSynced, tombstoneSynced, updateSynced } from '../synced/localWrites.js';
import { escapeLike, fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const CONTACTS: TableSpec = {
  table: 'contacts',
  fields: {
    accountId: 'value',
    name: 'value',
    title: 'value',
    role: 'value',
    phone: 'value',
    email: 'value',
    wechat: 'value',
    interests: 'value',
    isKey: 'bool',
  },
};

export type ContactValues = Omit<Contact, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export function insertContact(db: Db, values: ContactValues, now: string): Contact {
  return insertSynced<Contact>(db, CONTACTS, uuidv7(), values, now, nameSearchColumns(values.name));
}

export function updateContact(db: Db, id: string, patch: Partial<Omit<ContactValues, 'accountId'>>, now: string): Contact {
  return updateSynced<Contact>(db, CONTACTS, id, patch, now, patch.name === undefined ? {} : nameSearchColumns(patch.name));
}

export function deleteContact(db: Db, id: string, now: string): void {
  db.transaction(() => {
    const familyIds = statement(db, 'SELECT id FROM family_members WHERE contact_id = ? AND deleted_at IS NULL').pluck().all(id) as string[];
    for (const familyId of familyIds) deleteFamilyMember(db, familyId, now);
    deleteDatesWhere(db, 'contact_id', id, now);
    tombstoneSynced(db, CONTACTS, id, now);
  })();
}

export function getContact(db: Db, id: string): Contact | undefined {
  return readLive<Contact>(db, CONTACTS, id);
}

export function listContactsOfAccount(db: Db, accountId: string): Contact[] {
  const sql = 'SELECT * FROM contacts WHERE account_id = ? AND deleted_at IS NULL ORDER BY is_key DESC, name_pinyin, name';
  return (statement(db, sql).all(accountId) as SqlRow[]).map((row) => fromRow<Contact>(CONTACTS, row));
}

export interface ContactHit {
  id: string;
  name: string;
  title: string | null;
  accountId: string;
  accountName: string;
}

/** Contacts of live accounts whose name contains `text` or whose pinyin / initials start with it. */
export function searchContacts(db: Db, text: string, limit: number): ContactHit[] {
  const sql = `
    SELECT c.id, c.name, c.title, c.account_id AS accountId, a.name AS accountName
    FROM contacts c JOIN accounts a ON a.id = c.account_id
    WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL AND a.archived_at IS NULL
      AND (c.name LIKE :contains ESCAPE '\\' OR c.name_pinyin LIKE :prefix ESCAPE '\\' OR c.name_initials LIKE :prefix ESCAPE '\\')
    ORDER BY c.is_key DESC, c.name_pinyin, c.name
    LIMIT :limit`;
  const escaped = escapeLike(text.toLowerCase());
  return statement(db, sql).all({ contains: `%${escapeLike(text)}%`, prefix: `${escaped}%`, limit }) as ContactHit[];
}
