/** Reader/writer functions for contacts' family members. Deleting one also deletes its dates. */
import { uuidv7 } from 'uuidv7';
import type { FamilyMember } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { deleteDatesWhere } from './dates.js';
import { insertSynced, tombstoneSynced, updateSynced } from '../synced/localWrites.js';
import { fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const FAMILY_MEMBERS: TableSpec = {
  table: 'family_members',
  fields: { contactId: 'value', name: 'value', relation: 'value', notes: 'value' },
};

export type FamilyMemberValues = Omit<FamilyMember, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export function insertFamilyMember(db: Db, values: FamilyMemberValues, now: string): FamilyMember {
  return insertSynced<FamilyMember>(db, FAMILY_MEMBERS, uuidv7(), values, now);
}

export function updateFamilyMember(db: Db, id: string, patch: Partial<Omit<FamilyMemberValues, 'contactId'>>, now: string): FamilyMember {
  return updateSynced<FamilyMember>(db, FAMILY_MEMBERS, id, patch, now);
}

export function deleteFamilyMember(db: Db, id: string, now: string): void {
  db.transaction(() => {
    deleteDatesWhere(db, 'family_member_id', id, now);
    tombstoneSynced(db, FAMILY_MEMBERS, id, now);
  })();
}

export function getFamilyMember(db: Db, id: string): FamilyMember | undefined {
  return readLive<FamilyMember>(db, FAMILY_MEMBERS, id);
}

/** Live family members of the account's live contacts. */
export function listFamilyOfAccount(db: Db, accountId: string): FamilyMember[] {
  const sql = `
    SELECT f.* FROM family_members f JOIN contacts c ON c.id = f.contact_id
    WHERE c.account_id = ? AND c.deleted_at IS NULL AND f.deleted_at IS NULL
    ORDER BY f.created_at`;
  return (statement(db, sql).all(accountId) as SqlRow[]).map((row) => fromRow<FamilyMember>(FAMILY_MEMBERS, row));
}

/** The account a family member belongs to (through its contact). */
export function accountOfFamilyMember(db: Db, familyMemberId: string): string | undefined {
  const sql = 'SELECT c.account_id FROM family_members f JOIN contacts c ON c.id = f.contact_id WHERE f.id = ?';
  return statement(db, sql).pluck().get(familyMemberId) as string | undefined;
}
