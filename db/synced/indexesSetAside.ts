/**
 * Secondary indexes set aside during a whole-table load. A new laptop's full pull inserts ~200,000 rows
 * in version order; an index keyed by account or day takes them in random order, so each page's
 * transaction dirties index pages all over the file and the next page's writes many of them again (into
 * the WAL, then the checkpoint). Built once at the end from the finished tables instead (measured on the
 * `rep` data set: visits 81 → 33 µs a row and their WAL 104 → 48 MB, notes 28 → 18 µs, the rebuild
 * included).
 *
 * Kept during the load: unique and automatic indexes (they enforce constraints) and the one the
 * last-visit triggers read (`READ_BY_TRIGGERS`). While the rest are aside, the app still answers (SQLite
 * scans, or builds a transient index for a join), only more slowly. Each index set aside is recorded in
 * the transaction that drops it: a load killed half-way leaves the record, and opening the database
 * rebuilds from it (db/openDatabase.ts) before anything else runs.
 */
import type { Db } from '../connection.js';
import { isDiskFull } from '../diskFull.js';
import { statement } from '../repo/table.js';
import { SYNCED_TABLE_ORDER } from './tables.js';

/** The schema that records indexes set aside (migration 14). */
export const INDEXES_SET_ASIDE_SINCE = 14;

/** An account's last visit is worked out from its done visits by triggers, once per row: never a scan. */
const READ_BY_TRIGGERS: ReadonlySet<string> = new Set(['visits_account_last_done']);

/** Drops the synced tables' secondary indexes, recording each; returns how many. */
export function setIndexesAside(db: Db): number {
  return db.transaction(() => {
    const indexes = statement(
      db,
      `SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'
       AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`,
    ).all(JSON.stringify(SYNCED_TABLE_ORDER)) as Array<{ name: string; sql: string }>;
    const record = statement(db, 'INSERT INTO indexes_set_aside (name, sql) VALUES (?, ?)');
    let count = 0;
    for (const { name, sql } of indexes) {
      if (READ_BY_TRIGGERS.has(name)) continue;
      record.run(name, sql);
      db.prepare(`DROP INDEX "${name.replaceAll('"', '""')}"`).run();
      count += 1;
    }
    return count;
  })();
}

/**
 * The accounts' search index (trigram FTS over name, pinyin, initials and city) and the triggers that keep
 * it, set aside for a first sync's priority phase: writing its ~40 trigrams a name is about half of what
 * applying an account costs (~0.1 ms), and Today needs none of it. Rebuilt whole from the accounts when
 * the pull ends (`rebuildIndexesSetAside`, its `'rebuild'` command first, then the triggers); meanwhile
 * the accounts list searches with LIKE (`searchIndexAside`).
 */
const SEARCH_INDEX = 'accounts_fts';
/** The record of its rebuild (a name no schema object has; it sorts before the triggers' names). */
const SEARCH_INDEX_REBUILD = `${SEARCH_INDEX} rebuild`;
const SEARCH_TRIGGERS = ['accounts_fts_ai', 'accounts_fts_ad', 'accounts_fts_au'];

export function setSearchIndexAside(db: Db): void {
  db.transaction(() => {
    if (searchIndexAside(db)) return;
    const triggers = statement(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))").all(
      JSON.stringify(SEARCH_TRIGGERS),
    ) as Array<{ name: string; sql: string }>;
    const record = statement(db, 'INSERT INTO indexes_set_aside (name, sql) VALUES (?, ?)');
    record.run(SEARCH_INDEX_REBUILD, `INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}) VALUES ('rebuild')`);
    for (const { name, sql } of triggers) {
      record.run(name, sql);
      db.prepare(`DROP TRIGGER "${name}"`).run();
    }
  })();
}

/** Whether the accounts' search index is set aside (and so out of date). */
export function searchIndexAside(db: Db): boolean {
  return isAside(db, SEARCH_INDEX_REBUILD);
}

/** Whether the record named so is kept (the index or its rebuild waits for the end of a load). */
const isAside = (db: Db, name: string): boolean => statement(db, 'SELECT 1 FROM indexes_set_aside WHERE name = ?').get(name) !== undefined;

/** What a record may hold: a statement creating an index or trigger, or the search index's rebuild. */
const REBUILDING = /^(CREATE (INDEX|TRIGGER) |INSERT INTO accounts_fts\(accounts_fts\) VALUES \('rebuild'\)$)/;

/** Runs one record's statement. */
function rebuild(db: Db, sql: string): void {
  try {
    db.prepare(sql).run();
  } catch (error) {
    // A full disk keeps the records for the next try. Any other failure (a record that is not one
    // statement) leaves that index out: queries still run without it, and nothing else is run.
    if (isDiskFull(error)) throw error;
  }
}

/**
 * Builds again every index set aside; returns how many records there were. Nothing set aside costs one
 * read of an empty table (every open, every pull). The records are read again under the write lock:
 * another process (the app ending a first sync, `rounds agenda` opening meanwhile) may have rebuilt them
 * since, and what already exists is left as it is. Each record runs as one statement, and only one that
 * rebuilds an index (the file is this app's, but a record is never a way to run anything else).
 */
export function rebuildIndexesSetAside(db: Db): number {
  if (statement(db, 'SELECT 1 FROM indexes_set_aside LIMIT 1').get() === undefined) return 0;
  return db
    .transaction(() => {
      const records = statement(db, 'SELECT name, sql FROM indexes_set_aside ORDER BY name').all() as Array<{ name: string; sql: string }>;
      for (const { name, sql } of records) {
        const exists = statement(db, 'SELECT 1 FROM sqlite_schema WHERE name = ?').get(name) !== undefined;
        if (!exists && REBUILDING.test(sql)) rebuild(db, sql);
      }
      statement(db, 'DELETE FROM indexes_set_aside').run();
      return records.length;
    })
    .immediate();
}

/**
 * `INDEXED BY name` for a query that names its index (the planner, without statistics, would pick a
 * worse one), or nothing while that index is set aside: SQLite refuses a query whose named index is
 * missing, and during a load the app still answers, the planner finding its own way.
 */
export function indexedBy(db: Db, name: string): string {
  return isAside(db, name) ? '' : `INDEXED BY ${name}`;
}
