/** Reader/writer functions for visits (planned, done or cancelled; on-site visits and calls/meetings). */
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../../core/api/errors.js';
import type { Visit, VisitRecord } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { insertSynced, tombstoneSynced, updateSynced } from '../synced/localWrites.js';
import { appendVisitRecord, recordOf } from '../synced/visitHistory.js';
import { fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const VISITS: TableSpec = {
  table: 'visits',
  fields: {
    accountId: 'value',
    kind: 'value',
    status: 'value',
    plannedAt: 'value',
    doneAt: 'value',
    cancelledAt: 'value',
    purpose: 'value',
    metContactIds: 'json',
    outcome: 'value',
    nextStep: 'value',
    nextVisitDate: 'value',
  },
};

export type VisitValues = Omit<Visit, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

export function insertVisit(db: Db, values: VisitValues, now: string): Visit {
  return insertSynced<Visit>(db, VISITS, uuidv7(), values, now);
}

export function updateVisit(db: Db, id: string, patch: Partial<Omit<VisitValues, 'accountId'>>, now: string): Visit {
  return updateSynced<Visit>(db, VISITS, id, patch, now);
}

/**
 * Corrects a done visit's record. Its history keeps what it was (the first correction first appends
 * the record as it stood, at its last change) and what it became, in the transaction of the change;
 * an unchanged record writes nothing. Throws `not_found` for a missing visit.
 */
export function editVisitRecord(db: Db, id: string, record: VisitRecord, now: string): Visit {
  return db.transaction(() => {
    const current = getVisit(db, id);
    if (!current) throw new ApiError('not_found');
    const visit = updateVisit(db, id, record, now);
    if (JSON.stringify(recordOf(visit)) !== JSON.stringify(recordOf(current))) {
      appendVisitRecord(db, id, current, current.updatedAt);
      appendVisitRecord(db, id, visit, now);
    }
    return visit;
  })();
}

/** Deletes the visit (a tombstone that sync carries to the server). Throws `not_found` if already gone. */
export function deleteVisit(db: Db, id: string, now: string): void {
  tombstoneSynced(db, VISITS, id, now);
}

export function getVisit(db: Db, id: string): Visit | undefined {
  return readLive<Visit>(db, VISITS, id);
}

export function listVisitsOfAccount(db: Db, accountId: string): Visit[] {
  const sql = 'SELECT * FROM visits WHERE account_id = ? AND deleted_at IS NULL';
  return (statement(db, sql).all(accountId) as SqlRow[]).map((row) => fromRow<Visit>(VISITS, row));
}

export interface PlannedVisit extends Visit {
  accountName: string;
  tier: 'A' | 'B' | 'C';
}

/** Planned visits of live, not archived accounts with `from <= plannedAt < to` (UTC instants), soonest first. */
export function listPlannedBetween(db: Db, from: string, to: string): PlannedVisit[] {
  const sql = `
    SELECT v.*, a.name AS account_name, a.tier AS account_tier
    FROM visits v JOIN accounts a ON a.id = v.account_id
    WHERE v.status = 'planned' AND v.deleted_at IS NULL AND v.planned_at >= ? AND v.planned_at < ?
      AND a.deleted_at IS NULL AND a.archived_at IS NULL
    ORDER BY v.planned_at`;
  return (statement(db, sql).all(from, to) as SqlRow[]).map((row) => ({
    ...fromRow<Visit>(VISITS, row),
    accountName: row.account_name as string,
    tier: row.account_tier as PlannedVisit['tier'],
  }));
}
