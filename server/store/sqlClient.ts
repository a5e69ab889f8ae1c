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
  close(): Promise<void>;
  /** `postgres` (a server over the network) or `pglite` (embedded, one process) */
  readonly kind: 'postgres' | 'pglite';
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
