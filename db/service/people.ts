/** Contacts and their family members. */
import type { ApiHandlers } from '../../core/api/contract.js';
import { getAccount } from '../repo/accounts.js';
import { deleteContact, getContact, insertContact, updateContact } from '../repo/contacts.js';
import { insertDate } from '../repo/dates.js';
import { deleteFamilyMember, getFamilyMember, insertFamilyMember, updateFamilyMember } from '../repo/family.js';
import { found, invalidReference, type ServiceContext } from './context.js';

type PeopleHandlers = Pick<
  ApiHandlers,
  'contacts.create' | 'contacts.update' | 'contacts.delete' | 'family.create' | 'family.update' | 'family.delete'
>;

export function peopleHandlers({ db, stamp }: ServiceContext): PeopleHandlers {
  return {
    // A birthday given with a new contact is saved with it, in one transaction: both rows and their
    // outbox entries, or nothing.
    'contacts.create': ({ birthday, ...values }) => {
      if (!getAccount(db, values.accountId)) throw invalidReference(['accountId']);
      const now = stamp();
      return db.transaction(() => {
        const contact = insertContact(db, values, now);
        if (birthday) {
          insertDate(db, { accountId: values.accountId, contactId: contact.id, familyMemberId: null, kind: 'birthday', label: null, leadDays: null, ...birthday }, now);
        }
        return contact;
      })();
    },
    'contacts.update': ({ id, patch }) => updateContact(db, id, patch, stamp()),
    'contacts.delete': ({ id }) => {
      found(getContact(db, id));
      deleteContact(db, id, stamp());
      return { id };
    },
    'family.create': (values) => {
      if (!getContact(db, values.contactId)) throw invalidReference(['contactId']);
      return insertFamilyMember(db, values, stamp());
    },
    'family.update': ({ id, patch }) => updateFamilyMember(db, id, patch, stamp()),
    'family.delete': ({ id }) => {
      found(getFamilyMember(db, id));
      deleteFamilyMember(db, id, stamp());
      return { id };
    },
  };
}
