import type { ApiHandlers, UpcomingDate } from '../../core/api/contract.js';
import { addDays } from '../../core/calendar/day.js';
import { nextOccurrence } from '../../core/calendar/occurrence.js';
import { getAccount } from '../repo/accounts.js';
import { getContact } from '../repo/contacts.js';
import { deleteDate, getDate, insertDate, listDatesWithNames, updateDate, type ImportantDateValues } from '../repo/dates.js';
import { getFamilyMember } from '../repo/family.js';
import { foreignReference, found, invalidReference, type ServiceContext } from './context.js';

type DateHandlers = Pick<ApiHandlers, 'dates.create' | 'dates.update' | 'dates.delete' | 'dates.upcoming'>;

/**
 * A date belongs to an account, optionally to one of its contacts, optionally to one of that
 * contact's family members; a family member's date gets its contact filled in.
 */
function checkOwners(db: ServiceContext['db'], values: ImportantDateValues): ImportantDateValues {
  if (!getAccount(db, values.accountId)) throw invalidReference(['accountId']);
  let contactId = values.contactId;
  if (values.familyMemberId !== null) {
    const member = getFamilyMember(db, values.familyMemberId);
    if (!member || (contactId !== null && member.contactId !== contactId)) throw foreignReference(['familyMemberId']);
    contactId = member.contactId;
  }
  if (contactId !== null && getContact(db, contactId)?.accountId !== values.accountId) {
    throw foreignReference([values.contactId === null ? 'familyMemberId' : 'contactId']);
  }
  return { ...values, contactId };
}

export function dateHandlers({ db, stamp }: ServiceContext): DateHandlers {
  return {
    'dates.create': (values) => insertDate(db, checkOwners(db, values), stamp()),
    'dates.update': ({ id, patch }) => updateDate(db, id, patch, stamp()),
    'dates.delete': ({ id }) => {
      found(getDate(db, id));
      deleteDate(db, id, stamp());
      return { id };
    },
    'dates.upcoming': ({ from, days }) => {
      const last = addDays(from, days - 1);
      return listDatesWithNames(db)
        .map(({ date, ...names }): UpcomingDate => {
          const next = nextOccurrence(date, from);
          return { date, occurrence: next.day, years: next.years, ...names };
        })
        .filter((upcoming) => upcoming.occurrence <= last)
        .sort((a, b) => a.occurrence.localeCompare(b.occurrence) || a.accountName.localeCompare(b.accountName));
    },
  };
}
