import type { ApiHandlers } from '../../core/api/contract.js';
import { AccountListQuery } from '../../core/model/schemas.js';
import { listAccounts } from '../repo/accountSearch.js';
import { searchContacts } from '../repo/contacts.js';
import type { ServiceContext } from './context.js';

const QUICK_LIMIT = 8;

export function searchHandlers({ db }: ServiceContext): Pick<ApiHandlers, 'search.quick'> {
  return {
    'search.quick': ({ q }) => {
      const text = q.trim();
      if (text === '') return { accounts: [], contacts: [] };
      return {
        accounts: listAccounts(db, AccountListQuery.parse({ search: text, limit: QUICK_LIMIT }), { matchContacts: false }).rows,
        contacts: searchContacts(db, text, QUICK_LIMIT),
      };
    },
  };
}
