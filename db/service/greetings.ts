/** The greetings and gifts log: marking a date or festival reminder done, and what was done before. */
import type { ApiHandlers } from '../../core/api/contract.js';
import { getAccount } from '../repo/accounts.js';
import { getContact } from '../repo/contacts.js';
import { getDate } from '../repo/dates.js';
import { getFamilyMember } from '../repo/family.js';
import { deleteGreeting, getGreeting, insertGreeting, listGreetingsOfAccount } from '../repo/greetings.js';
import { assertUndoable, foreignReference, found, invalidReference, type ServiceContext } from './context.js';

type GreetingHandlers = Pick<ApiHandlers, 'greetings.mark' | 'greetings.list' | 'greetings.undo'>;

export function greetingHandlers({ db, stamp, now: clock }: ServiceContext): GreetingHandlers {
  return {
    'greetings.mark': (input) => {
      if (!getAccount(db, input.accountId)) throw invalidReference(['accountId']);
      const ofAccount = (contactId: string | undefined) => contactId !== undefined && getContact(db, contactId)?.accountId === input.accountId;
      if (input.contactId !== null && !ofAccount(input.contactId)) throw foreignReference(['contactId']);
      if (input.familyMemberId !== null && !ofAccount(getFamilyMember(db, input.familyMemberId)?.contactId)) throw foreignReference(['familyMemberId']);
      if (input.dateId !== null && getDate(db, input.dateId)?.accountId !== input.accountId) throw foreignReference(['dateId']);
      const now = stamp();
      return insertGreeting(db, { ...input, greetedAt: now }, now);
    },
    'greetings.list': ({ accountId }) => listGreetingsOfAccount(db, accountId),
    // Undo: the greeting's tombstone syncs like any delete, so the reminder comes back on every device.
    'greetings.undo': ({ id }) => {
      assertUndoable(found(getGreeting(db, id)).greetedAt, clock());
      deleteGreeting(db, id, stamp());
      return { id };
    },
  };
}
