/**
 * A stand-in for the SQLite backend in host tests: a "database" is a text file whose content decides
 * how opening it goes ("newer" / "corrupt" refuse like the real `openDatabase`). It lets the host's
 * lock/problem/recovery logic be tested without depending on the schema.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { ApiHandlers } from '../core/api/contract.js';
import { ApiError } from '../core/api/errors.js';
import { isApiMethod, parseApiInput } from '../core/api/validate.js';
import { backupDirIn } from '../db/paths.js';
import type { DatabaseBackend, ServiceDeps } from './backend.js';

export interface FakeBackend extends DatabaseBackend {
  readonly serviceDeps: ServiceDeps[];
  readonly closed: string[];
}

export function createFakeBackend(): FakeBackend {
  const serviceDeps: ServiceDeps[] = [];
  const closed: string[] = [];
  return {
    serviceDeps,
    closed,
    open(file) {
      if (!fs.existsSync(file)) fs.writeFileSync(file, 'fresh');
      const content = fs.readFileSync(file, 'utf8');
      if (content === 'newer') throw new ApiError('database_newer');
      if (content === 'corrupt') throw new ApiError('database_corrupt');
      return { close: () => closed.push(file), name: content } as unknown as Database.Database;
    },
    createService(deps) {
      serviceDeps.push(deps);
      return { 'settings.get': () => ({ content: deps.db.name }) } as unknown as ApiHandlers;
    },
    async callApi(handlers, method, input) {
      try {
        if (!isApiMethod(method)) throw new ApiError('unknown_method');
        const handler = handlers[method] as (parsed: unknown) => unknown;
        return { ok: true, value: await handler(parseApiInput(method, input)) };
      } catch (error) {
        return { ok: false, error: (error instanceof ApiError ? error : new ApiError('internal')).toBody() };
      }
    },
    listBackups(dataDir) {
      const dir = backupDirIn(dataDir);
      if (!fs.existsSync(dir)) return [];
      return fs.readdirSync(dir).map((file) => ({ file, createdAt: '2026-01-01T00:00:00.000Z', bytes: fs.statSync(path.join(dir, file)).size }));
    },
  };
}
