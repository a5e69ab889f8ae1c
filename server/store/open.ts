import { migrate } from './migrate.js';
import type { SqlClient } from './sqlClient.js';

/**
 * `listenDatabaseUrl`: where the one LISTEN connection goes when `databaseUrl` is a transaction-mode
 * pool (PgBouncer), which cannot hold a LISTEN: PostgreSQL itself, or a session-mode pool.
 */
export type StoreLocation = { databaseUrl: string; listenDatabaseUrl?: string } | { dataDir: string } | { memory: true };

/**
 * Opens the server's store (PostgreSQL by URL, else PGlite in a folder or in memory) and migrates it.
 * Each driver is loaded only when it is the one used: `rounds serve` on its embedded store does not
 * load pg, nor a server on PostgreSQL PGlite.
 */
export async function openStore(location: StoreLocation): Promise<SqlClient> {
  const client =
    'databaseUrl' in location
      ? (await import('./postgres.js')).postgresClient(location.databaseUrl, { listenUrl: location.listenDatabaseUrl })
      : await (await import('./pglite.js')).pgliteClient('dataDir' in location ? location.dataDir : undefined);
  try {
    await migrate(client);
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
}
