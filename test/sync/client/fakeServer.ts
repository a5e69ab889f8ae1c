/**
 * An in-memory sync server that follows `core/sync/protocol.ts`, reached through a `fetch` function,
 * so the real client code (HTTP, JSON, status codes, token refresh) runs in tests without a network.
 * Rules are the simplest ones the protocol allows: one version counter, field-by-field merge, a note
 * body edited on an older base becomes a conflict copy, deletes are tombstones, edits of a deleted
 * row are rejected. Reps read and write their own rows; leads read everyone's.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { uuidv7 } from 'uuidv7';
import {
  LoginRequest,
  PullRequest,
  PushRequest,
  RefreshRequest,
  SYNC_PROTOCOL_VERSION,
  type Mutation,
  type MutationResult,
  type PulledRow,
  type SessionUser,
  type SyncErrorBody,
  type SyncedTable,
} from '../../../core/sync/protocol.js';

interface StoredRow {
  table: SyncedTable;
  id: string;
  version: number;
  ownerId: string;
  data: Record<string, unknown>;
  /** the version that last changed a note's body */
  bodyVersion: number;
}

interface ClientLog {
  lastMutationId: number;
  /** as the real server: how far the client's pulls said it had taken answers as processed */
  acknowledgedThrough: number;
  results: Map<number, MutationResult>;
}

const newLog = (): ClientLog => ({ lastMutationId: 0, acknowledgedThrough: 0, results: new Map() });

type Reply = { status: number; body: unknown };

/** How long a pipelined batch waits for its predecessor before the 409 (the real server waits a second). */
const PREDECESSOR_WAIT_MS = 200;

export class FakeSyncServer {
  readonly url = 'http://sync.test';
  private readonly users = new Map<string, SessionUser & { password: string }>();
  private readonly rows = new Map<string, StoredRow>();
  private readonly clients = new Map<string, ClientLog>();
  private readonly accessTokens = new Map<string, string>();
  private readonly refreshTokens = new Map<string, string>();
  private version = 0;
  private purgedThrough = 0;

  /** false: every request fails as if the network were down */
  online = true;
  /** true: an admin revoked every device, so signing in is refused as the real server does */
  devicesRevoked = false;
  /** this many coming push requests are committed, then their answer is lost */
  dropPushResponses = 0;
  /** seconds an access token lives, as told to the client */
  accessTtlSeconds = 900;
  /** a mutation this returns a reason for is rejected (to test rejections the local app cannot produce) */
  rejectWhen: (mutation: Mutation) => 'invalid' | 'forbidden' | null = () => null;
  /** rows per pull page at most, whatever the client asks (to exercise paging with small data) */
  pageLimit = Number.POSITIVE_INFINITY;
  /** this many coming push requests fail with a 503 before anything is applied */
  failPushRequests = 0;
  /** awaited before the n-th push request (0-based) is handled: lets a later request overtake it */
  beforePush: (index: number) => Promise<void> = async () => undefined;
  /** a refresh token works once, as on the real server (each refresh hands out a new one) */
  rotateRefreshTokens = false;
  /** each push request's answer status, in the order they were answered */
  readonly pushStatuses: number[] = [];
  /** push requests being handled right now, and the most there ever were at once */
  pushesInFlight = 0;
  maxPushesInFlight = 0;
  private pushCount = 0;
  readonly requests: string[] = [];

  addUser(username: string, password: string, role: SessionUser['role'] = 'rep'): SessionUser {
    const user = { id: uuidv7(), username, displayName: username.toUpperCase(), role, teamId: 'team-1', teamName: 'East', password };
    this.users.set(username, user);
    const { password: _password, ...session } = user;
    return session;
  }

  /** Forgets every access token (as if they expired): the next request gets a 401 and must refresh. */
  expireAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** Drops tombstones; cursors from before now get `resetRequired`. */
  purgeTombstones(): void {
    for (const [key, row] of this.rows) if (row.data.deletedAt) this.rows.delete(key);
    this.purgedThrough = this.version;
  }

  /** Live rows of a table, for comparing with the replicas. */
  liveRows(table: SyncedTable): StoredRow[] {
    return [...this.rows.values()].filter((row) => row.table === table && !row.data.deletedAt);
  }

  /** How many times each client's mutations were applied (a retry must not add one). */
  appliedCount = 0;

  readonly fetch: typeof fetch = async (input, init) => {
    if (!this.online) throw new TypeError('fetch failed');
    const url = new URL(String(input));
    this.requests.push(url.pathname);
    const headers = new Headers(init?.headers);
    const raw = init?.body as string | Uint8Array | undefined;
    const body: unknown = raw ? JSON.parse(headers.get('content-encoding') === 'gzip' ? gunzipSync(raw as Uint8Array).toString() : String(raw)) : undefined;
    const token = headers.get('authorization')?.replace(/^Bearer /, '') ?? null;
    const reply = url.pathname === '/v1/sync/push' ? await this.pushRequest(body, token) : this.handle(url.pathname, body, token);
    if (url.pathname === '/v1/sync/push' && reply.status === 200 && this.dropPushResponses > 0) {
      this.dropPushResponses -= 1;
      throw new TypeError('fetch failed: connection reset');
    }
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json' } });
  };

