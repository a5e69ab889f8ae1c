/**
 * The conflicts inbox: note conflict copies (the text of a concurrent edit the server kept beside the
 * note) and changes the server rejected. Resolving goes through the note writers, so the outcome is
 * itself a change that syncs to every device.
 */
import type { NoteConflictView } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import type { Note } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { deleteNote, getNote, updateNoteBody } from '../repo/notes.js';
import { updateSynced } from '../repo/synced.js';
import { fromRow, statement, type SqlRow } from '../repo/table.js';
import { listRejected, type RejectedChange } from './state.js';
import { SYNCED_NOTES } from './tables.js';

export type NoteConflict = NoteConflictView;

export type ConflictChoice = 'mine' | 'theirs' | 'both';

export function listNoteConflicts(db: Db): NoteConflict[] {
  const rows = statement(
    db,
    `SELECT n.*, a.name AS account_name FROM notes n JOIN accounts a ON a.id = n.account_id
     WHERE n.conflict_of IS NOT NULL AND n.deleted_at IS NULL ORDER BY n.created_at`,
  ).all() as SqlRow[];
  return rows.map((row) => {
    const copy = fromRow<Note>(SYNCED_NOTES, row);
    return { copy, current: getNote(db, row.conflict_of as string) ?? null, accountId: copy.accountId, accountName: row.account_name as string };
  });
}

export function listConflicts(db: Db): { notes: NoteConflict[]; rejected: RejectedChange[] } {
  return { notes: listNoteConflicts(db), rejected: listRejected(db) };
}

export function countNoteConflicts(db: Db): number {
  return statement(db, 'SELECT count(*) FROM notes WHERE conflict_of IS NOT NULL AND deleted_at IS NULL').pluck().get() as number;
}

/** Open note conflicts plus rejected changes: the inbox badge. */
export function countConflicts(db: Db): number {
  return countNoteConflicts(db) + (statement(db, 'SELECT count(*) FROM rejected_mutations').pluck().get() as number);
}

/** Makes the copy an ordinary note (optionally with another text): used when both texts stay. */
function promoteCopy(db: Db, copy: Note, now: string, body?: string): void {
  if (body !== undefined) updateNoteBody(db, copy.id, body, now);
  updateSynced(db, SYNCED_NOTES, copy.id, { conflictOf: null }, now);
}

/**
 * `mine` keeps the note's text and drops the other version; `theirs` puts the other version's text in
 * the note; `both` keeps both as separate notes; `mergedBody` (whatever `keep` says) puts that text
 * in the note. Throws `not_found` for an id that is not an open conflict copy.
 */
export function resolveNoteConflict(db: Db, input: { noteId: string; keep: ConflictChoice; mergedBody?: string | undefined }, now: string): void {
  db.transaction(() => {
    const row = statement(db, 'SELECT * FROM notes WHERE id = ? AND conflict_of IS NOT NULL AND deleted_at IS NULL').get(input.noteId) as SqlRow | undefined;
    if (!row) throw new ApiError('not_found');
    const copy = fromRow<Note>(SYNCED_NOTES, row);
    const current = getNote(db, row.conflict_of as string);
    const newText = input.mergedBody ?? (input.keep === 'theirs' ? copy.body : undefined);
    if (input.keep === 'both' && input.mergedBody === undefined) return promoteCopy(db, copy, now);
    if (newText === undefined) return deleteNote(db, copy.id, now);
    // The note was deleted meanwhile: the chosen text lives on in the copy, now an ordinary note.
    if (!current) return promoteCopy(db, copy, now, newText);
    updateNoteBody(db, current.id, newText, now);
    deleteNote(db, copy.id, now);
  })();
}
