/**
 * Applies one mutation inside the push's transaction. Every check happens before the first write, so a
 * rejected mutation writes nothing. Fields merge one by one (jsonb `||`); deletes are tombstones that
 * no later upsert resurrects; a note whose text changed since the client's base version keeps the
 * server's text and gets the incoming text as a conflict copy.
 */
import { uuidv7 } from 'uuidv7';
import type { Mutation, MutationResult, RejectionReason } from '../../core/sync/protocol.js';
import type { SqlQueryable } from '../store/sqlClient.js';
import { accountAccess } from './access.js';
import { checkFields, SYNCED_ENTITIES, type SyncedEntity } from './entities.js';
import type { SyncSession } from './session.js';

export interface Rejection {
  reason: RejectionReason;
  message: string;
  issues?: Array<{ path: (string | number)[]; message: string }>;
}

export type Outcome = { applied: Omit<MutationResult, 'mutationId' | 'status'> } | { rejected: Rejection };

interface StoredRow {
  team_id: string;
  account_id: string;
  version: number;
  text_version: number;
  data: Record<string, unknown>;
  deleted: boolean;
}

const reject = (reason: RejectionReason, issues?: Rejection['issues']): Outcome => ({
  rejected: { reason, message: `sync.rejected.${reason}`, ...(issues ? { issues } : {}) },
});

/**
 * Hands out the team's next version. The first call locks the team's counter row until the push
 * commits, so versions of one team commit in order and a pull never steps over a late commit.
 */
export type VersionSource = () => Promise<number>;

export function teamVersions(tx: SqlQueryable, teamId: string): VersionSource {
  return async () => {
    const [team] = await tx.query<{ last_version: number }>('UPDATE teams SET last_version = last_version + 1 WHERE id = $1 RETURNING last_version', [teamId]);
    return team!.last_version;
  };
}

export async function applyMutation(tx: SqlQueryable, session: SyncSession, mutation: Mutation, nextVersion: VersionSource): Promise<Outcome> {
  const entity = SYNCED_ENTITIES[mutation.table];
  const [stored] = await tx.query<StoredRow>(
    `SELECT team_id, account_id, version, text_version, data, deleted_at IS NOT NULL AS deleted FROM sync_rows WHERE table_name = $1 AND id = $2`,
    [mutation.table, mutation.rowId],
  );
  if (stored && (stored.team_id !== session.teamId || (await accountAccess(tx, session, stored.account_id)) !== 'writable')) return reject('forbidden');
  if (mutation.op === 'delete') return stored ? deleteRow(tx, mutation, stored, nextVersion) : reject('not_found');
  if (stored?.deleted) return reject('deleted');
  return stored ? updateRow(tx, session, entity, mutation, stored, nextVersion) : createRow(tx, session, entity, mutation, nextVersion);
}

async function deleteRow(tx: SqlQueryable, mutation: Mutation, stored: StoredRow, nextVersion: VersionSource): Promise<Outcome> {
  if (stored.deleted) return { applied: { version: stored.version } };
  const version = await nextVersion();
  await tx.query(`UPDATE sync_rows SET deleted_at = now(), updated_at = now(), version = $3 WHERE table_name = $1 AND id = $2`, [mutation.table, mutation.rowId, version]);
  return { applied: { version } };
}

/** The account a new row belongs to, or why it may not be created. */
async function accountOfNewRow(tx: SqlQueryable, session: SyncSession, entity: SyncedEntity, mutation: Mutation, data: Record<string, unknown>): Promise<string | Outcome> {
  const link = entity.accountLink;
  if (link.kind === 'self') return mutation.rowId;
  let accountId = String(data[link.field]);
  if (link.kind === 'parent') {
    const [parent] = await tx.query<{ team_id: string; account_id: string }>('SELECT team_id, account_id FROM sync_rows WHERE table_name = $1 AND id = $2', [link.table, accountId]);
    if (!parent) return reject('not_found');
    if (parent.team_id !== session.teamId) return reject('forbidden');
    accountId = parent.account_id;
  }
  const access = await accountAccess(tx, session, accountId);
  return access === 'writable' ? accountId : reject(access === 'missing' ? 'not_found' : 'forbidden');
}

async function createRow(tx: SqlQueryable, session: SyncSession, entity: SyncedEntity, mutation: Mutation, nextVersion: VersionSource): Promise<Outcome> {
  const checked = checkFields(entity, null, mutation.fields);
  if (!checked.ok) return reject('invalid', checked.issues);
  const accountId = await accountOfNewRow(tx, session, entity, mutation, checked.data);
  if (typeof accountId !== 'string') return accountId;
  const version = await nextVersion();
  await insertRow(tx, session, { table: mutation.table, id: mutation.rowId, accountId, version, data: checked.data });
  return { applied: { version } };
}

async function insertRow(tx: SqlQueryable, session: SyncSession, row: { table: string; id: string; accountId: string; version: number; data: Record<string, unknown> }): Promise<void> {
  // The owner is whoever's token wrote the row, never a field of the payload.
  await tx.query(
    `INSERT INTO sync_rows (table_name, id, team_id, owner_id, account_id, version, text_version, data) VALUES ($1, $2, $3, $4, $5, $6, $6, $7::jsonb)`,
    [row.table, row.id, session.teamId, session.userId, row.accountId, row.version, JSON.stringify(row.data)],
  );
}

async function updateRow(tx: SqlQueryable, session: SyncSession, entity: SyncedEntity, mutation: Mutation, stored: StoredRow, nextVersion: VersionSource): Promise<Outcome> {
  const checked = checkFields(entity, stored.data, mutation.fields);
  if (!checked.ok) return reject('invalid', checked.issues);
  const movedFixedField = entity.fixedFields.find((field) => field in checked.data && checked.data[field] !== stored.data[field]);
  if (movedFixedField) return reject('invalid', [{ path: [movedFixedField], message: 'sync.rejected.fixedField' }]);

  const changes = { ...checked.data };
  let conflictCopyId: string | undefined;
  const text = entity.protectedText;
  if (text && text in changes && changes[text] !== stored.data[text] && (mutation.baseVersion ?? 0) < stored.text_version) {
    // Someone else changed this text after the client's copy: keep theirs, keep this one beside it.
    conflictCopyId = uuidv7();
    const copy = { ...stored.data, ...changes, conflictOf: mutation.rowId };
    delete changes[text];
    await insertRow(tx, session, { table: mutation.table, id: conflictCopyId, accountId: stored.account_id, version: await nextVersion(), data: copy });
  }
  if (Object.keys(changes).length === 0) return { applied: { version: stored.version, ...(conflictCopyId ? { conflictCopyId } : {}) } };

  const version = await nextVersion();
  const textChanged = text !== undefined && text in changes && changes[text] !== stored.data[text];
  await tx.query(
    `UPDATE sync_rows SET data = data || $3::jsonb, version = $4, text_version = CASE WHEN $5::boolean THEN $4 ELSE text_version END, updated_at = now()
     WHERE table_name = $1 AND id = $2`,
    [mutation.table, mutation.rowId, JSON.stringify(changes), version, textChanged],
  );
  return { applied: { version, ...(conflictCopyId ? { conflictCopyId } : {}) } };
}
