/** A real database in a temp folder with the service over it, called the way transports call it. */
import path from 'node:path';
import { expect } from 'vitest';
import type { ApiHandlers, ApiInput, ApiMethod, ApiOutputs } from '../../core/api/contract.js';
import type { ApiErrorBody } from '../../core/api/errors.js';
import type { Db } from '../connection.js';
import { openDatabase } from '../openDatabase.js';
import { createService } from '../service/index.js';
import { callApi } from '../service/dispatch.js';

export interface Harness {
  db: Db;
  dataDir: string;
  handlers: ApiHandlers;
  /** moves the service's clock */
  setNow(instant: string): void;
  /** calls a method and returns its value; fails the test on an error */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutputs[M]>;
  /** calls a method that must fail and returns the error */
  fail(method: string, input: unknown): Promise<ApiErrorBody>;
  /** every row of every table: compare before and after to prove nothing changed */
  snapshot(): string;
}

export function createHarness(dataDir: string, start = '2026-11-23T02:00:00.000Z'): Harness {
  const db = openDatabase(path.join(dataDir, 'rounds.sqlite'));
  let now = new Date(start);
  const handlers = createService({ db, dataDir, host: 'browser', version: '0.0.0-test', now: () => now, defaultLanguage: 'en' });
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'accounts_fts%' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return {
    db,
    dataDir,
    handlers,
    setNow: (instant) => {
      now = new Date(instant);
    },
    call: async (method, input) => {
      const result = await callApi(handlers, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
    fail: async (method, input) => {
      const result = await callApi(handlers, method, input, () => {});
      expect(result.ok).toBe(false);
      return (result as { ok: false; error: ApiErrorBody }).error;
    },
    snapshot: () => JSON.stringify(tables.map((table) => db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all())),
  };
}

export function outboxFor(db: Db, rowId: string): Array<{ op: string; fields: Record<string, unknown> }> {
  return (db.prepare('SELECT op, fields FROM outbox WHERE row_id = ? ORDER BY mutation_id').all(rowId) as Array<{ op: string; fields: string }>).map(
    (row) => ({ op: row.op, fields: JSON.parse(row.fields) as Record<string, unknown> }),
  );
}
