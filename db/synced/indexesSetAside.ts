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
      db.exec(`DROP INDEX "${name.replaceAll('"', '""')}"`);
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
const SEARCH_TRIGGERS = ['accounts_fts_ai', 'accounts_fts_ad', 'accounts_fts_au'];

export function setSearchIndexAside(db: Db): void {
  db.transaction(() => {
    if (searchIndexAside(db)) return;
    const triggers = statement(db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name IN (SELECT value FROM json_each(?))").all(
      JSON.stringify(SEARCH_TRIGGERS),
    ) as Array<{ name: string; sql: string }>;
    const record = statement(db, 'INSERT INTO indexes_set_aside (name, sql) VALUES (?, ?)');
    record.run(SEARCH_INDEX, `INSERT INTO ${SEARCH_INDEX}(${SEARCH_INDEX}) VALUES ('rebuild')`);
    for (const { name, sql } of triggers) {
      record.run(name, sql);
      db.exec(`DROP TRIGGER "${name}"`);
    }
  })();
}

/** Whether the accounts' search index is set aside (and so out of date). */
export function searchIndexAside(db: Db): boolean {
  return statement(db, 'SELECT 1 FROM indexes_set_aside WHERE name = ?').pluck().get(SEARCH_INDEX) !== undefined;
}

/** Builds again every index set aside (none: one read of an empty table); returns how many. */
export function rebuildIndexesSetAside(db: Db): number {
  const indexes = statement(db, 'SELECT name, sql FROM indexes_set_aside ORDER BY name').all() as Array<{ name: string; sql: string }>;
  if (indexes.length === 0) return 0;
  db.transaction(() => {
    // The statements are the indexes' own, as SQLite kept them in this database's schema (the search
    // index's `'rebuild'` sorts before its triggers: it reads the accounts as they are now).
    for (const { sql } of indexes) db.exec(sql);
    statement(db, 'DELETE FROM indexes_set_aside').run();
  })();
  return indexes.length;
}

/**
 * `INDEXED BY name` for a query that names its index (the planner, without statistics, would pick a
 * worse one), or nothing while that index is set aside: SQLite refuses a query whose named index is
 * missing, and during a load the app still answers, the planner finding its own way.
 */
export function indexedBy(db: Db, name: string): string {
  const aside = statement(db, 'SELECT 1 FROM indexes_set_aside WHERE name = ?').pluck().get(name) !== undefined;
  return aside ? '' : `INDEXED BY ${name}`;
}
