/** The real backend: SQLite through `db/`. Kept apart from the interface so tests never load it. */
import { openDatabase } from '../db/connection.js';
import { createService } from '../db/service/index.js';
import { callApi } from '../db/service/dispatch.js';
import { listBackups } from '../db/service/backup.js';
import type { DatabaseBackend } from './backend.js';

export const sqliteBackend: DatabaseBackend = {
  open: (file, options) => openDatabase(file, options),
  createService: (deps) => createService(deps),
  callApi: (handlers, method, input) => callApi(handlers, method, input),
  listBackups: (dataDir) => listBackups(dataDir),
};