  private async pushRequest(body: unknown, token: string | null): Promise<Reply> {
    const index = this.pushCount++;
    this.pushesInFlight += 1;
    this.maxPushesInFlight = Math.max(this.maxPushesInFlight, this.pushesInFlight);
    try {
      await this.beforePush(index);
      await this.predecessorOf(body);
      const reply = this.failPushRequests > 0 ? error(503, 'internal') : this.handle('/v1/sync/push', body, token);
      if (reply.status === 503) this.failPushRequests -= 1;
      this.pushStatuses.push(reply.status);
      return reply;
    } finally {
      this.pushesInFlight -= 1;
    }
  }

  /** As the real server does, a pipelined batch gives the batch it follows a moment to be applied first. */
  private async predecessorOf(body: unknown): Promise<void> {
    const { clientId, after } = (body ?? {}) as { clientId?: string; after?: number };
    if (typeof after !== 'number' || typeof clientId !== 'string') return;
    for (let waited = 0; waited < PREDECESSOR_WAIT_MS && (this.clients.get(clientId)?.lastMutationId ?? 0) < after; waited += 5) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  private handle(route: string, body: unknown, token: string | null): Reply {
    if (route === '/health') return { status: 200, body: { ok: true } };
    if (route === '/v1/auth/login') return this.login(body);
    if (route === '/v1/auth/refresh') return this.refresh(body);
    const user = token ? this.userOf(this.accessTokens.get(token)) : undefined;
    if (!user) return error(401, 'unauthorized');
    if (route === '/v1/auth/logout') {
      this.refreshTokens.delete((body as { refreshToken?: string }).refreshToken ?? '');
      return { status: 200, body: {} };
    }
    if (route === '/v1/sync/push') return this.push(user, body);
    if (route === '/v1/sync/pull') return this.pull(user, body);
    return error(404, 'invalid');
  }

  private userOf(id: string | undefined): SessionUser | undefined {
    return [...this.users.values()].find((user) => user.id === id);
  }

  private issue(user: SessionUser, refreshToken: string) {
    const accessToken = randomUUID();
    this.accessTokens.set(accessToken, user.id);
    return { accessToken, accessExpiresIn: this.accessTtlSeconds, refreshToken };
  }

  private login(body: unknown): Reply {
    const parsed = LoginRequest.safeParse(body);
    if (!parsed.success) return error(400, 'invalid');
    const user = this.users.get(parsed.data.username);
    if (!user || user.password !== parsed.data.password) return error(401, 'unauthorized');
    if (this.devicesRevoked) return { status: 403, body: { error: 'forbidden', message: 'sync.server.deviceRevoked' } };
    const refreshToken = randomUUID();
    this.refreshTokens.set(refreshToken, user.id);
    const { password: _password, ...session } = user;
    const previous = parsed.data.previousClientId;
    const lineage = previous === undefined ? {} : { previousLastMutationId: this.clients.get(previous)?.lastMutationId ?? 0 };
    return { status: 200, body: { ...this.issue(user, refreshToken), user: session, ...lineage } };
  }

  private refresh(body: unknown): Reply {
    const parsed = RefreshRequest.safeParse(body);
    const user = parsed.success ? this.userOf(this.refreshTokens.get(parsed.data.refreshToken)) : undefined;
    if (!parsed.success || !user) return error(401, 'unauthorized');
    if (!this.rotateRefreshTokens) return { status: 200, body: this.issue(user, parsed.data.refreshToken) };
    this.refreshTokens.delete(parsed.data.refreshToken);
    const next = randomUUID();
    this.refreshTokens.set(next, user.id);
    return { status: 200, body: this.issue(user, next) };
  }

  private push(user: SessionUser, body: unknown): Reply {
    const parsed = PushRequest.safeParse(body);
    if (!parsed.success) return error(400, 'invalid');
    if (parsed.data.protocolVersion !== SYNC_PROTOCOL_VERSION) return error(426, 'upgrade_required');
    const log = this.clients.get(parsed.data.clientId) ?? newLog();
    this.clients.set(parsed.data.clientId, log);
    if ((parsed.data.acknowledged ?? Infinity) < log.acknowledgedThrough) return error(409, 'stale_copy');
    if (parsed.data.after !== undefined && log.lastMutationId < parsed.data.after) return error(409, 'out_of_order');
    const results = parsed.data.mutations.map((mutation) => {
      const earlier = log.results.get(mutation.mutationId);
      if (mutation.mutationId <= log.lastMutationId) return earlier ? { ...earlier, status: 'duplicate' as const } : { mutationId: mutation.mutationId, status: 'duplicate' as const };
      const result = this.apply(user, mutation);
      log.lastMutationId = mutation.mutationId;
      log.results.set(mutation.mutationId, result);
      return result;
    });
    return { status: 200, body: { results, lastMutationId: log.lastMutationId } };
  }

  private apply(user: SessionUser, mutation: Mutation): MutationResult {
    const reject = (reason: MutationResult['reason']): MutationResult => ({ mutationId: mutation.mutationId, status: 'rejected', reason, message: `sync:rejected.${reason}` });
    const refused = this.rejectWhen(mutation);
    if (refused) return reject(refused);
    const key = `${mutation.table}/${mutation.rowId}`;
    const row = this.rows.get(key);
    if (row && row.ownerId !== user.id) return reject('forbidden');
    if (mutation.op === 'delete') {
      if (!row) return reject('not_found');
      if (!row.data.deletedAt) this.bump(row, { deletedAt: mutation.clientTime, updatedAt: mutation.clientTime });
      this.appliedCount += 1;
      return { mutationId: mutation.mutationId, status: 'applied', version: row.version };
    }
    if (!row) {
      if (mutation.baseVersion !== null) return reject('not_found');
      this.version += 1;
      const created: StoredRow = {
        table: mutation.table,
        id: mutation.rowId,
        version: this.version,
        ownerId: user.id,
        data: { ...mutation.fields, createdAt: mutation.clientTime, updatedAt: mutation.clientTime, deletedAt: null },
        bodyVersion: this.version,
      };
      this.rows.set(key, created);
      this.appliedCount += 1;
      return { mutationId: mutation.mutationId, status: 'applied', version: created.version };
    }
    if (row.data.deletedAt) return reject('deleted');
    const fields = { ...mutation.fields };
    let conflictCopyId: string | undefined;
    const bodyChangedElsewhere = mutation.table === 'notes' && 'body' in fields && (mutation.baseVersion ?? 0) < row.bodyVersion && fields.body !== row.data.body;
    if (bodyChangedElsewhere) {
      conflictCopyId = this.conflictCopy(row, String(fields.body), mutation.clientTime);
      delete fields.body;
      delete fields.revision;
    }
    this.bump(row, { ...fields, updatedAt: mutation.clientTime });
    this.appliedCount += 1;
    return { mutationId: mutation.mutationId, status: 'applied', version: row.version, ...(conflictCopyId ? { conflictCopyId } : {}) };
  }

  private bump(row: StoredRow, fields: Record<string, unknown>): void {
    this.version += 1;
    row.version = this.version;
    if ('body' in fields && fields.body !== row.data.body) row.bodyVersion = this.version;
    row.data = { ...row.data, ...fields };
  }

  private conflictCopy(note: StoredRow, body: string, at: string): string {
    this.version += 1;
    const id = uuidv7();
    const { accountId, visitId, contactId } = note.data;
    this.rows.set(`notes/${id}`, {
      table: 'notes',
      id,
      version: this.version,
      ownerId: note.ownerId,
      data: { accountId, visitId, contactId, body, revision: 1, conflictOf: note.id, createdAt: at, updatedAt: at, deletedAt: null },
      bodyVersion: this.version,
    });
    return id;
  }

  private pull(user: SessionUser, body: unknown): Reply {
    const parsed = PullRequest.safeParse(body);
    if (!parsed.success) return error(400, 'invalid');
    if (parsed.data.protocolVersion !== SYNC_PROTOCOL_VERSION) return error(426, 'upgrade_required');
    const log = this.clients.get(parsed.data.clientId) ?? newLog();
    this.clients.set(parsed.data.clientId, log);
    const { acknowledged } = parsed.data;
    if (acknowledged !== undefined) {
      if (acknowledged < log.acknowledgedThrough) return error(409, 'stale_copy');
      log.acknowledgedThrough = Math.max(log.acknowledgedThrough, Math.min(acknowledged, log.lastMutationId));
    }
    const { lastMutationId } = log;
    const after = parsed.data.cursor === null ? 0 : Number(parsed.data.cursor);
    if (parsed.data.cursor !== null && after < this.purgedThrough) {
      return { status: 200, body: { rows: [], cursor: parsed.data.cursor, hasMore: false, lastMutationId, resetRequired: true } };
    }
    const visible = [...this.rows.values()]
      .filter((row) => row.version > after && (user.role !== 'rep' || row.ownerId === user.id))
      .sort((a, b) => a.version - b.version);
    const page = visible.slice(0, Math.min(parsed.data.limit, this.pageLimit));
    const rows: PulledRow[] = page.map((row) => ({ table: row.table, id: row.id, version: row.version, ownerId: row.ownerId, data: { ...row.data } }));
    const owners = [...new Set(page.map((row) => row.ownerId))].map((id) => ({ id, displayName: this.userOf(id)?.displayName ?? id }));
    const cursor = String(page.at(-1)?.version ?? after);
    return { status: 200, body: { rows, cursor, hasMore: page.length < visible.length, lastMutationId, resetRequired: false, total: visible.length, owners } };
  }
}

function error(status: number, code: SyncErrorBody['error']): Reply {
  return { status, body: { error: code, message: `sync:errors.${code}` } satisfies SyncErrorBody };
}
