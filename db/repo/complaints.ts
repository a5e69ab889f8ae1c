/** Reader/writer functions for complaints. The status (open / responded / resolved) is derived, never stored. */
import { uuidv7 } from 'uuidv7';
import type { Tier } from '../../core/model/enums.js';
import type { Complaint, ComplaintStatus } from '../../core/model/reminders.js';
import type { Db } from '../connection.js';
import { insertSynced, updateSynced } from '../synced/localWrites.js';
import { fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const COMPLAINTS: TableSpec = {
  table: 'complaints',
  fields: {
    accountId: 'value',
    contactId: 'value',
    channel: 'value',
    severity: 'value',
    description: 'value',
    receivedAt: 'value',
    targetHours: 'value',
    firstRespondedAt: 'value',
    response: 'value',
    resolvedAt: 'value',
    resolution: 'value',
  },
};

export type ComplaintValues = Omit<Complaint, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'status'>;

type StoredComplaint = Omit<Complaint, 'status'>;

function withStatus(stored: StoredComplaint): Complaint {
  const status: ComplaintStatus = stored.resolvedAt !== null ? 'resolved' : stored.firstRespondedAt !== null ? 'responded' : 'open';
  return { ...stored, status };
}

export function getComplaint(db: Db, id: string): Complaint | undefined {
  const stored = readLive<StoredComplaint>(db, COMPLAINTS, id);
  return stored ? withStatus(stored) : undefined;
}

export function insertComplaint(db: Db, values: ComplaintValues, now: string): Complaint {
  return withStatus(insertSynced<StoredComplaint>(db, COMPLAINTS, uuidv7(), values, now));
}

export function updateComplaint(
  db: Db,
  id: string,
  patch: Partial<Pick<ComplaintValues, 'firstRespondedAt' | 'response' | 'resolvedAt' | 'resolution'>>,
  now: string,
): Complaint {
  return withStatus(updateSynced<StoredComplaint>(db, COMPLAINTS, id, patch, now));
}

export interface ComplaintFilter {
  accountId?: string;
  status?: ComplaintStatus;
  /** open or replied, not resolved */
  unresolved?: boolean;
  tier?: Tier;
}

/** Complaints of live accounts with their account's name and tier, newest first (the service orders them for display). */
export function listComplaints(db: Db, filter: ComplaintFilter): Array<Complaint & { accountName: string; tier: Tier }> {
  const sql = `
    SELECT c.*, a.name AS account_name, a.tier AS account_tier FROM complaints c JOIN accounts a ON a.id = c.account_id
    WHERE c.deleted_at IS NULL AND a.deleted_at IS NULL AND (@accountId IS NULL OR c.account_id = @accountId)
      AND (@tier IS NULL OR a.tier = @tier) AND (@unresolved = 0 OR c.resolved_at IS NULL)
    ORDER BY c.received_at DESC`;
  return (statement(db, sql).all({ accountId: filter.accountId ?? null, tier: filter.tier ?? null, unresolved: filter.unresolved ? 1 : 0 }) as SqlRow[])
    .map((row) => ({ ...withStatus(fromRow<StoredComplaint>(COMPLAINTS, row)), accountName: row.account_name as string, tier: row.account_tier as Tier }))
    .filter((complaint) => filter.status === undefined || complaint.status === filter.status);
}
