/**
 * A note's history when its first text is implicit: a note that arrives by pull writes no history rows
 * (a first sync's notes cost one write each, not two), yet the history the user sees — texts, order,
 * numbers and times — is what it was when that text was written as revision 1 on arrival.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PulledRow } from '../../core/sync/protocol.js';
import { deleteNote, getNote, listRevisions, updateNoteBody } from '../repo/notes.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { applyPulledRow, readPageState, withoutForeignKeys } from './remoteRows.js';

const tempDir = useTempDir();
let h: Harness;

beforeEach(() => {
  h = createHarness(tempDir(), '2026-11-25T02:00:00.000Z');
});

const OWNER = '01900000-0000-7000-8000-0000000000b2';
const ACCOUNT = '01900000-0000-7000-8000-00000000a001';
const NOTE = '01900000-0000-7000-8000-00000000c001';
const ARRIVED = '2026-11-20T02:00:00.000Z';

const account: PulledRow = {
  table: 'accounts',
  id: ACCOUNT,
  version: 1,
  ownerId: OWNER,
  data: { name: '华东医药', tier: 'A', city: '杭州', createdAt: '2026-11-01T01:00:00.000Z', updatedAt: '2026-11-01T01:00:00.000Z' },
};
const note = (version: number, data: Record<string, unknown>, id = NOTE): PulledRow => ({
  table: 'notes',
  id,
  version,
  ownerId: OWNER,
  data: { accountId: ACCOUNT, visitId: null, contactId: null, revision: 1, conflictOf: null, createdAt: '2026-11-19T02:00:00.000Z', deletedAt: null, ...data },
});

const rowsOf = (noteId = NOTE) => h.db.prepare('SELECT count(*) FROM note_revisions WHERE note_id = ?').pluck().get(noteId) as number;
const history = (noteId = NOTE) => listRevisions(h.db, noteId).map((r) => [r.revision, r.body, r.createdAt, r.deleted]);

/** Applies rows the way a pull applies a page: one transaction, the page's state read once. */
function pullPage(rows: PulledRow[]): void {
  withoutForeignKeys(h.db, () => {
    const state = readPageState(h.db, rows);
    for (const row of rows) applyPulledRow(h.db, row, state);
  });
}

