/**
 * What one push needs to know before deciding anything, read in three queries whatever the batch size:
 * the rows it targets (locked, in key order, so two pushes touching the same rows never deadlock and a
 * concurrent edit of a note cannot slip between our read and our write), where the rows its mutations
 * name belong (the parent contacts of new family members, a note's contact or visit…; not locked: what
 * becomes of them later does not matter), and the caller's access to every account involved.
 */
import type { Mutation, SyncedTable } from '../../core/sync/protocol.js';
import { arrayParam, isUuid, type SqlQueryable } from '../store/sqlClient.js';
import { ACCOUNT_ACCESS_COLUMNS, type AccountAccess } from './access.js';
import { newReferences, SYNCED_ENTITIES } from './entities.js';
import type { SyncSession } from './session.js';

export interface RowState {
  teamId: string;
  accountId: string;
  version: number;
  textVersion: number;
  data: Record<string, unknown>;
  deleted: boolean;
  /** changed by a write of this push that is not in the database yet */
  pending: boolean;
}

/** Where a row belongs: all a push needs of a row it names but does not change. */
export interface RowOwner {
  teamId: string;
  accountId: string;
}

export interface PushSnapshot {
  rows: Map<string, RowState>;
  /** the rows the mutations name that are not among their targets (a new family member's contact, a note's contact or visit…) */
  named: Map<string, RowOwner>;
  access: Map<string, AccountAccess>;
}

export const rowKey = (table: string, id: string): string => `${table}/${id}`;

interface RowRecord {
  table_name: string;
  id: string;
  team_id: string;
  account_id: string;
  version: number;
  text_version: number;
  data: Record<string, unknown>;
  deleted: boolean;
}

const ROW_COLUMNS = 'table_name, id, team_id, account_id, version, text_version, data, deleted_at IS NOT NULL AS deleted';

function remember(rows: Map<string, RowState>, records: readonly RowRecord[]): void {
  for (const r of records) {
    rows.set(rowKey(r.table_name, r.id), {
      teamId: r.team_id,
      accountId: r.account_id,
      version: r.version,
      textVersion: r.text_version,
      data: r.data,
      deleted: r.deleted,
      pending: false,
    });
  }
}

/** Reads (and, with `lock`, locks in key order) the given rows into `rows`. */
export async function readRows(tx: SqlQueryable, rows: Map<string, RowState>, keys: ReadonlyArray<{ table: SyncedTable; id: string }>, lock: boolean): Promise<void> {
  if (keys.length === 0) return;
  const records = await tx.query<RowRecord>(
    `SELECT ${ROW_COLUMNS} FROM sync_rows WHERE (table_name, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
     ORDER BY table_name, id ${lock ? 'FOR UPDATE' : ''}`,
    [arrayParam(keys.map((k) => k.table)), arrayParam(keys.map((k) => k.id))],
  );
  remember(rows, records);
}

/** Reads where the given rows belong (no data, no lock) into `named`. */
async function readOwners(tx: SqlQueryable, named: Map<string, RowOwner>, keys: ReadonlyArray<{ table: SyncedTable; id: string }>): Promise<void> {
  if (keys.length === 0) return;
  const records = await tx.query<{ table_name: string; id: string; team_id: string; account_id: string }>(
    'SELECT table_name, id, team_id, account_id FROM sync_rows WHERE (table_name, id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))',
    [arrayParam(keys.map((k) => k.table)), arrayParam(keys.map((k) => k.id))],
  );
  for (const r of records) named.set(rowKey(r.table_name, r.id), { teamId: r.team_id, accountId: r.account_id });
}

/** The account a mutation's row belongs to, as far as the snapshot tells before the row is checked. */
function accountOf(rows: Map<string, RowState>, named: Map<string, RowOwner>, mutation: Mutation): unknown {
  const stored = rows.get(rowKey(mutation.table, mutation.rowId));
  if (stored) return stored.accountId;
  const link = SYNCED_ENTITIES[mutation.table].accountLink;
  if (link.kind === 'self') return undefined;
  if (link.kind === 'field') return mutation.fields[link.field];
  const parentId = mutation.fields[link.field];
  if (!isUuid(parentId)) return undefined;
  const key = rowKey(link.table, parentId);
  return (rows.get(key) ?? named.get(key))?.accountId;
}

export async function loadSnapshot(tx: SqlQueryable, session: SyncSession, mutations: readonly Mutation[]): Promise<PushSnapshot> {
  const rows = new Map<string, RowState>();
  const targets = new Map(mutations.map((m) => [rowKey(m.table, m.rowId), { table: m.table, id: m.rowId }]));
  await readRows(tx, rows, [...targets.values()], true);

  // Rows the push creates or changes are among the targets: what the planner knows of them is in `rows`.
  const toName = new Map<string, { table: SyncedTable; id: string }>();
  const name = (table: SyncedTable, id: unknown): void => {
    if (isUuid(id) && !targets.has(rowKey(table, id))) toName.set(rowKey(table, id), { table, id });
  };
  for (const m of mutations) {
    if (m.op === 'delete') continue;
    const entity = SYNCED_ENTITIES[m.table];
    if (entity.accountLink.kind === 'parent') name(entity.accountLink.table, m.fields[entity.accountLink.field]);
    for (const reference of newReferences(entity, m.fields, rows.get(rowKey(m.table, m.rowId))?.data ?? null)) name(reference.table, reference.id);
  }
  const named = new Map<string, RowOwner>();
  await readOwners(tx, named, [...toName.values()]);

  // Field values are unchecked until planning: only well-formed ids go into the `uuid[]` parameter.
  const accountIds = [...new Set(mutations.map((m) => accountOf(rows, named, m)).filter(isUuid))];
  const access = new Map<string, AccountAccess>();
  if (accountIds.length > 0) {
    const accounts = await tx.query<{ id: string; team_id: string; writable: boolean }>(
      `SELECT a.id, ${ACCOUNT_ACCESS_COLUMNS} FROM sync_rows a WHERE a.table_name = 'accounts' AND a.id = ANY($1::uuid[])`,
      [arrayParam(accountIds), session.userId],
    );
    for (const a of accounts) access.set(a.id, a.team_id === session.teamId && a.writable ? 'writable' : 'none');
  }
  return { rows, named, access };
}
