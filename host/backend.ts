/**
 * What the host needs from `db/`: opening the database, building the service, dispatching calls,
 * listing backups. An interface so tests (and a future worker-thread host) can swap the implementation.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ApiHandlers, ApiResult } from '../core/api/contract.js';
import type { DatabaseKey } from '../db/encryption.js';
import type { RuntimeResources } from '../db/jobs/protocol.js';
import type { SyncHostOptions } from '../db/service/context.js';

export type { ApiResult };

export interface ServiceDeps {
  db: Database.Database;
  dataDir: string;
  host: 'electron' | 'browser';
  version: string;
  now?: () => Date;
  defaultLanguage?: 'zh-CN' | 'en';
  /** the host's sync choices (the Electron host's safeStorage token store) */
  sync?: SyncHostOptions;
  resources?: RuntimeResources;
}

export interface BackupFile {
  file: string;
  createdAt: string;
  bytes: number;
}

export interface DatabaseBackend {
  open(file: string, options: { nativeBinding?: string; key?: DatabaseKey }): Database.Database;
  createService(deps: ServiceDeps): ApiHandlers;
  callApi(handlers: ApiHandlers, method: unknown, input: unknown): ApiResult | Promise<ApiResult>;
  listBackups(dataDir: string): BackupFile[];
}
