/**
 * Demo data and sync (migration 009). The demo data set is made up: it must never reach the team's
 * server, and nothing the rep typed about it may vanish. So its rows are listed in `demo_rows`; a change
 * of a demo row, or of a row that hangs off one (a note written on a demo account), is held back by the
 * push; and "remove demo data" deletes the demo rows the rep did not work on, while those the rep
 * changed or wrote something under become the rep's own and upload whole, followed by the held changes.
 */
import type { SyncedTable } from '../../core/sync/protocol.js';
import type { Db } from '../connection.js';
import { appendOutbox, listOutbox, type OutboxEntry } from '../repo/outbox.js';
import { requeueRow } from '../repo/synced.js';
import { statement } from '../repo/table.js';
import { SYNCED_SPECS, SYNCED_TABLE_ORDER } from './tables.js';

interface Reference {
  column: string;
  target: SyncedTable;
}

let referenceCache: Map<SyncedTable, Reference[]> | undefined;

/** Each synced table's columns that point at another synced row (from the schema's foreign keys). */
function referencesOf(db: Db, table: SyncedTable): Reference[] {
  if (!referenceCache) {
    referenceCache = new Map(
      SYNCED_TABLE_ORDER.map((name) => {
        const keys = db.pragma(`foreign_key_list(${name})`) as Array<{ table: string; from: string }>;
        return [name, keys.filter((key) => (SYNCED_TABLE_ORDER as string[]).includes(key.table)).map((key) => ({ column: key.from, target: key.table as SyncedTable }))];
      }),
    );
  }
  return referenceCache.get(table) ?? [];
}

const rowKey = (table: string, id: string) => `${table}/${id}`;

/** Lists every synced row as demo data: called right after the demo data set filled an empty database. */
export function markDemoRows(db: Db): void {
  db.transaction(() => {
    for (const table of SYNCED_TABLE_ORDER) statement(db, `INSERT OR IGNORE INTO demo_rows (table_name, row_id) SELECT '${table}', id FROM ${table}`).run();
  })();
}

export function hasDemoRows(db: Db): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM demo_rows)').pluck().get() === 1;
}

function isDemoRow(db: Db, table: string, id: string): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM demo_rows WHERE table_name = ? AND row_id = ?)').pluck().get(table, id) === 1;
}

/** The demo rows this row points at directly. */
function demoParents(db: Db, table: SyncedTable, id: string): Array<[SyncedTable, string]> {
  const references = referencesOf(db, table);
  if (references.length === 0) return [];
  const row = statement(db, `SELECT ${references.map((r) => r.column).join(', ')} FROM ${table} WHERE id = ?`).get(id) as Record<string, string | null> | undefined;
  if (!row) return [];
  return references.flatMap(({ column, target }) => {
    const parent = row[column];
    return parent != null ? [[target, parent] as [SyncedTable, string]] : [];
  });
}

/** Whether a change of this row must stay on the laptop: it is demo data, or hangs off some. */
export function isDemoBound(db: Db, table: string, id: string): boolean {
  if (isDemoRow(db, table, id)) return true;
  if (!(table in SYNCED_SPECS)) return false;
  return demoParents(db, table as SyncedTable, id).some(([parentTable, parentId]) => isDemoBound(db, parentTable, parentId));
}

/** The demo rows removal keeps: those the rep changed, those the rep's rows point at, and what they point at. */
function demoRowsToKeep(db: Db): Map<string, [SyncedTable, string]> {
  const keep = new Map<string, [SyncedTable, string]>();
  const adopt = (table: SyncedTable, id: string): void => {
    if (keep.has(rowKey(table, id)) || !isDemoRow(db, table, id)) return;
    keep.set(rowKey(table, id), [table, id]);
    for (const [parentTable, parentId] of demoParents(db, table, id)) adopt(parentTable, parentId);
  };
  const changed = statement(
    db,
    `SELECT DISTINCT o.table_name, o.row_id FROM outbox o JOIN demo_rows d ON d.table_name = o.table_name AND d.row_id = o.row_id`,
  ).all() as Array<{ table_name: SyncedTable; row_id: string }>;
  for (const { table_name, row_id } of changed) {
    // A demo row the rep deleted goes with the demo data (unless a row of the rep's points at it).
    if (statement(db, `SELECT deleted_at IS NULL FROM ${table_name} WHERE id = ?`).pluck().get(row_id) === 1) adopt(table_name, row_id);
  }
  for (const table of SYNCED_TABLE_ORDER) {
    for (const { column, target } of referencesOf(db, table)) {
      const pointedAt = statement(
        db,
        `SELECT DISTINCT t.${column} FROM ${table} t JOIN demo_rows d ON d.table_name = '${target}' AND d.row_id = t.${column}
         WHERE NOT EXISTS (SELECT 1 FROM demo_rows own WHERE own.table_name = '${table}' AND own.row_id = t.id)`,
      ).pluck().all() as string[];
      for (const id of pointedAt) adopt(target, id);
    }
  }
  return keep;
}

