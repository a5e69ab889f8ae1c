import { migrate } from './migrate.js';
import { pgliteClient } from './pglite.js';
import { postgresClient } from './postgres.js';
import type { SqlClient } from './sqlClient.js';

export type StoreLocation = { databaseUrl: string } | { dataDir: string } | { memory: true };

/** Opens the server's store (PostgreSQL by URL, else PGlite in a folder or in memory) and migrates it. */
export async function openStore(location: StoreLocation): Promise<SqlClient> {
  const client =
    'databaseUrl' in location ? postgresClient(location.databaseUrl) : await pgliteClient('dataDir' in location ? location.dataDir : undefined);
  try {
    await migrate(client);
    return client;
  } catch (error) {
    await client.close();
    throw error;
  }
}
