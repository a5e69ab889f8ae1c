/**
 * The conflicts inbox: note conflict copies (the text of a concurrent edit the server kept beside the
 * note) and changes the server rejected. Resolving goes through the note writers, so the outcome is
 * itself a change that syncs to every device.
 */
import type { NoteConflictView, RejectedChangeSubject, RejectedChangeView } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import type { Note } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { deleteNote, getNote, insertNote, updateNoteBody } from '../repo/notes.js';
import { requeueRow, tombstoneSynced, updateSynced } from '../synced/localWrites.js';
import { keepFirstText } from '../synced/noteHistory.js';
import { countEntriesOf } from '../synced/outbox.js';
import { fromRow, statement, type SqlRow } from '../repo/table.js';
import { dismissRejected, listRejected, type RejectedChange } from './state.js';
import { isSyncedTable, SYNCED_NOTES, SYNCED_SPECS } from '../synced/tables.js';

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

export function listConflicts(db: Db): { notes: NoteConflict[]; rejected: RejectedChangeView[] } {
  return { notes: listNoteConflicts(db), rejected: listRejected(db).map((change) => ({ ...change, about: describeRejected(db, change) })) };
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

const nameOf = (db: Db, table: 'accounts' | 'contacts' | 'family_members', id: string | null): string | null =>
  id === null ? null : text(statement(db, `SELECT name FROM ${table} WHERE id = ?`).pluck().get(id));

/** The column that places each kind of row in time, for telling two rows of one account apart. */
const WHEN_COLUMN: Record<string, string> = {
  visits: 'coalesce(done_at, planned_at)',
  orders: 'day',
  greetings: 'occurrence_day',
  complaints: 'received_at',
  notes: 'created_at',
};

/**
 * Names the row a refused change was about, from the row as this laptop has it (deleted rows too), or,
 * for a row that is gone, from the fields that were tried.
 */
function describeRejected(db: Db, change: RejectedChange): RejectedChangeSubject {
  const spec = isSyncedTable(change.table) ? SYNCED_SPECS[change.table] : undefined;
  const row = spec ? (statement(db, `SELECT * FROM ${change.table} WHERE id = ?`).get(change.rowId) as SqlRow | undefined) : undefined;
  const stored = spec && row ? fromRow<Record<string, unknown>>(spec, row) : undefined;
  const values: Record<string, unknown> = { ...change.fields, ...stored };
  const contactId = change.table === 'contacts' ? change.rowId : text(values.contactId);
  const accountId =
    change.table === 'accounts'
      ? change.rowId
      : change.table === 'family_members'
        ? text(statement(db, 'SELECT account_id FROM contacts WHERE id = ?').pluck().get(contactId))
        : text(values.accountId);
  const accountName = nameOf(db, 'accounts', accountId) ?? (change.table === 'accounts' ? text(values.name) : null);
  const personName =
    change.table === 'contacts' || change.table === 'family_members'
      ? text(values.name)
      : (nameOf(db, 'family_members', text(values.familyMemberId)) ?? nameOf(db, 'contacts', contactId));
  const whenColumn = WHEN_COLUMN[change.table];
  const when = row && whenColumn ? text(statement(db, `SELECT ${whenColumn} FROM ${change.table} WHERE id = ?`).pluck().get(change.rowId)) : null;
  const body = text(change.fields.body);
  return {
    accountId: accountName === null ? null : accountId,
    accountName,
    personName,
    when: when ?? (change.table === 'orders' ? text(change.fields.day) : null),
    current: stored ? Object.fromEntries(Object.keys(change.fields).map((field) => [field, stored[field] ?? null])) : null,
    canRetry: stored !== undefined && stored.deletedAt === null,
    canCopyText: change.table === 'notes' && body !== null && body.trim() !== '' && accountName !== null,
  };
}

function rejectedChange(db: Db, id: number): RejectedChange {
  const change = listRejected(db).find((candidate) => candidate.id === id);
  if (!change) throw new ApiError('not_found');
  return change;
}

/**
 * "Send again": the refused change becomes a new change of the row, through the synced writers (so the
 * read-only rule holds). A row the server never had goes whole, since some fields alone would be
 * refused as incomplete again. When the row here already shows what was tried (the server sent no copy
 * of its own), those fields are queued as they are. The rejection is then settled.
 */
export function retryRejected(db: Db, id: number, now: string): void {
  db.transaction(() => {
    const change = rejectedChange(db, id);
    if (!describeRejected(db, change).canRetry) throw new ApiError('not_found');
    const spec = SYNCED_SPECS[change.table as keyof typeof SYNCED_SPECS];
    const isNote = change.table === 'notes';
    const serverVersion = statement(db, `SELECT server_version FROM ${spec.table} WHERE id = ?`).pluck().get(change.rowId) as number | null;
    const queuedBefore = countEntriesOf(db, change.table, change.rowId);
    if (change.op === 'delete') {
      if (isNote) deleteNote(db, change.rowId, now);
      else tombstoneSynced(db, spec, change.rowId, now);
    } else if (serverVersion === null) requeueRow(db, spec, change.rowId, now);
    else {
      // A note's text (and its revision number) change through its writer, which keeps the note's history.
      const others = Object.fromEntries(Object.entries(change.fields).filter(([field]) => !isNote || (field !== 'body' && field !== 'revision')));
      // A note with only the text it arrived with keeps that text, at its time, before the row changes.
      if (isNote) keepFirstText(db, change.rowId);
      if (isNote && typeof change.fields.body === 'string') updateNoteBody(db, change.rowId, change.fields.body, now);
      updateSynced(db, spec, change.rowId, others, now);
      if (countEntriesOf(db, change.table, change.rowId) === queuedBefore) requeueRow(db, spec, change.rowId, now, Object.keys(change.fields));
    }
    dismissRejected(db, id);
  })();
}

/** "Copy my text into a new note": the refused text becomes a new note of the same account; returns its id. */
export function copyRejectedNote(db: Db, id: number, now: string): string {
  return db.transaction(() => {
    const change = rejectedChange(db, id);
    const about = describeRejected(db, change);
    if (!about.canCopyText || about.accountId === null) throw new ApiError('not_found');
    const note = insertNote(db, { accountId: about.accountId, visitId: null, contactId: null, body: change.fields.body as string }, now);
    dismissRejected(db, id);
    return note.id;
  })();
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
  // A copy as it arrived has no history rows: its text keeps the time it arrived with (noteHistory.ts).
  keepFirstText(db, copy.id);
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
