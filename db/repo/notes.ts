/**
 * Reader/writer functions for notes. Notes keep their history: every create, edit and delete
 * appends a `note_revisions` row and bumps `revision`, in the same transaction as the change.
 */
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../../core/api/errors.js';
import type { Note, NoteRevision } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { insertSynced, tombstoneSynced, updateSynced } from './synced.js';
import { fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const NOTES: TableSpec = {
  table: 'notes',
  fields: { accountId: 'value', visitId: 'value', contactId: 'value', body: 'value', revision: 'value' },
};

export type NoteValues = Pick<Note, 'accountId' | 'visitId' | 'contactId' | 'body'>;

/** The next number in the note's local history (which may also hold texts that came from other devices). */
function nextRevision(db: Db, noteId: string): number {
  return ((statement(db, 'SELECT max(revision) FROM note_revisions WHERE note_id = ?').pluck().get(noteId) as number | null) ?? 0) + 1;
}

function appendRevision(db: Db, noteId: string, revision: number, body: string, deleted: boolean, now: string): void {
  statement(db, 'INSERT INTO note_revisions (id, note_id, revision, body, deleted, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    uuidv7(),
    noteId,
    revision,
    body,
    deleted ? 1 : 0,
    now,
  );
}

/**
 * A note's text as the server has it (pulled from another device, or put back after a refused change)
 * joins the local history, unless the history already ends with it (our own edit coming back).
 */
export function recordSyncedText(db: Db, noteId: string, body: string, text: { deleted: boolean; at: string; first?: boolean }): void {
  // `first`: the caller knows this laptop has no history of the note (it has just arrived), as in a first sync.
  if (text.first) return appendRevision(db, noteId, 1, body, text.deleted, text.at);
  const latest = statement(db, 'SELECT body, deleted FROM note_revisions WHERE note_id = ? ORDER BY revision DESC LIMIT 1').get(noteId) as
    | { body: string; deleted: number }
    | undefined;
  if (latest && latest.body === body && latest.deleted === (text.deleted ? 1 : 0)) return;
  appendRevision(db, noteId, nextRevision(db, noteId), body, text.deleted, text.at);
}

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
  const sql = 'SELECT note_id, revision, body, deleted, created_at FROM note_revisions WHERE note_id = ? ORDER BY revision DESC';
  return (statement(db, sql).all(noteId) as SqlRow[]).map((row) => ({
    noteId: row.note_id as string,
    revision: row.revision as number,
    body: row.body as string,
    createdAt: row.created_at as string,
    deleted: row.deleted === 1,
  }));
}
