/**
 * The writes a push decided on, made in one statement that also takes their versions from the team's
 * counter. Taking the counter's row lock is what makes versions of one team commit in order (a pull
 * never steps over a late commit), so it is taken as late as possible: the team's other pushes wait
 * only for this statement and the COMMIT, not for the whole push's reads and checks. How long it is
 * held is measured (`VersionLock`): from the moment this statement has it, by the database's clock, to
 * the end of the statement, and then by this process's clock until the COMMIT has answered.
 */
import type { SyncedTable } from '../../core/sync/protocol.js';
import type { SqlQueryable } from '../store/sqlClient.js';
import type { SyncSession } from './session.js';

export interface PlannedWrite {
  kind: 'insert' | 'merge' | 'tombstone';
  table: SyncedTable;
  id: string;
  accountId: string;
  /** insert: the whole row; merge: only the changed fields; tombstone: nothing */
  data: Record<string, unknown>;
  /** a merge that changes a note's protected text moves the row's text version too */
  textChanged: boolean;
  /** set once written */
  version?: number;
}

/** What a push's writes did with the team's version counter, across every statement that took it. */
export interface VersionLock {
  /** the team's version after the last write */
  lastVersion?: number;
  /** from taking the lock to the end of the statement that took it, by the database's clock */
  heldInStatementMs?: number;
  /** `performance.now()` once that statement answered: the lock is held from then until the COMMIT */
  statementEndedAt?: number;
}

const WRITE_ALL = `
WITH base AS (
  UPDATE teams SET last_version = last_version + $2 WHERE id = $1 RETURNING last_version - $2 AS version, clock_timestamp() AS locked_at
), w AS (
  SELECT * FROM jsonb_to_recordset($3::jsonb) AS w(ord int, kind text, table_name text, id uuid, account_id uuid, data jsonb, text_changed boolean)
), inserted AS (
  INSERT INTO sync_rows (table_name, id, team_id, owner_id, account_id, version, text_version, data)
  SELECT w.table_name, w.id, $1, $4, w.account_id, base.version + w.ord, base.version + w.ord, w.data
  FROM w CROSS JOIN base WHERE w.kind = 'insert'
  ON CONFLICT DO NOTHING RETURNING 1
), updated AS (
  UPDATE sync_rows r SET data = r.data || w.data, version = base.version + w.ord,
    text_version = CASE WHEN w.text_changed THEN base.version + w.ord ELSE r.text_version END,
    deleted_at = CASE WHEN w.kind = 'tombstone' THEN now() ELSE r.deleted_at END, updated_at = now()
  FROM w CROSS JOIN base WHERE w.kind <> 'insert' AND r.table_name = w.table_name AND r.id = w.id RETURNING 1
)
SELECT base.version AS first, (SELECT count(*) FROM inserted)::int AS inserted, (SELECT count(*) FROM updated)::int AS updated,
  (extract(epoch FROM clock_timestamp() - base.locked_at) * 1000)::float8 AS locked_ms FROM base`;

export class WriteBatch {
  private planned: PlannedWrite[] = [];

  constructor(
    private readonly session: SyncSession,
    private readonly lock: VersionLock = {},
  ) {}

  add(write: Omit<PlannedWrite, 'version'>): PlannedWrite {
    const planned: PlannedWrite = { ...write };
    this.planned.push(planned);
    return planned;
  }

  /** Writes everything planned so far and gives each write its version. */
  async flush(tx: SqlQueryable): Promise<PlannedWrite[]> {
    const writes = this.planned;
    if (writes.length === 0) return writes;
    this.planned = [];
    const rows = writes.map((w, index) => ({ ord: index + 1, kind: w.kind, table_name: w.table, id: w.id, account_id: w.accountId, data: w.data, text_changed: w.textChanged }));
    // The owner of an inserted row is whoever's token wrote it, never a field of the payload.
    const [result] = await tx.query<{ first: number; inserted: number; updated: number; locked_ms: number }>(WRITE_ALL, [this.session.teamId, writes.length, JSON.stringify(rows), this.session.userId]);
    if (result!.inserted + result!.updated !== writes.length) {
      // Another push created a row with the same client-chosen id meanwhile: roll back; the retry sees it.
      throw new Error(`push wrote ${result!.inserted + result!.updated} of ${writes.length} rows; a row was created concurrently`);
    }
    writes.forEach((w, index) => (w.version = result!.first + index + 1));
    this.lock.lastVersion = result!.first + writes.length;
    if (this.lock.statementEndedAt === undefined) {
      this.lock.heldInStatementMs = Number(result!.locked_ms);
      this.lock.statementEndedAt = performance.now();
    }
    return writes;
  }
}
