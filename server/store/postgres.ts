import crypto from 'node:crypto';
import pg from 'pg';
import { arrayParam, isolationClause, type NotificationHandlers, type SqlClient, type SqlParam, type SqlQueryable } from './sqlClient.js';

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

/** Every payload in one statement: one round trip (and one commit of the notification queue) for a burst. */
const NOTIFY_ALL = 'SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p';

/** The pause before opening a dropped LISTEN connection again: doubled on each failure, up to the most. */
const RELISTEN_DELAY = { firstMs: 250, mostMs: 10_000 } as const;

/**
 * One connection of its own, outside the pool, that LISTENs on `channel` until closed: a session, as
 * LISTEN needs (behind PgBouncer it must reach PostgreSQL directly or through a session-mode pool). When
 * it drops, it is opened again after a pause with jitter, and `onResumed` says so once it listens again.
 */
async function listenOn(databaseUrl: string, channel: string, handlers: NotificationHandlers): Promise<{ close(): Promise<void> }> {
  let closed = false;
  let current: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let delay: number = RELISTEN_DELAY.firstMs;

  const open = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    // Until it listens, a failure is the caller's (thrown); an 'error' event must not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await client.end().catch(() => undefined);
      return;
    }
    let lost = false;
    const drop = (error?: unknown) => {
      if (lost) return;
      lost = true;
      if (error !== undefined) handlers.onError?.(error);
      if (current === client) current = undefined;
      void client.end().catch(() => undefined);
      reopenLater();
    };
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) handlers.onNotification(message.payload);
    });
    client.on('error', drop);
    client.on('end', () => drop());
    current = client;
  };

  const reopenLater = () => {
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      open().then(
        () => {
          delay = RELISTEN_DELAY.firstMs;
          if (!closed) handlers.onResumed();
        },
        (error: unknown) => {
          handlers.onError?.(error);
          delay = Math.min(delay * 2, RELISTEN_DELAY.mostMs);
          reopenLater();
        },
      );
    }, delay * (0.5 + Math.random()));
  };

  await open();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
  };
}

/**
 * A PostgreSQL server reached with node-postgres; `max` connections shared by all requests, and one
 * more of its own for LISTEN, at `listenUrl` if given (the database itself when `databaseUrl` is a
 * transaction-mode pool).
 */
export function postgresClient(databaseUrl: string, options: { max?: number; listenUrl?: string } = {}): SqlClient {
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
    async notify(channel, payloads) {
      if (payloads.length > 0) await direct.query(NOTIFY_ALL, [channel, arrayParam(payloads)]);
    },
    listen: (channel, handlers) => listenOn(options.listenUrl ?? databaseUrl, channel, handlers),
    close: () => pool.end(),
  };
}
