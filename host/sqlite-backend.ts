/** The real backend: SQLite through `db/`. Kept apart from the interface so tests never load it. */
import path from 'node:path';
import type { ApiHandlers } from '../core/api/contract.js';
import { ApiError } from '../core/api/errors.js';
import { isDamagedDatabaseError, type Db } from '../db/connection.js';
import { markDamaged, openDatabase } from '../db/openDatabase.js';
import { createService } from '../db/service/index.js';
import { callApi } from '../db/service/dispatch.js';
import { encryptPlainBackups, listBackups } from '../db/service/backup.js';
import type { DatabaseBackend } from './backend.js';

type AnyHandler = (input: unknown) => unknown;

/**
 * A damaged page met while answering — an encrypted page whose HMAC fails, or a page SQLite finds
 * malformed — is `database_corrupt`, as at open, never `internal`: the host then shows the recovery
 * screen's problem state. The connection is marked so its close does not count as clean, and the
 * next open checks every page.
 */
function reportingDamage(db: Db, handlers: ApiHandlers): ApiHandlers {
  const guarded = Object.entries(handlers).map(([method, handler]) => [
    method,
    async (input: unknown) => {
      try {
        return await (handler as AnyHandler)(input);
      } catch (error) {
        if (!isDamagedDatabaseError(error)) throw error;
        markDamaged(db);
        throw new ApiError('database_corrupt', { detail: (error as Error).message });
      }
    },
  ]);
  return Object.fromEntries(guarded) as ApiHandlers;
}

export const sqliteBackend: DatabaseBackend = {
  open(file, options) {
    const db = openDatabase(file, options);
    // The database file lives at the top of its data folder (db/paths.ts): its backups get its key too.
    if (options.key) encryptPlainBackups(path.dirname(file), options.key, options.nativeBinding);
    return db;
  },
  createService: (deps) => reportingDamage(deps.db, createService(deps)),
  callApi: (handlers, method, input) => callApi(handlers, method, input),
  listBackups: (dataDir) => listBackups(dataDir),
};
