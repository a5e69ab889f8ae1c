/**
 * Browser mode's transport: the app API as `POST /api/<method>` plus the built renderer, on 127.0.0.1
 * only. A random per-launch token (sent by the renderer as `x-rounds-token`) keeps other local
 * programs and web pages out; the Host check defeats DNS rebinding (a page on evil.example resolving
 * to 127.0.0.1 would send `Host: evil.example`).
 *
 * The token is checked on the route the request matched, after the router decoded its path, and on
 * every route but the renderer's static files: `/%61pi/…` is `/api/…` to the router, so it must be to
 * the check too. The token never travels in a URL: the browser is opened with a one-time launch code
 * that the renderer exchanges for it (`POST /session`), and a download link carries a one-time ticket.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ApiErrorCode } from '../core/api/errors.js';
import { ApiError } from '../core/api/errors.js';
import type { ApiResult } from './backend.js';
import { SECURITY_HEADERS } from './security-headers.js';

export const TOKEN_HEADER = 'x-rounds-token';
export const MAX_BODY_BYTES = 1024 * 1024;
/** Import files travel base64-encoded in the body: 50 MB of file is ~67 MB of JSON. Only these methods take that much. */
export const MAX_UPLOAD_BODY_BYTES = 70 * 1024 * 1024;
const UPLOAD_METHODS = ['imports.preview', 'imports.apply'];
/** A file the exports folder may serve: a plain name, no separators, not hidden (temp files start with a dot). */
const SERVABLE_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const LOOPBACK = '127.0.0.1';
/** Routes anyone on the machine may ask for: the renderer's files, and the launch-code exchange. */
const PUBLIC_ROUTES = new Set(['/*', '/', '/session']);
const DOWNLOAD_ROUTE = '/files/exports/:name';
/** A download ticket is for one file, once, within this time of the click that asked for it. */
const TICKET_MS = 60_000;

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  validation: 400,
  unknown_method: 404,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  database_newer: 503,
  database_corrupt: 503,
  database_key_unknown: 503,
  disk_full: 507,
  internal: 500,
};

export interface HttpServerOptions {
  call(method: unknown, input: unknown): Promise<ApiResult>;
  /** the built renderer (`dist/renderer`) */
  rendererDir: string;
  /** 0 (default) picks a free port */
  port?: number;
  /** fixed only in tests; a fresh random token otherwise */
  token?: string;
  /** finished exports, downloadable at `GET /files/exports/<name>` (token as header, or a ticket) */
  exportsDir?: string;
  now?: () => number;
}

export interface RoundsHttpServer {
  readonly app: FastifyInstance;
  readonly token: string;
  /** Starts listening on 127.0.0.1; resolves to a URL to open (see `launchUrl`). */
  listen(): Promise<string>;
  /** A URL with a fresh one-time launch code (the token itself never goes on a command line). */
  launchUrl(): string;
  close(): Promise<void>;
}

export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function sendError(reply: FastifyReply, status: number, code: ApiErrorCode): FastifyReply {
  return reply.code(status).send({ ok: false, error: new ApiError(code).toBody() });
}

