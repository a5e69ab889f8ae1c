/** Indexes set aside for a whole-table load come back whole: at the end of the load, or at the next open after a kill. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { openDatabase } from '../openDatabase.js';
import { useTempDir } from '../testing/tempDir.js';
import { createHarness } from '../testing/harness.js';
import { rebuildIndexesSetAside, searchIndexAside, setIndexesAside, setSearchIndexAside } from './indexesSetAside.js';

const tempDir = useTempDir();
const indexes = (db: Db) => db.prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all() as Array<{ name: string; tbl_name: string; sql: string | null }>;

describe('indexes set aside', () => {
  it('are the synced tables’ secondary indexes but those enforcing uniqueness or read by the last-visit triggers, and are rebuilt exactly', () => {
    const db = openDatabase(path.join(tempDir(), 'rounds.sqlite'));
    const before = indexes(db);
    const count = setIndexesAside(db);
    const aside = before.filter((index) => !indexes(db).some((kept) => kept.name === index.name));
    expect(aside.length).toBe(count);
    expect(aside.map((index) => index.name)).toEqual(expect.arrayContaining(['visits_planned', 'notes_account', 'contacts_account', 'important_dates_contact', 'accounts_name']));
    expect(aside.every((index) => index.sql?.startsWith('CREATE INDEX'))).toBe(true);
    expect(aside.some((index) => ['outbox', 'note_revisions', 'settings'].includes(index.tbl_name))).toBe(false);
    expect(indexes(db).map((index) => index.name)).toContain('visits_account_last_done');
    expect(rebuildIndexesSetAside(db)).toBe(count);
    expect(indexes(db)).toEqual(before);
    expect(rebuildIndexesSetAside(db)).toBe(0);
    db.close();
  });

  it('by a load killed half-way are rebuilt when the database is next opened, before anything reads', () => {
    const file = path.join(tempDir(), 'rounds.sqlite');
    const db = openDatabase(file);
    const before = indexes(db);
    setIndexesAside(db);
    // Killed: the connection ends without the rebuild.
    db.close();
    const reopened = openDatabase(file);
    expect(indexes(reopened)).toEqual(before);
    expect(reopened.prepare('SELECT count(*) FROM indexes_set_aside').pluck().get()).toBe(0);
    reopened.close();
  });
});

describe('a query that names its index', () => {
  it('names it through indexedBy, so that it still runs while the index is set aside', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const named = fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('indexesSetAside.ts'))
      .flatMap((file) => [...fs.readFileSync(path.join(root, file), 'utf8').matchAll(/INDEXED BY \w+/g)].map((match) => `${file}: ${match[0]}`));
    expect(named).toEqual([]);
  });
});

describe('the accounts’ search index set aside', () => {
  it('is rebuilt from the accounts as they are, with its triggers, also after a kill', async () => {
    const dir = tempDir();
    const h = createHarness(dir);
    await h.call('accounts.create', { name: '华东医药集团', tier: 'A', city: '杭州' });
    const before = indexes(h.db);
    setSearchIndexAside(h.db);
    expect(searchIndexAside(h.db)).toBe(true);
    // Written while it is aside: found all the same (LIKE), by name, city and pinyin.
    await h.call('accounts.create', { name: '上海精密机械有限公司', tier: 'B', city: '上海' });
    for (const search of ['精密机械', '医药集', 'jingmi', 'shjmjx', '杭州']) expect((await h.call('accounts.list', { search })).total).toBe(1);
    // Killed: the connection ends without the rebuild.
    h.db.close();
    const reopened = openDatabase(path.join(dir, 'rounds.sqlite'));
    expect(indexes(reopened)).toEqual(before);
    expect(searchIndexAside(reopened)).toBe(false);
    const match = (text: string) => reopened.prepare('SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH ?').pluck().get(`"${text}"`);
    expect([match('精密机械'), match('医药集'), match('jingmi')]).toEqual([1, 1, 1]);
    reopened.close();
  });
});

describe('rebuilding what was set aside', () => {
  it('leaves an index another process has already rebuilt as it is (the app ending its load while `rounds agenda` opened the file)', () => {
    const db = openDatabase(path.join(tempDir(), 'rounds.sqlite'));
    const before = indexes(db);
    const visitsPlanned = before.find((index) => index.name === 'visits_planned')!;
    // Recorded, but already there again.
    db.prepare('INSERT INTO indexes_set_aside (name, sql) VALUES (?, ?)').run(visitsPlanned.name, visitsPlanned.sql);
    expect(rebuildIndexesSetAside(db)).toBe(1);
    expect(indexes(db)).toEqual(before);
    db.close();
  });

  it('runs only statements that rebuild an index, one each', () => {
    const db = openDatabase(path.join(tempDir(), 'rounds.sqlite'));
    const record = db.prepare('INSERT INTO indexes_set_aside (name, sql) VALUES (?, ?)');
    record.run('a_drop', 'DROP TABLE notes');
    record.run('b_two', "CREATE INDEX b_two ON notes(body); DELETE FROM settings");
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', '\"en\"')").run();
    expect(rebuildIndexesSetAside(db)).toBe(2);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name IN ('notes', 'b_two')").pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM indexes_set_aside').pluck().get()).toBe(0);
    db.close();
  });
});
