/**
 * The two stores every sync server test runs against: PGlite in memory (the embedded default) and a
 * real PostgreSQL server at ROUNDS_TEST_DATABASE_URL (each test file gets a scratch database of its
 * own). A PostgreSQL that cannot be reached fails the tests; it never skips them.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';

/** Set by the test runners' global setup (`test/support/testPostgres.ts`) when not given. */
function testDatabaseUrl(): string {
  const url = process.env.ROUNDS_TEST_DATABASE_URL;
  if (!url) throw new Error('ROUNDS_TEST_DATABASE_URL is not set: run the tests through vitest or Playwright (their global setup starts a PostgreSQL), or set it.');
  return url;
}

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
  const databaseUrl = testDatabaseUrl();
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${databaseUrl.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}). ` +
        'Start it, or unset ROUNDS_TEST_DATABASE_URL to let the tests start an embedded one.',
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
  const url = new URL(testDatabaseUrl());
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
