/**
 * A done visit's local history (`visit_revisions`, schema 10): every record the visit has had on this
 * laptop since it was first corrected — its own edits (appended by db/repo/visits.ts in the transaction
 * of the edit) and records that arrived from the server later.
 */
import { uuidv7 } from 'uuidv7';
import { VISIT_RECORD_FIELDS, type VisitRecord, type VisitRevision } from '../../core/model/schemas.js';
import type { Db } from '../connection.js';
import { statement, type SqlRow } from '../repo/table.js';

/** The fields of a visit that make up its record, in a fixed order (so two equal records compare equal as JSON). */
export function recordOf(visit: VisitRecord): VisitRecord {
  return Object.fromEntries(VISIT_RECORD_FIELDS.map((field) => [field, visit[field]])) as VisitRecord;
}

function latestRecord(db: Db, visitId: string): { revision: number; record: string } | undefined {
  return statement(db, 'SELECT revision, record FROM visit_revisions WHERE visit_id = ? ORDER BY revision DESC LIMIT 1').get(visitId) as
    | { revision: number; record: string }
    | undefined;
}

/** Appends `record` as the visit's next revision unless the history already ends with it; returns whether it did. */
export function appendVisitRecord(db: Db, visitId: string, record: VisitRecord, at: string): boolean {
  const text = JSON.stringify(recordOf(record));
  const latest = latestRecord(db, visitId);
  if (latest?.record === text) return false;
  statement(db, 'INSERT INTO visit_revisions (id, visit_id, revision, record, created_at) VALUES (?, ?, ?, ?, ?)').run(
    uuidv7(),
    visitId,
    (latest?.revision ?? 0) + 1,
    text,
    at,
  );
  return true;
}

/** A visit's record as the server has it joins the history of a visit that has one (edits from other devices). */
export function recordSyncedVisit(db: Db, visitId: string, record: VisitRecord, at: string): void {
  if (latestRecord(db, visitId)) appendVisitRecord(db, visitId, record, at);
}

/** Every revision of the visit's record, newest first; empty for a visit never corrected. */
export function listVisitRevisions(db: Db, visitId: string): VisitRevision[] {
  const sql = 'SELECT visit_id, revision, record, created_at FROM visit_revisions WHERE visit_id = ? ORDER BY revision DESC';
  return (statement(db, sql).all(visitId) as SqlRow[]).map((row) => ({
    visitId: row.visit_id as string,
    revision: row.revision as number,
    record: JSON.parse(row.record as string) as VisitRecord,
    createdAt: row.created_at as string,
  }));
}
