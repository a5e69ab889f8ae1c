/**
 * Decides what one mutation does, from the push's snapshot: every check happens before anything is
 * planned, so a rejected mutation writes nothing. Fields merge one by one (jsonb `||`); deletes are
 * tombstones that no later upsert resurrects; a note whose text changed since the client's base version
 * keeps the server's text and gets the incoming text as a conflict copy.
 *
 * Writes are only planned here and made together at the end of the push (`writes.ts`). A mutation of a
 * row that an earlier mutation of the same push already changed first writes what is planned, so it is
 * decided on the row as it really is.
 */
import { uuidv7 } from 'uuidv7';
import type { Mutation, RejectionReason } from '../../core/sync/protocol.js';
import { findUnstorableText } from '../../core/text/storable.js';
import type { SqlQueryable } from '../store/sqlClient.js';
import type { AccountAccess } from './access.js';
import { checkFields, newReferences, SYNCED_ENTITIES, type SyncedEntity } from './entities.js';
import type { SyncSession } from './session.js';
import { readRows, rowKey, type PushSnapshot, type RowOwner, type RowState } from './snapshot.js';
import { WriteBatch, type PlannedWrite, type VersionLock } from './writes.js';

export interface Rejection {
  reason: RejectionReason;
  message: string;
  issues?: Array<{ path: (string | number)[]; message: string }>;
}

/** The version a mutation produced: a planned write's (known once written) or the row's unchanged one. */
export type Applied = { write: PlannedWrite } | { unchangedVersion: number };

export type Outcome = { applied: Applied; conflictCopy?: PlannedWrite } | { rejected: Rejection };

export const reject = (reason: RejectionReason, issues?: Rejection['issues'], message = `sync.rejected.${reason}`): { rejected: Rejection } => ({
  rejected: { reason, message, ...(issues ? { issues } : {}) },
});

const FOREIGN_REFERENCE = 'sync.rejected.foreignReference';

export class PushPlanner {
  private readonly writes: WriteBatch;

  constructor(
    private readonly tx: SqlQueryable,
    private readonly session: SyncSession,
    private readonly snapshot: PushSnapshot,
    versionLock?: VersionLock,
  ) {
    this.writes = new WriteBatch(session, versionLock);
  }

  /** Writes everything planned (call once, after the last mutation, as late in the push as possible). */
  async writePlanned(): Promise<void> {
    await this.writes.flush(this.tx);
  }

  /** Makes the planned writes real and reads their rows back, as they now are. */
  async writeAndReread(): Promise<void> {
    const written = await this.writes.flush(this.tx);
    await readRows(this.tx, this.snapshot.rows, written, false);
  }

  async plan(mutation: Mutation): Promise<Outcome> {
    // Before anything reads the fields: text PostgreSQL cannot hold would fail the push's one write.
    const unstorable = findUnstorableText(mutation.fields);
    if (unstorable) return reject('invalid', [{ path: unstorable, message: 'validation.invalidCharacter' }]);
    const key = rowKey(mutation.table, mutation.rowId);
    if (this.snapshot.rows.get(key)?.pending) await this.writeAndReread();
    const stored = this.snapshot.rows.get(key);
    if (stored && (stored.teamId !== this.session.teamId || this.accessTo(stored.accountId) !== 'writable')) return reject('forbidden');
    if (mutation.op === 'delete') return stored ? this.deleteRow(mutation, stored) : reject('not_found');
    if (stored?.deleted) return reject('deleted');
    const entity = SYNCED_ENTITIES[mutation.table];
    return stored ? this.updateRow(entity, mutation, stored) : this.createRow(entity, mutation);
  }

  private accessTo(accountId: string): AccountAccess {
    return this.snapshot.access.get(accountId) ?? 'missing';
  }

  /** Where a row this push names belongs: as planned, if the push creates or changes it, else as read. */
  private ownerOf(table: string, id: string): RowOwner | undefined {
    const key = rowKey(table, id);
    return this.snapshot.rows.get(key) ?? this.snapshot.named.get(key);
  }

  private plannedWrite(write: Omit<PlannedWrite, 'version'>, state: Omit<RowState, 'pending' | 'version' | 'textVersion'>): PlannedWrite {
    this.snapshot.rows.set(rowKey(write.table, write.id), { ...state, version: NaN, textVersion: NaN, pending: true });
    return this.writes.add(write);
  }

