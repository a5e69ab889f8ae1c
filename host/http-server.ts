/**
 * Browser mode's transport: the app API as `POST /api/<method>` plus the built renderer, on 127.0.0.1
 * only. A random per-launch token (sent by the renderer as `x-rounds-token`) keeps other local
 * programs and web pages out; the Host check defeats DNS rebinding (a page on evil.example resolving
 * to 127.0.0.1 would send `Host: evil.example`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { ApiErrorCode } from '../core/api/errors.js';
import { ApiError } from '../core/api/errors.js';
import type { ApiResult } from './backend.js';
import { SECURITY_HEADERS } from './security-headers.js';

export const TOKEN_HEADER = 'x-rounds-token';
export const MAX_BODY_BYTES = 1024 * 1024;
const LOOPBACK = '127.0.0.1';

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  validation: 400,
  unknown_method: 404,
  not_found: 404,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  database_newer: 503,
  database_corrupt: 503,
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
}

export interface RoundsHttpServer {
  readonly app: FastifyInstance;
  readonly token: string;
  /** Starts listening on 127.0.0.1; resolves to the URL to open, token included. */
  listen(): Promise<string>;
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
  const app = Fastify({ bodyLimit: MAX_BODY_BYTES, logger: false });

  const listeningPort = () => (app.server.address() as AddressInfo | null)?.port ?? options.port;
  const isAllowedHost = (host: string | undefined) => {
    const port = listeningPort();
    return host === `${LOOPBACK}:${port}` || host === `localhost:${port}`;
  };

  // Runs before the body is read, so nothing unauthenticated gets parsed.
  app.addHook('onRequest', async (request, reply) => {
    if (!isAllowedHost(request.headers.host)) return sendError(reply, 403, 'forbidden');
    if (request.url.startsWith('/api/')) {
      const given = request.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !sameSecret(given, token)) return sendError(reply, 401, 'unauthorized');
    }
    return undefined;
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

  app.post<{ Params: { method: string } }>('/api/:method', async (request, reply) => {
    const result = await options.call(request.params.method, request.body);
    return reply.code(result.ok ? 200 : STATUS_BY_CODE[result.error.code]).send(result);
  });

  if (fs.existsSync(options.rendererDir)) {
    void app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html', wildcard: true });
  } else {
    app.get('/', async (_request, reply) => reply.code(503).type('text/plain').send('The renderer is not built yet: run `npm run build`.'));
  }

  return {
    app,
    token,
    async listen() {
      await app.listen({ host: LOOPBACK, port: options.port ?? 0 });
      return `http://${LOOPBACK}:${listeningPort()}/#token=${token}`;
    },
    close: () => app.close(),
  };
}
