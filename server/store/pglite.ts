import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { isolationClause, type NotificationHandlers, type SqlClient, type SqlParam, type SqlQueryable } from './sqlClient.js';

const INT8_OID = 20;

interface PgliteQueryTarget {
  query<Row>(text: string, params?: unknown[]): Promise<{ rows: Row[] }>;
  exec(text: string): Promise<unknown>;
}

function queryable(target: PgliteQueryTarget): SqlQueryable {
  return {
    async query<Row>(text: string, params: readonly SqlParam[] = []) {
      return (await target.query<Row>(text, [...params])).rows;
    },
    async execScript(text: string) {
      await target.exec(text);
    },
  };
}

/**
 * The embedded default: PostgreSQL compiled to WASM, running in this process. `dataDir` undefined
 * keeps the database in memory (tests). One connection: PGlite runs transactions one at a time.
 * One process per folder, too (a second one's writes are lost and the folder may be left unusable):
 * `rounds` takes the folder's lock before it opens it (`cli/serverStore.ts`; server/ cannot import
 * the lock from host/).
 */
export async function pgliteClient(dataDir?: string): Promise<SqlClient> {
  // The team's data: only the server's user may enter the folder (PGlite creates its files 0666 less the
  // umask, which `rounds serve` sets to 077; the folder mode also covers files left by older versions).
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dataDir, 0o700);
  }
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), parsers: { [INT8_OID]: (value: string) => Number(value) } });
  const direct = queryable(db);
  // One process holds the store: its notifications are handed to this process's listeners directly.
  const listeners = new Map<string, Set<NotificationHandlers>>();
  return {
    kind: 'pglite',
    query: direct.query,
    execScript: direct.execScript,
    transaction(work, isolation = 'read committed') {
      return db.transaction(async (tx) => {
        await tx.query(`SET TRANSACTION ${isolationClause(isolation)}`);
        return work(queryable(tx));
      });
    },
    async notify(channel, payloads) {
      const handlers = [...(listeners.get(channel) ?? [])];
      if (handlers.length > 0 && payloads.length > 0) queueMicrotask(() => handlers.forEach((h) => payloads.forEach((p) => h.onNotification(p))));
    },
    async listen(channel, handlers) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(handlers));
      return { close: async () => void set.delete(handlers) };
    },
    close: () => db.close(),
  };
}
