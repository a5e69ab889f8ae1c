/** A sync server over a test database, users signed in through the real HTTP routes (Fastify inject). */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type Mutation, type PullResponse, type PulledRow, type PushResponse, type SyncedTable, type UserRole } from '../../../core/sync/protocol.js';
import { buildSyncServer } from '../../../server/http/app.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { addUser } from '../../../server/users.js';
import type { Backend, TestDatabase } from './backends.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef';
export const PASSWORD = 'correct horse battery';

export interface HttpAnswer<T> {
  status: number;
  body: T;
}

/** One signed-in installation of the app: its own client id and mutation counter. */
export class TestDevice {
  private nextMutationId = 1;
  readonly clientId: string;

  constructor(
    readonly app: FastifyInstance,
    readonly userId: string,
    readonly teamId: string,
    public accessToken: string,
    clientId: string,
  ) {
    this.clientId = clientId;
  }

  /** A mutation with this device's next mutation id. */
  mutation(table: SyncedTable, rowId: string, fields: Record<string, unknown>, options: { op?: 'upsert' | 'delete'; baseVersion?: number | null; clientTime?: string } = {}): Mutation {
    return {
      mutationId: this.nextMutationId++,
      table,
      rowId,
      op: options.op ?? 'upsert',
      fields,
      baseVersion: options.baseVersion ?? null,
      clientTime: options.clientTime ?? new Date().toISOString(),
    };
  }

  async post<T>(url: string, payload: unknown, app = this.app): Promise<HttpAnswer<T>> {
    const response = await app.inject({ method: 'POST', url, payload: payload as object, headers: { authorization: `Bearer ${this.accessToken}` } });
    return { status: response.statusCode, body: (response.body ? response.json() : undefined) as T };
  }

  async push(mutations: Mutation[], app = this.app, after?: number): Promise<PushResponse> {
    const answer = await this.post<PushResponse>('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: this.clientId, mutations, ...(after === undefined ? {} : { after }) }, app);
    if (answer.status !== 200) throw new Error(`push answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  async pull(cursor: string | null, limit = 1000, app = this.app): Promise<PullResponse> {
    const answer = await this.post<PullResponse>('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: this.clientId, cursor, limit }, app);
    if (answer.status !== 200) throw new Error(`pull answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  /** Every page from `cursor` on: the rows in order and the cursor to continue from. */
  async pullAll(cursor: string | null = null, limit = 1000): Promise<{ rows: PulledRow[]; cursor: string }> {
    const rows: PulledRow[] = [];
    let at = cursor;
    for (;;) {
      const page = await this.pull(at, limit);
      rows.push(...page.rows);
      at = page.cursor;
      if (!page.hasMore) return { rows, cursor: at };
    }
  }
}

export interface SyncFixture {
  app: FastifyInstance;
  store: SqlClient;
  /** creates the user (and team) */
  addUser(username: string, role: UserRole, teamName: string): Promise<void>;
  /** signs in a new installation of `username` */
  signIn(username: string, app?: FastifyInstance): Promise<TestDevice>;
  close(): Promise<void>;
}

/** Sign-in throttling out of the way of tests that sign in many devices from one address (`test/security/signInThrottling.test.ts` tests it). */
export const TEST_THROTTLE = { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } as const;

export function syncServer(store: SqlClient): FastifyInstance {
  return buildSyncServer({ store, tokenSecret: TEST_SECRET, throttle: TEST_THROTTLE });
}

export async function syncFixture(store: SqlClient): Promise<SyncFixture> {
  const app = syncServer(store);
  await app.ready();
  return {
    app,
    store,
    async addUser(username, role, teamName) {
      await addUser(store, { username, role, teamName, password: PASSWORD });
    },
    async signIn(username, via = app) {
      const clientId = uuidv7();
      const response = await via.inject({ method: 'POST', url: '/v1/auth/login', payload: { username, password: PASSWORD, deviceName: `${username}'s laptop`, clientId } });
      if (response.statusCode !== 200) throw new Error(`login answered ${response.statusCode}: ${response.body}`);
      const session = response.json() as { accessToken: string; user: { id: string; teamId: string } };
      return new TestDevice(via, session.user.id, session.user.teamId, session.accessToken, clientId);
    },
    close: () => app.close(),
  };
}

export const accountFields = (name: string, extra: Record<string, unknown> = {}) => ({ name, tier: 'A', ...extra });
export const noteFields = (accountId: string, body: string) => ({ accountId, body });
export const newId = (): string => uuidv7();

/** Everything the sync tables hold, to prove a refused request changed nothing. */
export async function databaseState(store: SqlClient): Promise<string> {
  const rows = await store.query(`SELECT table_name, id, version, owner_id, data, deleted_at FROM sync_rows ORDER BY table_name, id`);
  const teams = await store.query('SELECT id, last_version FROM teams ORDER BY id');
  const clients = await store.query('SELECT client_id, last_mutation_id FROM client_mutations ORDER BY client_id');
  const rejected = await store.query('SELECT client_id, mutation_id FROM rejected_mutations ORDER BY client_id, mutation_id');
  return crypto.createHash('sha256').update(JSON.stringify({ rows, teams, clients, rejected })).digest('hex');
}

/**
 * A test file's (or describe block's) server: a fresh database on `backend` with these users
 * (`[username, role, team]`), made before its tests and dropped after them.
 */
export function useSyncServer(backend: Backend, users: ReadonlyArray<readonly [string, UserRole, string]>): { readonly db: TestDatabase; readonly fixture: SyncFixture } {
  const server = {} as { db: TestDatabase; fixture: SyncFixture };
  beforeAll(async () => {
    server.db = await backend.create();
    server.fixture = await syncFixture(server.db.store);
    for (const [username, role, team] of users) await server.fixture.addUser(username, role, team);
  }, 60_000);
  afterAll(async () => {
    await server.fixture?.close();
    await server.db?.drop();
  });
  return server;
}
