/**
 * A note's local history (`note_revisions`): every text the note has had on this laptop, its own edits
 * (appended by db/repo/notes.ts in the transaction of the edit) and texts that arrived from the server.
 *
 * A note that arrived by pull and has had no other text since has no rows: its one text is implicit,
 * the note row itself (body, deleted flag, and `updated_at` as its time — the time the text arrived
 * with, which revision 1 held when it was written). A first sync thus writes no history (97,175 notes
 * of the `rep` data set, ~27 MB of text written a second time). Before such a note gets a second text,
 * or any other change that moves its `updated_at`, its text is written as revision 1
 * (`keepFirstText`), so the history shown, its numbers and "the latest text" are what they were when
 * revision 1 was written on arrival. Notes written here and seeded notes keep their revision 1 row.
 */
import { uuidv7 } from 'uuidv7';
import type { Db } from '../connection.js';
import type { NoteRevision } from '../../core/model/schemas.js';
import { statement, type SqlRow } from '../repo/table.js';

/** Whether the note's history has rows (a note with only the text it arrived with has none). */
function hasRevisionRows(db: Db, noteId: string): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM note_revisions WHERE note_id = ?)').pluck().get(noteId) === 1;
}

/**
 * Writes the implicit first text of a note without history rows as revision 1, from the note row as it
 * is now or, for a caller that has already changed the row, as it was (`before`). Call it before a
 * second text joins the history or the row's `updated_at` moves; a note that has rows is left alone.
 */
export function keepFirstText(db: Db, noteId: string, before?: SqlRow): void {
  if (hasRevisionRows(db, noteId)) return;
  const row = before ?? (statement(db, 'SELECT body, deleted_at, updated_at FROM notes WHERE id = ?').get(noteId) as SqlRow | undefined);
  if (!row) return;
  appendRevision(db, noteId, 1, String(row.body), (row.deleted_at ?? null) !== null, String(row.updated_at));
}

/** Every text of the note (deleted notes included), newest first: the rows, or the implicit first text. Empty for an unknown note. */
export function readHistory(db: Db, noteId: string): NoteRevision[] {
  const sql = 'SELECT note_id, revision, body, deleted, created_at FROM note_revisions WHERE note_id = ? ORDER BY revision DESC';
  const rows = statement(db, sql).all(noteId) as SqlRow[];
  if (rows.length === 0) {
    const note = statement(db, 'SELECT body, deleted_at, updated_at FROM notes WHERE id = ?').get(noteId) as SqlRow | undefined;
    return note ? [{ noteId, revision: 1, body: note.body as string, createdAt: note.updated_at as string, deleted: note.deleted_at !== null }] : [];
  }
  return rows.map((row) => ({
    noteId: row.note_id as string,
    revision: row.revision as number,
    body: row.body as string,
    createdAt: row.created_at as string,
    deleted: row.deleted === 1,
  }));
}

/**
 * The next number in the note's local history (which may also hold texts that came from other devices).
 * Call `keepFirstText` first: a note without rows would otherwise get revision 1 again.
 */
export function nextRevision(db: Db, noteId: string): number {
  return ((statement(db, 'SELECT max(revision) FROM note_revisions WHERE note_id = ?').pluck().get(noteId) as number | null) ?? 0) + 1;
}

export function appendRevision(db: Db, noteId: string, revision: number, body: string, deleted: boolean, now: string): void {
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
 * joins the local history of a note this laptop already had, unless the history already ends with it
 * (our own edit coming back). `before` is the note row as it was before the pulled row was applied: its
 * text, if the history has no rows yet, becomes revision 1 first. (A note new to this laptop records
 * nothing: the text it arrives with is the implicit first text of its history.)
 */
export function recordSyncedText(db: Db, noteId: string, body: string, text: { deleted: boolean; at: string; before: SqlRow }): void {
  keepFirstText(db, noteId, text.before);
  const latest = statement(db, 'SELECT body, deleted FROM note_revisions WHERE note_id = ? ORDER BY revision DESC LIMIT 1').get(noteId) as
    | { body: string; deleted: number }
    | undefined;
  if (latest && latest.body === body && latest.deleted === (text.deleted ? 1 : 0)) return;
  appendRevision(db, noteId, nextRevision(db, noteId), body, text.deleted, text.at);
}