export function createHttpServer(options: HttpServerOptions): RoundsHttpServer {
  const token = options.token ?? newToken();
  const now = options.now ?? Date.now;
  const app = Fastify({ bodyLimit: MAX_BODY_BYTES, logger: false });
  const launchCodes = new Set<string>();
  const tickets = new Map<string, { name: string; until: number }>();

  const listeningPort = () => (app.server.address() as AddressInfo | null)?.port ?? options.port;
  const isAllowedHost = (host: string | undefined) => {
    const port = listeningPort();
    return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
  };
  const hasToken = (given: unknown) => typeof given === 'string' && sameSecret(given, token);
  /**
   * A download ticket: valid for its own file until it expires, and spent by the GET that fetches it (a
   * HEAD, as download managers send first, only looks). Expired ones are dropped as new ones are made.
   */
  const useTicket = (given: unknown, name: string, method: string) => {
    if (typeof given !== 'string') return false;
    const ticket = tickets.get(given);
    if (method !== 'HEAD') tickets.delete(given);
    return ticket !== undefined && ticket.name === name && ticket.until >= now();
  };

  // Runs after routing but before the body is read, so nothing unauthenticated gets parsed.
  app.addHook('onRequest', async (request, reply) => {
    // An absolute-form target (`POST http://127.0.0.1:PORT/api/…`) is for proxies, never for this server.
    if (!request.url.startsWith('/')) return sendError(reply, 400, 'validation');
    if (!isAllowedHost(request.headers.host)) return sendError(reply, 403, 'forbidden');
    const route = request.routeOptions.url;
    // No route: the 404 answer gives nothing away.
    if (route === undefined || PUBLIC_ROUTES.has(route)) return undefined;
    if (hasToken(request.headers[TOKEN_HEADER])) return undefined;
    if (route === DOWNLOAD_ROUTE && useTicket((request.query as { ticket?: unknown }).ticket, (request.params as { name: string }).name, request.method)) return undefined;
    return sendError(reply, 401, 'unauthorized');
  });

  app.addHook('onSend', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    reply.header('cache-control', 'no-store');
  });

  // An empty body means "no argument" (methods like app.status take none).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    if (body === '') return done(null, undefined);
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined);
    }
  });

  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, 'validation');
    if (status >= 400 && status < 500) return sendError(reply, status, 'validation');
    return sendError(reply, 500, 'internal');
  });

  const callMethod = async (method: string, body: unknown, reply: FastifyReply) => {
    const result = await options.call(method, body);
    return reply.code(result.ok ? 200 : STATUS_BY_CODE[result.error.code]).send(result);
  };
  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => callMethod(request.params.method, request.body, reply));
  // Static routes win over the parametric one: only the upload methods get the larger body limit.
  for (const method of UPLOAD_METHODS) app.post(`/api/${method}`, { bodyLimit: MAX_UPLOAD_BODY_BYTES }, async (request, reply) => callMethod(method, request.body, reply));

  app.post('/session', async (request, reply) => {
    const code = (request.body as { launch?: unknown } | undefined)?.launch;
    if (typeof code !== 'string' || !launchCodes.delete(code)) return sendError(reply, 401, 'unauthorized');
    return reply.send({ token });
  });

  const { exportsDir } = options;
  if (exportsDir !== undefined) {
    const servable = (name: string) => {
      const file = path.join(exportsDir, name);
      return SERVABLE_FILE.test(name) && path.dirname(file) === path.resolve(exportsDir) && fs.existsSync(file) ? file : null;
    };
    // A link cannot send the token header: the renderer asks for a ticket when the user clicks.
    app.post('/files/tickets', async (request, reply) => {
      const name = (request.body as { name?: unknown } | undefined)?.name;
      if (typeof name !== 'string' || servable(name) === null) return sendError(reply, 404, 'not_found');
      for (const [old, { until }] of tickets) if (until < now()) tickets.delete(old);
      const ticket = newToken();
      tickets.set(ticket, { name, until: now() + TICKET_MS });
      return reply.send({ url: `/files/exports/${encodeURIComponent(name)}?ticket=${ticket}` });
    });
    app.get<{ Params: { name: string } }>(DOWNLOAD_ROUTE, async (request, reply) => {
      const { name } = request.params;
      const file = servable(name);
      if (file === null) return sendError(reply, 404, 'not_found');
      return reply
        .type('application/octet-stream')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(fs.createReadStream(file));
    });
  }

  if (fs.existsSync(options.rendererDir)) {
    void app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', wildcard: true });
  } else {
    app.get('/', async (_request, reply) => reply.code(503).type('text/plain').send('The renderer is not built yet: run `npm run build`.'));
  }

  const launchUrl = () => {
    const code = newToken();
    launchCodes.add(code);
    return `http://${LOOPBACK}:${listeningPort()}/#launch=${code}`;
  };
  return {
    app,
    token,
    launchUrl,
    async listen() {
      await app.listen({ host: LOOPBACK, port: options.port ?? 0 });
      return launchUrl();
    },
    close: () => app.close(),
  };
}
