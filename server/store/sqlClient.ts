/**
 * The one SQL code path of the sync server runs over this tiny interface, so the same statements work
 * on a real PostgreSQL server (node-postgres pool) and on the embedded default (PGlite in-process).
 */
export type SqlParam = string | number | boolean | null | Date;

export interface SqlQueryable {
  /** `$1`-style parameters; bigint columns come back as JS numbers, jsonb as parsed values */
  query<Row = Record<string, unknown>>(text: string, params?: readonly SqlParam[]): Promise<Row[]>;
  /** several statements without parameters (a migration file) */
  execScript(text: string): Promise<void>;
}

export type IsolationLevel = 'read committed' | 'repeatable read';

export interface SqlClient extends SqlQueryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>, isolation?: IsolationLevel): Promise<T>;
  /**
   * PostgreSQL's NOTIFY of each payload on `channel`, outside any transaction (sent by the caller once
   * its own transaction has committed), in one statement.
   */
  notify(channel: string, payloads: readonly string[]): Promise<void>;
  /**
   * Listens on `channel` over one connection of its own (LISTEN needs a session, never a pooled one),
   * held until the returned `close`. A connection that drops is opened again (with a growing pause);
   * `onResumed` is called once it listens again, since notifications sent meanwhile are lost.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<{ close(): Promise<void> }>;
  close(): Promise<void>;
  /** `postgres` (a server over the network) or `pglite` (embedded, one process) */
  readonly kind: 'postgres' | 'pglite';
}

export interface NotificationHandlers {
  onNotification(payload: string): void;
  /** listening again after the connection dropped */
  onResumed(): void;
  /** the listening connection failed (it is being opened again) */
  onError?(error: unknown): void;
}

export function isolationClause(isolation: IsolationLevel): string {
  return `ISOLATION LEVEL ${isolation === 'repeatable read' ? 'REPEATABLE READ' : 'READ COMMITTED'}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value may go into a `uuid` parameter (anything else would fail the whole statement). */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/**
 * A `$n::text[]` / `$n::uuid[]` parameter that both stores take: an array literal. Only for ids and
 * table names (no commas, quotes or braces to escape).
 */
export const arrayParam = (values: readonly string[]): string => `{${values.join(',')}}`;
