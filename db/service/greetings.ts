/** The greetings and gifts log: marking a date or festival reminder done, and what was done before. */
import type { ApiHandlers } from '../../core/api/contract.js';
import { getAccount } from '../repo/accounts.js';
import { getContact } from '../repo/contacts.js';
import { getDate } from '../repo/dates.js';
import { insertGreeting, listGreetingsOfAccount } from '../repo/greetings.js';
import { invalidReference, type ServiceContext } from './context.js';

type GreetingHandlers = Pick<ApiHandlers, 'greetings.mark' | 'greetings.list'>;

export function greetingHandlers({ db, stamp }: ServiceContext): GreetingHandlers {
  return {
    'greetings.mark': (input) => {
      if (!getAccount(db, input.accountId)) throw invalidReference(['accountId']);
      if (input.contactId !== null && getContact(db, input.contactId)?.accountId !== input.accountId) throw invalidReference(['contactId']);
      if (input.dateId !== null && getDate(db, input.dateId)?.accountId !== input.accountId) throw invalidReference(['dateId']);
      const now = stamp();
      return insertGreeting(db, { ...input, greetedAt: now }, now);
    },
    'greetings.list': ({ accountId }) => listGreetingsOfAccount(db, accountId),
  };
}