export interface DemoDataSummary {
  present: boolean;
  /** names of the demo accounts that removal keeps as the rep's own, because the rep worked on them */
  keptAccounts: string[];
}

function accountNames(db: Db, keep: Map<string, [SyncedTable, string]>): string[] {
  const ids = [...keep.values()].filter(([table]) => table === 'accounts').map(([, id]) => id);
  return ids.map((id) => statement(db, 'SELECT name FROM accounts WHERE id = ?').pluck().get(id) as string).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export function summarizeDemoData(db: Db): DemoDataSummary {
  if (!hasDemoRows(db)) return { present: false, keptAccounts: [] };
  return { present: true, keptAccounts: accountNames(db, demoRowsToKeep(db)) };
}

/** Local-only rows that point at synced rows and go with them. */
const LOCAL_DEPENDENTS: Partial<Record<SyncedTable, Array<{ table: string; column: string }>>> = {
  notes: [{ table: 'note_revisions', column: 'note_id' }],
  accounts: [{ table: 'tier_suggestion_ignores', column: 'account_id' }],
};

/**
 * Removes the demo data in one transaction. The demo rows the rep worked on stay as the rep's own: each
 * is queued whole (parents first), and the rep's changes that were held back because of demo data are
 * queued again after them, with new mutation ids (the server has long passed the old ones).
 */
export function removeDemoData(db: Db, now: string): { removed: number; keptAccounts: string[] } {
  return db.transaction(() => {
    if (!hasDemoRows(db)) return { removed: 0, keptAccounts: [] };
    const keep = demoRowsToKeep(db);
    const held: OutboxEntry[] = [];
    for (let after = 0, page = listOutbox(db); page.length > 0; after = page.at(-1)!.mutationId, page = listOutbox(db, { afterMutationId: after })) {
      held.push(...page.filter((entry) => isDemoBound(db, entry.table, entry.rowId)));
    }
    const dropEntry = statement(db, 'DELETE FROM outbox WHERE mutation_id = ?');
    for (const entry of held) dropEntry.run(entry.mutationId);

    let removed = 0;
    for (const table of [...SYNCED_TABLE_ORDER].reverse()) {
      const ids = statement(db, 'SELECT row_id FROM demo_rows WHERE table_name = ?').pluck().all(table) as string[];
      for (const id of ids) {
        if (keep.has(rowKey(table, id))) continue;
        for (const dependent of LOCAL_DEPENDENTS[table] ?? []) statement(db, `DELETE FROM ${dependent.table} WHERE ${dependent.column} = ?`).run(id);
        removed += statement(db, `DELETE FROM ${table} WHERE id = ?`).run(id).changes;
      }
    }
    const keptAccounts = accountNames(db, keep);
    statement(db, 'DELETE FROM demo_rows').run();

    for (const table of SYNCED_TABLE_ORDER) {
      for (const [keptTable, id] of keep.values()) if (keptTable === table) requeueRow(db, SYNCED_SPECS[table], id, now);
    }
    for (const entry of held.filter((e) => !keep.has(rowKey(e.table, e.rowId)))) {
      appendOutbox(db, { table: entry.table, rowId: entry.rowId, op: entry.op, fields: entry.fields, baseVersion: entry.baseVersion, createdAt: entry.createdAt });
    }
    return { removed, keptAccounts };
  })();
}