  private deleteRow(mutation: Mutation, stored: RowState): Outcome {
    if (stored.deleted) return { applied: { unchangedVersion: stored.version } };
    const write = this.plannedWrite({ kind: 'tombstone', table: mutation.table, id: mutation.rowId, accountId: stored.accountId, data: {}, textChanged: false }, { ...stored, deleted: true });
    return { applied: { write } };
  }

  /** The account a new row belongs to, or why it may not be created. */
  private accountOfNewRow(entity: SyncedEntity, mutation: Mutation, data: Record<string, unknown>): string | Outcome {
    const link = entity.accountLink;
    if (link.kind === 'self') return mutation.rowId;
    let accountId = String(data[link.field]);
    if (link.kind === 'parent') {
      const parent = this.ownerOf(link.table, accountId);
      if (!parent) return reject('not_found');
      if (parent.teamId !== this.session.teamId) return reject('forbidden');
      accountId = parent.accountId;
    }
    const access = this.accessTo(accountId);
    return access === 'writable' ? accountId : reject(access === 'missing' ? 'not_found' : 'forbidden');
  }

  /**
   * A row may name only rows of its own account (`SyncedEntity.references`), read into the snapshot or
   * created earlier in this push. Another account's row, another team's and a missing one are refused
   * alike (`invalid`, an issue on each such field), so the answer never tells what exists elsewhere.
   */
  private foreignReferences(entity: SyncedEntity, accountId: string, data: Record<string, unknown>, stored: Record<string, unknown> | null): Outcome | undefined {
    const foreign = newReferences(entity, data, stored).filter((reference) => {
      const row = this.ownerOf(reference.table, String(reference.id));
      return !row || row.teamId !== this.session.teamId || row.accountId !== accountId;
    });
    if (foreign.length === 0) return undefined;
    return reject('invalid', foreign.map((reference) => ({ path: reference.path, message: FOREIGN_REFERENCE })), FOREIGN_REFERENCE);
  }

  private createRow(entity: SyncedEntity, mutation: Mutation): Outcome {
    const checked = checkFields(entity, null, mutation.fields);
    if (!checked.ok) return reject('invalid', checked.issues);
    const accountId = this.accountOfNewRow(entity, mutation, checked.data);
    if (typeof accountId !== 'string') return accountId;
    const foreign = this.foreignReferences(entity, accountId, checked.data, null);
    if (foreign) return foreign;
    // The creator owns a new account: rows created under it later in this push may be written.
    if (entity.accountLink.kind === 'self') this.snapshot.access.set(accountId, 'writable');
    const write = this.plannedWrite(
      { kind: 'insert', table: mutation.table, id: mutation.rowId, accountId, data: checked.data, textChanged: true },
      { teamId: this.session.teamId, accountId, data: checked.data, deleted: false },
    );
    return { applied: { write } };
  }

  private updateRow(entity: SyncedEntity, mutation: Mutation, stored: RowState): Outcome {
    const checked = checkFields(entity, stored.data, mutation.fields);
    if (!checked.ok) return reject('invalid', checked.issues);
    const movedFixedField = entity.fixedFields.find((field) => field in checked.data && checked.data[field] !== stored.data[field]);
    if (movedFixedField) return reject('invalid', [{ path: [movedFixedField], message: 'sync.rejected.fixedField' }]);
    const foreign = this.foreignReferences(entity, stored.accountId, checked.data, stored.data);
    if (foreign) return foreign;

    const changes = { ...checked.data };
    let conflictCopy: PlannedWrite | undefined;
    const text = entity.protectedText;
    if (text && text in changes && changes[text] !== stored.data[text] && (mutation.baseVersion ?? 0) < stored.textVersion) {
      // Someone else changed this text after the client's copy: keep theirs, keep this one beside it.
      const copy = { ...stored.data, ...changes, conflictOf: mutation.rowId };
      delete changes[text];
      const copyId = uuidv7();
      conflictCopy = this.plannedWrite(
        { kind: 'insert', table: mutation.table, id: copyId, accountId: stored.accountId, data: copy, textChanged: true },
        { teamId: stored.teamId, accountId: stored.accountId, data: copy, deleted: false },
      );
    }
    const copied = conflictCopy ? { conflictCopy } : {};
    if (Object.keys(changes).length === 0) return { applied: { unchangedVersion: stored.version }, ...copied };
    const textChanged = text !== undefined && text in changes && changes[text] !== stored.data[text];
    const write = this.plannedWrite(
      { kind: 'merge', table: mutation.table, id: mutation.rowId, accountId: stored.accountId, data: changes, textChanged },
      { ...stored, data: { ...stored.data, ...changes } },
    );
    return { applied: { write }, ...copied };
  }
}