describe('a note pulled for the first time', () => {
  it('writes no history rows, on a first sync of many notes too', () => {
    const notes = Array.from({ length: 50 }, (_, i) => note(2 + i, { body: `第${i}条`, updatedAt: ARRIVED }, `01900000-0000-7000-8000-0000000d${String(i).padStart(4, '0')}`));
    pullPage([account, ...notes]);
    expect(h.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(50);
    expect(h.db.prepare('SELECT count(*) FROM note_revisions').pluck().get()).toBe(0);
  });

  it('never edited, shows its one text as revision 1, at the time it arrived with', async () => {
    pullPage([account, note(2, { body: '客户想要新报价', updatedAt: ARRIVED })]);
    expect(history()).toEqual([[1, '客户想要新报价', ARRIVED, false]]);
    // the app's method, as the history dialog calls it
    expect(await h.call('notes.revisions', { id: NOTE })).toEqual([{ noteId: NOTE, revision: 1, body: '客户想要新报价', createdAt: ARRIVED, deleted: false }]);
  });

  it('then edited here: the history has both texts in order with their times, the edit as revision 2', async () => {
    pullPage([account, note(2, { body: '第一稿', updatedAt: ARRIVED })]);
    h.setNow('2026-11-25T03:00:00.000Z');
    const edited = await h.call('notes.update', { id: NOTE, body: '第二稿' });
    expect(edited.revision).toBe(2);
    expect(history()).toEqual([
      [2, '第二稿', '2026-11-25T03:00:00.000Z', false],
      [1, '第一稿', ARRIVED, false],
    ]);
    // the same text again is no new revision
    updateNoteBody(h.db, NOTE, '第二稿', '2026-11-25T04:00:00.000Z');
    expect(rowsOf()).toBe(2);
  });

  it('then changed on another laptop and pulled again: both texts, in order, with their times', () => {
    pullPage([account, note(2, { body: '第一稿', updatedAt: ARRIVED })]);
    pullPage([note(5, { body: '另一台电脑上改的', revision: 2, updatedAt: '2026-11-24T08:00:00.000Z' })]);
    expect(history()).toEqual([
      [2, '另一台电脑上改的', '2026-11-24T08:00:00.000Z', false],
      [1, '第一稿', ARRIVED, false],
    ]);
    // a local edit after that goes on from the pulled revision
    updateNoteBody(h.db, NOTE, '第三稿', '2026-11-25T03:00:00.000Z');
    expect(history().map(([revision, body]) => [revision, body])).toEqual([
      [3, '第三稿'],
      [2, '另一台电脑上改的'],
      [1, '第一稿'],
    ]);
  });

  it('then tied to a visit on another laptop keeps the time its text arrived with, for when a second text comes', () => {
    pullPage([account, note(2, { body: '第一稿', updatedAt: ARRIVED })]);
    // a change that is not the text moves the row's updated_at, which the implicit first text shows as its time
    pullPage([note(3, { body: '第一稿', visitId: '01900000-0000-7000-8000-00000000b001', updatedAt: '2026-11-22T02:00:00.000Z' })]);
    expect(history()).toEqual([[1, '第一稿', ARRIVED, false]]);
    pullPage([note(4, { body: '第二稿', revision: 2, updatedAt: '2026-11-23T02:00:00.000Z' })]);
    expect(history()).toEqual([
      [2, '第二稿', '2026-11-23T02:00:00.000Z', false],
      [1, '第一稿', ARRIVED, false],
    ]);
  });

  it('then deleted here, or on another laptop: its text, then the deleting revision', () => {
    const other = '01900000-0000-7000-8000-00000000c002';
    pullPage([account, note(2, { body: '这里删除', updatedAt: ARRIVED }), note(3, { body: '别处删除', updatedAt: ARRIVED }, other)]);
    deleteNote(h.db, NOTE, '2026-11-25T03:00:00.000Z');
    pullPage([note(6, { body: '别处删除', updatedAt: '2026-11-24T08:00:00.000Z', deletedAt: '2026-11-24T08:00:00.000Z' }, other)]);
    expect(getNote(h.db, NOTE)).toBeUndefined();
    expect(history()).toEqual([
      [2, '这里删除', '2026-11-25T03:00:00.000Z', true],
      [1, '这里删除', ARRIVED, false],
    ]);
    expect(history(other)).toEqual([
      [2, '别处删除', '2026-11-24T08:00:00.000Z', true],
      [1, '别处删除', ARRIVED, false],
    ]);
  });

  it('sent again as it is (a first sync brings its priority rows twice) still writes no history', () => {
    pullPage([account, note(2, { body: '第一稿', updatedAt: ARRIVED })]);
    pullPage([note(2, { body: '第一稿', updatedAt: ARRIVED })]);
    expect(rowsOf()).toBe(0);
    expect(history()).toEqual([[1, '第一稿', ARRIVED, false]]);
  });

  it('as a conflict copy kept beside the note keeps the time it arrived with when it becomes an ordinary note', async () => {
    const copy = '01900000-0000-7000-8000-00000000c003';
    pullPage([account, note(2, { body: '我的', updatedAt: ARRIVED }), note(3, { body: '别人的', conflictOf: NOTE, updatedAt: '2026-11-21T02:00:00.000Z' }, copy)]);
    h.setNow('2026-11-25T03:00:00.000Z');
    await h.call('sync.resolveConflict', { noteId: copy, keep: 'both' });
    expect(h.db.prepare('SELECT conflict_of, updated_at FROM notes WHERE id = ?').get(copy)).toEqual({ conflict_of: null, updated_at: '2026-11-25T03:00:00.000Z' });
    expect(history(copy)).toEqual([[1, '别人的', '2026-11-21T02:00:00.000Z', false]]);
  });
});

describe('an unknown note', () => {
  it('has no history', async () => {
    expect(listRevisions(h.db, NOTE)).toEqual([]);
    expect((await h.fail('notes.revisions', { id: NOTE })).code).toBe('not_found');
  });
});
