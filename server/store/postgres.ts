import crypto from 'node:crypto';
import pg from 'pg';
import { isolationClause, type SqlClient, type SqlParam, type SqlQueryable } from './sqlClient.js';

const INT8_OID = 20;
// Versions and mutation ids stay far below 2^53; numbers are easier on both sides than strings.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * Every statement with parameters is a named prepared statement (the name is a hash of its text), so
 * each pooled connection parses and plans a push's or pull's statements once, not on every request.
 */
const preparedNames = new Map<string, string>();
function preparedName(text: string): string {
  let name = preparedNames.get(text);
  if (!name) {
    name = `r_${crypto.createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    preparedNames.set(text, name);
  }
  return name;
}

function queryable(target: pg.Pool | pg.PoolClient): SqlQueryable {
  return {
    async query<Row>(text: string, params: readonly SqlParam[] = []) {
      const result = await target.query({ ...(params.length > 0 ? { name: preparedName(text) } : {}), text, values: params as unknown[], types });
      return result.rows as Row[];
    },
    async execScript(text: string) {
      await target.query(text);
    },
  };
}

/** A PostgreSQL server reached with node-postgres; `max` connections shared by all requests. */
export function postgresClient(databaseUrl: string, options: { max?: number } = {}): SqlClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 20 });
  // An idle connection dropped by the server must not crash the process.
  pool.on('error', () => undefined);
  const direct = queryable(pool);
  return {
    kind: 'postgres',
    query: direct.query,
    execScript: direct.execScript,
    async transaction(work, isolation = 'read committed') {
      const connection = await pool.connect();
      let broken = false;
      try {
        // One round trip, not two: every push and pull starts here.
        await connection.query(`BEGIN ${isolationClause(isolation)}`);
        const result = await work(queryable(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        try {
          await connection.query('ROLLBACK');
        } catch {
          broken = true;
        }
        throw error;
      } finally {
        connection.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
