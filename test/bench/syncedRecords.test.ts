import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection.js';
import { openDatabase } from '../../db/openDatabase.js';
import { listOutbox } from '../../db/synced/outbox.js';
import { seedDatabase } from '../../db/seed/index.js';
import { checkFields, SYNCED_ENTITIES } from '../../server/sync/entities.js';
import { countSyncedRows, enqueueAllSyncedRows } from './syncedRecords.js';

const NOW = '2026-11-23T02:00:00.000Z';
let dir: string;
let db: Db;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-synced-records-'));
  db = openDatabase(path.join(dir, 'rounds.sqlite'));
  seedDatabase(db, { scale: 'demo', seed: 7, now: new Date(NOW) });
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('enqueueAllSyncedRows', () => {
  it('enqueues one upsert per live synced row, with fields the server accepts for a new row', () => {
    const deletedNote = db.prepare('SELECT id FROM notes ORDER BY id LIMIT 1').pluck().get() as string;
    db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(NOW, deletedNote);

    const enqueued = enqueueAllSyncedRows(db, NOW);
    const entries = listOutbox(db, { limit: 1_000_000 });

    const live = Object.values(countSyncedRows(db)).reduce((sum, n) => sum + n, 0);
    expect(enqueued).toBe(live);
    expect(entries).toHaveLength(live);
    expect(entries.some((entry) => entry.rowId === deletedNote)).toBe(false);
    for (const entry of entries) {
      expect(entry).toMatchObject({ op: 'upsert', baseVersion: null, createdAt: NOW });
      expect(checkFields(SYNCED_ENTITIES[entry.table as keyof typeof SYNCED_ENTITIES], null, entry.fields)).toMatchObject({ ok: true });
    }
  });

  it('puts every parent before its children and carries camelCase fields with the client timestamps', () => {
    enqueueAllSyncedRows(db, NOW);
    const entries = listOutbox(db, { limit: 1_000_000 });
    const position = new Map(entries.map((entry, index) => [entry.rowId, index]));
    const contact = entries.find((entry) => entry.table === 'contacts')!;
    const note = entries.find((entry) => entry.table === 'notes' && entry.fields.visitId !== null)!;

    expect(position.get(contact.fields.accountId as string)).toBeLessThan(position.get(contact.rowId)!);
    expect(position.get(note.fields.visitId as string)).toBeLessThan(position.get(note.rowId)!);
    expect(Object.keys(contact.fields)).toEqual(expect.arrayContaining(['accountId', 'isKey', 'createdAt', 'updatedAt']));
    expect(Object.keys(contact.fields).filter((field) => field.includes('_'))).toEqual([]);
    expect(contact.fields.isKey).toEqual(expect.any(Boolean));
  });
});
