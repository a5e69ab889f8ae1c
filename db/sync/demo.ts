/**
 * Demo data and sync (schema 9). The demo data set is made up: it must never reach the team's server,
 * and nothing the rep typed about it may vanish. So its rows are listed in `demo_rows`; a change of a
 * demo row, or of a row that hangs off one (a note written on a demo account), waits in
 * `demo_held_changes` instead of the outbox (`db/repo/demo.ts`); and "remove demo data" deletes the
 * demo rows the rep did not work on, while those the rep changed or wrote something under become the
 * rep's own and upload whole, followed by the held changes.
 */
import type { SyncedTable } from '../../core/sync/protocol.js';
import type { Db } from '../connection.js';
import { hasDemoRows, isDemoRow, LIST_REFERENCES, parentsOf, referencesOf } from '../repo/demo.js';
import { appendOutbox } from '../synced/outbox.js';
import { requeueRow } from '../synced/localWrites.js';
import { statement } from '../repo/table.js';
import { SYNCED_SPECS, SYNCED_TABLE_ORDER } from '../synced/tables.js';

const rowKey = (table: string, id: string) => `${table}/${id}`;

/** Lists every synced row as demo data: called right after the demo data set filled an empty database. */
export function markDemoRows(db: Db): void {
  db.transaction(() => {
    for (const table of SYNCED_TABLE_ORDER) statement(db, `INSERT OR IGNORE INTO demo_rows (table_name, row_id) SELECT '${table}', id FROM ${table}`).run();
  })();
}

/** The demo rows removal keeps: those the rep changed, those the rep's rows point at, and what they point at. */
function demoRowsToKeep(db: Db): Map<string, [SyncedTable, string]> {
  const keep = new Map<string, [SyncedTable, string]>();
  const adopt = (table: SyncedTable, id: string): void => {
    if (keep.has(rowKey(table, id)) || !isDemoRow(db, table, id)) return;
    keep.set(rowKey(table, id), [table, id]);
    for (const [parentTable, parentId] of parentsOf(db, table, id)) adopt(parentTable as SyncedTable, parentId);
  };
  const changed = statement(
    db,
    `SELECT DISTINCT h.table_name, h.row_id FROM demo_held_changes h JOIN demo_rows d ON d.table_name = h.table_name AND d.row_id = h.row_id`,
  ).all() as Array<{ table_name: SyncedTable; row_id: string }>;
  for (const { table_name, row_id } of changed) {
    // A demo row the rep deleted goes with the demo data (unless a row of the rep's points at it).
    if (statement(db, `SELECT deleted_at IS NULL FROM ${table_name} WHERE id = ?`).pluck().get(row_id) === 1) adopt(table_name, row_id);
  }
  for (const table of SYNCED_TABLE_ORDER) {
    // `pointer`: the referencing value in the row (a foreign key column, or each id of a JSON list)
    const pointers = [
      ...referencesOf(db, table).map(({ column, target }) => ({ from: `${table} t`, pointer: `t.${column}`, target })),
      ...(LIST_REFERENCES[table] ?? []).map(({ column, target }) => ({ from: `${table} t, json_each(t.${column}) j`, pointer: 'j.value', target })),
    ];
    for (const { from, pointer, target } of pointers.filter((reference) => reference.target in SYNCED_SPECS)) {
      const pointedAt = statement(
        db,
        `SELECT DISTINCT ${pointer} FROM ${from} JOIN demo_rows d ON d.table_name = '${target}' AND d.row_id = ${pointer}
         WHERE NOT EXISTS (SELECT 1 FROM demo_rows own WHERE own.table_name = '${table}' AND own.row_id = t.id)`,
      ).pluck().all() as string[];
      for (const id of pointedAt) adopt(target as SyncedTable, id);
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

interface HeldChangeRow {
  table_name: string;
  row_id: string;
  op: 'upsert' | 'delete';
  fields: string;
  base_version: number | null;
  created_at: string;
}

/**
 * Removes the demo data in one transaction. The demo rows the rep worked on stay as the rep's own: each
 * is queued whole (parents first, since the server has never had them), then the held changes of the
 * rep's own rows follow in the order they were made, as new outbox entries.
 */
export function removeDemoData(db: Db, now: string): { removed: number; keptAccounts: string[] } {
  return db.transaction(() => {
    if (!hasDemoRows(db)) return { removed: 0, keptAccounts: [] };
    const keep = demoRowsToKeep(db);
    const keptAccounts = accountNames(db, keep);
    const held = statement(db, 'SELECT * FROM demo_held_changes ORDER BY id').all() as HeldChangeRow[];
    statement(db, 'DELETE FROM demo_held_changes').run();

    let removed = 0;
    for (const table of [...SYNCED_TABLE_ORDER].reverse()) {
      const ids = statement(db, 'SELECT row_id FROM demo_rows WHERE table_name = ?').pluck().all(table) as string[];
      for (const id of ids) {
        if (keep.has(rowKey(table, id))) continue;
        for (const dependent of LOCAL_DEPENDENTS[table] ?? []) statement(db, `DELETE FROM ${dependent.table} WHERE ${dependent.column} = ?`).run(id);
        removed += statement(db, `DELETE FROM ${table} WHERE id = ?`).run(id).changes;
      }
    }
    statement(db, 'DELETE FROM demo_rows').run();

    for (const table of SYNCED_TABLE_ORDER) {
      for (const [keptTable, id] of keep.values()) if (keptTable === table) requeueRow(db, SYNCED_SPECS[table], id, now);
    }
    // Changes of demo rows are in the whole rows just queued, or went with their rows.
    for (const change of held.filter((row) => !keep.has(rowKey(row.table_name, row.row_id)) && isStored(db, row.table_name, row.row_id))) {
      const fields = JSON.parse(change.fields) as Record<string, unknown>;
      appendOutbox(db, { table: change.table_name, rowId: change.row_id, op: change.op, fields, baseVersion: change.base_version, createdAt: change.created_at });
    }
    return { removed, keptAccounts };
  })();
}

/** Whether the row is still stored here (deleted or not): a change of a removed demo row goes with it. */
const isStored = (db: Db, table: string, id: string): boolean => statement(db, `SELECT EXISTS (SELECT 1 FROM ${table} WHERE id = ?)`).pluck().get(id) === 1;
