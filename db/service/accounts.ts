import type { ApiHandlers, TimelineItem } from '../../core/api/contract.js';
import { nextOccurrence } from '../../core/calendar/occurrence.js';
import { listAccounts } from '../repo/accountSearch.js';
import { getAccount, insertAccount, lastVisitAt, listCities, setAccountArchived, updateAccount } from '../repo/accounts.js';
import { listContactsOfAccount } from '../repo/contacts.js';
import { listDatesOfAccount } from '../repo/dates.js';
import { listFamilyOfAccount } from '../repo/family.js';
import { listGreetingsOfAccount } from '../repo/greetings.js';
import { listNotesOfAccount } from '../repo/notes.js';
import { accountOwnership } from '../repo/readOnly.js';
import { listVisitsOfAccount } from '../repo/visits.js';
import { found, type ServiceContext } from './context.js';

type AccountHandlers = Pick<
  ApiHandlers,
  | 'accounts.list'
  | 'accounts.cities'
  | 'accounts.get'
  | 'accounts.create'
  | 'accounts.update'
  | 'accounts.archive'
  | 'accounts.restore'
  | 'accounts.timeline'
>;

export function accountHandlers({ db, stamp, today }: ServiceContext): AccountHandlers {
  return {
    'accounts.list': (query) => listAccounts(db, query),
    'accounts.cities': () => listCities(db),
    'accounts.get': ({ id }) => {
      const account = found(getAccount(db, id));
      const { ownerName, readOnly } = found(accountOwnership(db, id) ?? undefined);
      return {
        account,
        ownerName,
        readOnly,
        contacts: listContactsOfAccount(db, id),
        family: listFamilyOfAccount(db, id),
        dates: listDatesOfAccount(db, id),
        lastVisitAt: lastVisitAt(db, id),
      };
    },
    'accounts.create': (fields) => insertAccount(db, fields, stamp()),
    'accounts.update': ({ id, patch }) => updateAccount(db, id, patch, stamp()),
    'accounts.archive': ({ id }) => setAccountArchived(db, id, true, stamp()),
    'accounts.restore': ({ id }) => setAccountArchived(db, id, false, stamp()),
    'accounts.timeline': ({ id }) => {
      found(getAccount(db, id));
      return db.transaction(() => timelineOf(db, id, today()))();
    },
  };
}

/**
 * Visits (at their done, else planned, time), notes (at creation), greetings with their gifts (when marked) and important dates (at their next
 * occurrence, so coming dates lead the timeline), newest first.
 */
function timelineOf(db: ServiceContext['db'], accountId: string, today: string): TimelineItem[] {
  const items: TimelineItem[] = [
    ...listVisitsOfAccount(db, accountId).map((visit): TimelineItem => ({
      type: 'visit',
      at: visit.doneAt ?? visit.plannedAt ?? visit.createdAt,
      visit,
    })),
    ...listNotesOfAccount(db, accountId).map((note): TimelineItem => ({ type: 'note', at: note.createdAt, note })),
    ...listGreetingsOfAccount(db, accountId).map((greeting): TimelineItem => ({ type: 'greeting', at: greeting.greetedAt, greeting })),
    ...listDatesOfAccount(db, accountId).map((date): TimelineItem => ({
      type: 'date',
      at: nextOccurrence(date, today).day,
      date,
    })),
  ];
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
