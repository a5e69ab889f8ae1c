/**
 * The browser-mode HTTP server in tests (`host/http-server*.test.ts`, `test/security/localApi*.test.ts`):
 * a renderer folder, an exports folder with a finished export and a half-written one, secrets beside
 * them that must never be served, and a fake API that records its calls.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import type { ApiResult } from '../backend.js';
import { createHttpServer, TOKEN_HEADER, type HttpServerOptions, type RoundsHttpServer } from '../http-server.js';

export const TOKEN = 'test-token_123';
export const PORT = 4321;
export const HOST = `127.0.0.1:${PORT}`;
/** beside the renderer folder, in `secret.txt` */
export const SECRET = 'TOP-SECRET-CONTENT';
/** beside the exports folder, in `rounds.sqlite` */
export const SECRET_DATABASE = 'SECRET-DATABASE';
export const EXPORT_NAME = 'visits-2026-01-01_2026-01-31-abc123.csv';
export const EXPORT_CONTENT = '\uFEFF客户,城市\n';
export const TEMP_EXPORT_NAME = '.visits.csv.123.tmp';

export interface HttpTestBed {
  root: string;
  rendererDir: string;
  exportsDir: string;
  /** every call that reached the API, this test */
  calls: Array<{ method: unknown; input: unknown }>;
  /** on PORT with TOKEN, over rendererDir and exportsDir */
  server: RoundsHttpServer;
  /** Another server over the same folders and fake API, with `options` changed; closed after the test. */
  another(options?: Partial<HttpServerOptions>): RoundsHttpServer;
  /** `POST /api/<method>` to `server` with the token, unless `headers` say otherwise. */
  post(method: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Registers the folders and servers of each test (before and after each); read the fields inside tests. */
export function useHttpServer(): HttpTestBed {
  const opened: RoundsHttpServer[] = [];
  const bed = {} as HttpTestBed;
  Object.assign(bed, {
    another(options: Partial<HttpServerOptions> = {}) {
      const server = createHttpServer({
        call: async (method, input): Promise<ApiResult> => {
          bed.calls.push({ method, input });
          if (method === 'accounts.get') return { ok: false, error: { code: 'not_found', message: 'errors.not_found' } };
          if (method === 'accounts.create') return { ok: false, error: { code: 'validation', message: 'errors.validation', issues: [{ path: ['name'], message: 'validation.required' }] } };
          if (method === 'nope') return { ok: false, error: { code: 'unknown_method', message: 'errors.unknown_method' } };
          return { ok: true, value: { echo: input ?? null } };
        },
        rendererDir: bed.rendererDir,
        exportsDir: bed.exportsDir,
        port: PORT,
        token: TOKEN,
        ...options,
      });
      opened.push(server);
      return server;
    },
    post(method: string, body: unknown, headers: Record<string, string> = {}) {
      return bed.server.app.inject({
        method: 'POST',
        url: `/api/${method}`,
        headers: { host: HOST, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
    },
  } satisfies Pick<HttpTestBed, 'another' | 'post'>);

  beforeEach(() => {
    bed.root = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-http-'));
    bed.rendererDir = path.join(bed.root, 'renderer');
    bed.exportsDir = path.join(bed.root, 'exports');
    fs.mkdirSync(bed.rendererDir);
    fs.mkdirSync(bed.exportsDir);
    fs.writeFileSync(path.join(bed.rendererDir, 'index.html'), '<!doctype html><title>Rounds</title>');
    fs.writeFileSync(path.join(bed.root, 'secret.txt'), SECRET);
    fs.writeFileSync(path.join(bed.exportsDir, EXPORT_NAME), EXPORT_CONTENT);
    fs.writeFileSync(path.join(bed.exportsDir, TEMP_EXPORT_NAME), 'half-written');
    fs.writeFileSync(path.join(bed.root, 'rounds.sqlite'), SECRET_DATABASE);
    bed.calls = [];
    bed.server = bed.another();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((server) => server.close()));
    fs.rmSync(bed.root, { recursive: true, force: true });
  });

  return bed;
}

/** Sends `request` as it is on a fresh connection to 127.0.0.1:`port`; resolves to the whole answer. */
export function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
