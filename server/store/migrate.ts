import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sqlClient.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
/** Any constant shared by every server process; taken per transaction, so it is released on commit. */
const MIGRATION_LOCK_KEY = 7_262_011;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseNewerError extends Error {
  override readonly name = 'DatabaseNewerError';
}

/** `NNN_name.sql` files, in order. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{3}_.+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: fs.readFileSync(path.join(dir, file), 'utf8') }));
}

/**
 * Applies pending migrations in one transaction under an advisory lock, so servers starting together
 * neither race nor apply a migration twice. Returns the versions it applied.
 */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = loadMigrations()): Promise<number[]> {
  return client.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.execScript(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Set((await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const newest = Math.max(0, ...applied);
    const known = Math.max(0, ...migrations.map((m) => m.version));
    if (newest > known) throw new DatabaseNewerError(`database schema ${newest} is newer than this server (${known}); update the server`);
    const pending = migrations.filter((m) => !applied.has(m.version));
    for (const migration of pending) {
      await tx.execScript(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return pending.map((m) => m.version);
  });
}
