/** The real backend: SQLite through `db/`. Kept apart from the interface so tests never load it. */
import path from 'node:path';
import { openDatabase } from '../db/connection.js';
import { createService } from '../db/service/index.js';
import { callApi } from '../db/service/dispatch.js';
import { encryptPlainBackups, listBackups } from '../db/service/backup.js';
import type { DatabaseBackend } from './backend.js';

export const sqliteBackend: DatabaseBackend = {
  open(file, options) {
    const db = openDatabase(file, options);
    // The database file lives at the top of its data folder (db/paths.ts): its backups get its key too.
    if (options.key) encryptPlainBackups(path.dirname(file), options.key, options.nativeBinding);
    return db;
  },
  createService: (deps) => createService(deps),
  callApi: (handlers, method, input) => callApi(handlers, method, input),
  listBackups: (dataDir) => listBackups(dataDir),
};
