/**
 * The sync server's HTTP API (Fastify). Stateless: everything lives in the store, tokens are checked
 * with the shared secret, so any number of processes on one PostgreSQL behave as one.
 */
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { z } from 'zod';
import { LoginRequest, PullRequest, PushRequest, RefreshRequest, SYNC_LIMITS, SYNC_PROTOCOL_VERSION } from '../../core/sync/protocol.js';
import { encodePullPage, PULL_COLUMNS_TYPE } from '../../core/sync/pullEncoding.js';
import { listDevices, login, logout, refresh, requireActiveSession, restoreDevice, revokeDevice } from '../auth/sessions.js';
import { DEFAULT_THROTTLE, FailedSignIns, HashGate, TooManyAttempts, type ThrottleOptions } from '../auth/throttle.js';
import { verifyAccessToken, type AccessClaims } from '../auth/tokens.js';
import { nestsDeeperThan } from '../../core/text/storable.js';
import { ServerError } from '../errors.js';
import type { SqlClient } from '../store/sqlClient.js';
import { pull } from '../sync/pull.js';
import { push, type PushReport } from '../sync/push.js';
import { stillActiveSessions, TeamChanges, teamVersionOf } from '../sync/teamChanges.js';
import { hasAdminKey, registerAdminRoutes } from './adminRoutes.js';
import { lazySchemaCompilers } from './lazyCompilers.js';
import { EventStreams, RETRY_MS } from './events.js';
import { openApiDocument } from './openapi.js';

export interface SyncServerOptions {
  store: SqlClient;
  tokenSecret: string;
  /** Fastify's pino logger options: JSON lines; false in tests */
  logger?: FastifyServerOptions['logger'];
  now?: () => Date;
  /** PEM certificate (chain) and private key: serve HTTPS instead of plain HTTP */
  tls?: TlsCredentials;
  /** the key of the server administrator's routes (`adminRoutes.ts`); without it they refuse everyone */
  adminKey?: string;
  /**
   * How long one request may take to arrive, and how long a connection may stay silent, before it is
   * closed (default 30 s): a body that never finishes must not hold a connection forever.
   */
  requestTimeoutMs?: number;
  /** sign-in throttling (`auth/throttle.ts`); defaults in `DEFAULT_THROTTLE` */
  throttle?: ThrottleOptions;
  /** the reverse proxies whose `X-Forwarded-For` names the client (`trustedProxies.ts`); default none */
  trustedProxies?: string[];
  /** the team event streams (`events.ts`): their heartbeat (15 s), streams per device (3), per user (30: ten devices' worth) and per process (20,000), coalescing of a team's changes (25 ms) */
  events?: { heartbeatMs?: number; maxPerDevice?: number; maxPerUser?: number; maxStreams?: number; coalesceMs?: number };
}

export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

export interface TlsCredentials {
  cert: string | Buffer;
  key: string | Buffer;
}

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ServerError(
      'invalid',
      'sync.server.invalidRequest',
      result.error.issues.map((issue) => ({ path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), message: issue.message })),
    );
  }
  return result.data;
}

/** Whether an `Accept` header names the media type (with any parameters, and not refused with q=0). */
export function acceptsMediaType(accept: string | undefined, type: string): boolean {
  return (accept ?? '').split(',').some((range) => {
    const [name, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    return name === type && !parameters.some((parameter) => /^q=0(\.0*)?$/.test(parameter));
  });
}

/** An old (or newer) client is told to update before its request is even read. */
function checkProtocolVersion(body: unknown): void {
  const version = typeof body === 'object' && body !== null ? (body as { protocolVersion?: unknown }).protocolVersion : undefined;
  if (typeof version === 'number' && version !== SYNC_PROTOCOL_VERSION) throw new ServerError('upgrade_required', 'sync.server.upgradeRequired');
}

function errorReply(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof TooManyAttempts) void reply.header('retry-after', String(error.retryAfterSeconds));
  if (error instanceof ServerError) return reply.code(error.status).send(error.toBody());
  const fastifyError = error as { code?: string; statusCode?: number };
  if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: 'payload_too_large', message: 'sync.server.requestTooLarge' });
  if (fastifyError.statusCode !== undefined && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    // Unparsable JSON, a wrong content type, an empty body: all malformed requests.
    return reply.code(400).send({ error: 'invalid', message: 'sync.server.invalidRequest' });
  }
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ error: 'internal', message: 'sync.server.internal' });
}

