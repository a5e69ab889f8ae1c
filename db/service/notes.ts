import type { ApiHandlers } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { getAccount } from '../repo/accounts.js';
import { getContact } from '../repo/contacts.js';
import { deleteNote, getNote, insertNote, listRevisions, updateNoteBody } from '../repo/notes.js';
import { getVisit } from '../repo/visits.js';
import { foreignReference, found, invalidReference, type ServiceContext } from './context.js';

type NoteHandlers = Pick<ApiHandlers, 'notes.create' | 'notes.update' | 'notes.delete' | 'notes.revisions'>;

export function noteHandlers({ db, stamp }: ServiceContext): NoteHandlers {
  return {
    'notes.create': (values) => {
      if (!getAccount(db, values.accountId)) throw invalidReference(['accountId']);
      if (values.visitId !== null && getVisit(db, values.visitId)?.accountId !== values.accountId) throw foreignReference(['visitId']);
      if (values.contactId !== null && getContact(db, values.contactId)?.accountId !== values.accountId) throw foreignReference(['contactId']);
      return insertNote(db, values, stamp());
    },
    'notes.update': ({ id, body }) => updateNoteBody(db, id, body, stamp()),
    'notes.delete': ({ id }) => {
      found(getNote(db, id));
      deleteNote(db, id, stamp());
      return { id };
    },
    'notes.revisions': ({ id }) => {
      const revisions = listRevisions(db, id);
      if (revisions.length === 0) throw new ApiError('not_found');
      return revisions;
    },
  };
}
