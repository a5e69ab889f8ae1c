/**
 * Reader/writer functions for notes. Notes keep their history: every create, edit and delete
 * appends a `note_revisions` row (db/synced/noteHistory.ts) and bumps `revision`, in the same
 * transaction as the change. A note pulled with its one text has no rows: an edit or delete first
 * writes that text as revision 1 (`keepFirstText`), then the new one.
 */
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../../core/api/errors.js';
import type { Note, NoteRevision } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { insertSynced, tombstoneSynced, updateSynced } from '../synced/localWrites.js';
import { appendRevision, keepFirstText, nextRevision, readHistory } from '../synced/noteHistory.js';
import { fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const NOTES: TableSpec = {
  table: 'notes',
  fields: { accountId: 'value', visitId: 'value', contactId: 'value', body: 'value', revision: 'value' },
};

export type NoteValues = Pick<Note, 'accountId' | 'visitId' | 'contactId' | 'body'>;

export function insertNote(db: Db, values: NoteValues, now: string): Note {
  return db.transaction(() => {
    const note = insertSynced<Note>(db, NOTES, uuidv7(), { ...values, revision: 1 }, now);
    appendRevision(db, note.id, 1, note.body, false, now);
    return note;
  })();
}

/** Replaces the body; an unchanged body is not a new revision. Throws `not_found` for a missing note. */
export function updateNoteBody(db: Db, id: string, body: string, now: string): Note {
  return db.transaction(() => {
    const current = getNote(db, id);
    if (!current) throw new ApiError('not_found');
    if (current.body === body) return current;
    keepFirstText(db, id);
    const note = updateSynced<Note>(db, NOTES, id, { body, revision: nextRevision(db, id) }, now);
    appendRevision(db, id, note.revision, body, false, now);
    return note;
  })();
}

/** Tombstones the note; its last text stays in the history as the deleting revision. */
export function deleteNote(db: Db, id: string, now: string): void {
  db.transaction(() => {
    const current = getNote(db, id);
    if (current) {
      keepFirstText(db, id);
      const revision = nextRevision(db, id);
      updateSynced<Note>(db, NOTES, id, { revision }, now);
      appendRevision(db, id, revision, current.body, true, now);
    }
    tombstoneSynced(db, NOTES, id, now);
  })();
}

export function getNote(db: Db, id: string): Note | undefined {
  return readLive<Note>(db, NOTES, id);
}

export function listNotesOfAccount(db: Db, accountId: string): Note[] {
  const sql = 'SELECT * FROM notes WHERE account_id = ? AND deleted_at IS NULL';
  return (statement(db, sql).all(accountId) as SqlRow[]).map((row) => fromRow<Note>(NOTES, row));
}

/** Every revision of a note (deleted notes included), newest first. Empty for an unknown note. */
export function listRevisions(db: Db, noteId: string): NoteRevision[] {
  return readHistory(db, noteId);
}
