/**
 * The two stores every sync server test runs against: PGlite in memory (the embedded default) and a
 * real PostgreSQL server at ROUNDS_TEST_DATABASE_URL (each test file gets a scratch database of its
 * own). A PostgreSQL that cannot be reached fails the tests; it never skips them.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';

export const TEST_DATABASE_URL = process.env.ROUNDS_TEST_DATABASE_URL ?? 'postgres://rounds_test:rounds_test@127.0.0.1:5432/rounds_test';

export interface TestDatabase {
  /** set for PostgreSQL: other processes or pools can open the same database */
  databaseUrl?: string;
  store: SqlClient;
  /** another store on the same database (a second server instance); PGlite has only the one */
  openAnother(): Promise<SqlClient>;
  drop(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  create(): Promise<TestDatabase>;
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}). ` +
        'Start it (`pg_ctlcluster 15 main start`) and create the test role as .ci/run does, or set ROUNDS_TEST_DATABASE_URL.',
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh scratch database on the test server, and its URL. */
export async function createScratchDatabase(): Promise<{ databaseUrl: string; drop(): Promise<void> }> {
  const name = `rounds_t_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return { databaseUrl: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    async create() {
      const store = await openStore({ memory: true });
      return { store, openAnother: async () => store, drop: () => store.close() };
    },
  },
  {
    name: 'postgres',
    async create() {
      const scratch = await createScratchDatabase();
      const store = await openStore({ databaseUrl: scratch.databaseUrl });
      const others: SqlClient[] = [];
      return {
        databaseUrl: scratch.databaseUrl,
        store,
        async openAnother() {
          const other = await openStore({ databaseUrl: scratch.databaseUrl });
          others.push(other);
          return other;
        },
        async drop() {
          await Promise.all([store, ...others].map((s) => s.close()));
          await scratch.drop();
        },
      };
    },
  },
];
