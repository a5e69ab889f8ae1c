/**
 * A note's local history (`note_revisions`): every text the note has had on this laptop, its own edits
 * (appended by db/repo/notes.ts in the transaction of the edit) and texts that arrived from the server.
 */
import { uuidv7 } from 'uuidv7';
import type { Db } from '../connection.js';
import { statement } from '../repo/table.js';

/** The next number in the note's local history (which may also hold texts that came from other devices). */
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