export function buildSyncServer(options: SyncServerOptions): FastifyInstance {
  const { store, tokenSecret } = options;
  const now = options.now ?? (() => new Date());
  const timeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const throttle = { ...DEFAULT_THROTTLE, ...options.throttle };
  const failedSignIns = new FailedSignIns(throttle.maxFailures, throttle.failureWindowMs, now);
  const hashGate = new HashGate(throttle.maxConcurrentHashes, throttle.maxQueuedHashes);
  // requestTimeout bounds the whole request (a body trickled in a byte at a time); connectionTimeout
  // closes a socket that has gone silent (a body that stalls), whatever Node's periodic check says.
  const common = {
    logger: options.logger ?? false,
    bodyLimit: SYNC_LIMITS.requestBytes,
    requestTimeout: timeout,
    connectionTimeout: timeout,
    // `request.ip`, which the per-address limit counts, is the peer's own address unless it is a named proxy.
    trustProxy: options.trustedProxies ?? false,
    // ajv and fast-json-stringify load only if a route ever has a JSON schema (none has: zod validates)
    schemaController: lazySchemaCompilers(),
  };
  // The routes never touch the raw server, so an HTTPS instance is used through the same (HTTP-typed) interface.
  const app = options.tls ? (Fastify({ ...common, https: { cert: options.tls.cert, key: options.tls.key } }) as unknown as FastifyInstance) : Fastify(common);
  // Pulls are JSON that compresses ~10×, which matters on a laptop's mobile connection. The fastest
  // levels: the server compresses every page of a first sync. Compressed request bodies (big pushes) are
  // inflated before parsing, and the body limit applies to the inflated size.
  void app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 } },
    zlibOptions: { level: 1 },
    requestEncodings: ['br', 'gzip'],
  });
  // Per address, on the routes that name it (`perAddress`): in memory, per process.
  void app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => new TooManyAttempts(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  const perAddress = { rateLimit: { max: throttle.maxPerAddress, timeWindow: throttle.addressWindowMs } };

  // Team changes: heard from this process's pushes and, through the store, from every other process's.
  const changes = new TeamChanges(store, {
    coalesceMs: options.events?.coalesceMs,
    onError: (error, what) => app.log.warn({ err: error }, `team changes: ${what} failed`),
  });
  const streams = new EventStreams(changes, {
    heartbeatMs: options.events?.heartbeatMs,
    maxPerDevice: options.events?.maxPerDevice,
    maxStreams: options.events?.maxStreams,
    maxPerUser: options.events?.maxPerUser,
    stillActive: (sessions) => stillActiveSessions(store, sessions),
    onCheckFailed: (error) => app.log.warn({ err: error }, 'event streams: the revocation check failed'),
    headers: options.tls ? { 'strict-transport-security': 'max-age=31536000' } : {},
    now,
  });
  app.addHook('onReady', () => changes.start());
  // Streams end before the server stops taking connections, so their laptops reconnect elsewhere.
  app.addHook('preClose', (done) => {
    streams.closeAll();
    done();
  });
  app.addHook('onClose', () => changes.close());

  function authenticate(request: FastifyRequest): AccessClaims {
    const header = request.headers.authorization ?? '';
    const claims = header.startsWith('Bearer ') ? verifyAccessToken(header.slice(7), tokenSecret, now()) : null;
    if (!claims) throw new ServerError('unauthorized', 'sync.server.sessionExpired');
    return claims;
  }

  /** A team admin's access token, of a device not revoked and a user not disabled since it was issued. */
  async function requireAdmin(request: FastifyRequest): Promise<AccessClaims> {
    const claims = authenticate(request);
    await requireActiveSession(store, claims);
    if (claims.role !== 'admin') throw new ServerError('forbidden', 'sync.server.adminOnly');
    return claims;
  }

  // Fastify's own JSON parsing (prototype-poisoning checks included), then a depth check: JSON.parse
  // takes 10,000-deep arrays in its stride, but what walks the value afterwards may not, PostgreSQL's
  // jsonb parser least of all (stack depth exceeded; the embedded store stops answering errors after).
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body.toString(), (error, value) => {
      if (error) done(error);
      else if (nestsDeeperThan(value, SYNC_LIMITS.bodyDepth)) done(new ServerError('invalid', 'sync.server.invalidRequest', [{ path: [], message: 'sync.server.nestedTooDeep' }]));
      else done(null, value);
    });
  });
  // On every answer, errors and 404s included: no content sniffing; under TLS, browsers stay on HTTPS.
  app.addHook('onSend', async (_request, reply, payload) => {
    void reply.header('x-content-type-options', 'nosniff');
    if (options.tls) void reply.header('strict-transport-security', 'max-age=31536000');
    return payload;
  });
  app.setErrorHandler((error, request, reply) => errorReply(error, request, reply));
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found', message: 'sync.server.noSuchRoute' }));

  // Routes are added once the compression plugin has loaded, so its hooks apply to them.
  void app.register(async (api) => {
    api.get('/health', async () => {
      await store.query('SELECT 1');
      return { status: 'ok', protocolVersion: SYNC_PROTOCOL_VERSION };
    });
    api.get('/openapi.json', async () => openApiDocument());

    // Token answers are never kept by a cache (a proxy's or the client's).
    // A username locked by failed attempts is refused before its password is even looked at (the right
    // one too, so guessing cannot go on); the hashing itself waits its turn in `hashGate`.
    api.post('/v1/auth/login', { config: perAddress }, async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const body = parse(LoginRequest, request.body);
      const username = body.username.normalize('NFC').toLowerCase();
      failedSignIns.check(username);
      try {
        const session = await hashGate.run(() => login(store, tokenSecret, body, now()));
        failedSignIns.succeeded(username);
        return session;
      } catch (error) {
        if (error instanceof ServerError && error.code === 'unauthorized') failedSignIns.failed(username);
        throw error;
      }
    });
    api.post('/v1/auth/refresh', { config: perAddress }, async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      return refresh(store, tokenSecret, parse(RefreshRequest, request.body).refreshToken, now());
    });
    api.post('/v1/auth/logout', async (request, reply) => {
      await logout(store, parse(RefreshRequest, request.body).refreshToken);
      return reply.code(204).send();
    });

    api.post('/v1/sync/push', async (request, reply) => {
      checkProtocolVersion(request.body);
      const session = authenticate(request);
      const report: PushReport = {};
      const response = await push(store, session, parse(PushRequest, request.body), report);
      if (report.teamVersion !== undefined) changes.committed(session.teamId, report.teamVersion);
      // How long the team's version lock was held, for whoever measures it (a benchmark, a browser's tools).
      if (report.versionLockMs !== undefined) void reply.header('server-timing', `version-lock;dur=${report.versionLockMs.toFixed(2)}`);
      return response;
    });
    // The team's changes as they commit (`events.ts`); the same token and device check as a pull.
    api.get('/v1/sync/events', async (request, reply) => {
      const session = authenticate(request);
      const version = await teamVersionOf(store, session);
      if (!streams.hasRoomFor(session)) throw new TooManyAttempts(RETRY_MS / 1000);
      streams.open(request, reply, session, version);
      return reply;
    });
    // A client that accepts it gets the page in its compact form (`core/sync/pullEncoding.ts`), any other today's JSON.
    api.post('/v1/sync/pull', async (request, reply) => {
      checkProtocolVersion(request.body);
      const session = authenticate(request);
      const page = await pull(store, session, parse(PullRequest, request.body));
      void reply.header('vary', 'accept');
      if (!acceptsMediaType(request.headers.accept, PULL_COLUMNS_TYPE)) return page;
      void reply.type(PULL_COLUMNS_TYPE);
      return encodePullPage(page);
    });

    api.get('/v1/admin/devices', async (request) => ({ devices: await listDevices(store, { teamId: (await requireAdmin(request)).teamId }) }));
    // A team's admin signed in to the app revokes (and restores) their team's devices; the server's administrator any.
    for (const [action, change] of [['revoke', revokeDevice], ['restore', restoreDevice]] as const) {
      api.post<{ Params: { id: string } }>(`/v1/admin/devices/:id/${action}`, async (request, reply) => {
        const scope = hasAdminKey(request, options.adminKey) ? {} : { teamId: (await requireAdmin(request)).teamId };
        await change(store, request.params.id, scope);
        return reply.code(204).send();
      });
    }
    registerAdminRoutes(api, { store, adminKey: options.adminKey, parse });
  });
  return app;
}
