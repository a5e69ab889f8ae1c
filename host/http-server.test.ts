import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult } from './backend.js';
import { createHttpServer, MAX_BODY_BYTES, TOKEN_HEADER, type RoundsHttpServer } from './http-server.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

const TOKEN = 'test-token_123';
const PORT = 4321;
const HOST = `127.0.0.1:${PORT}`;
const SECRET = 'TOP-SECRET-CONTENT';

let rendererDir: string;
let calls: Array<{ method: unknown; input: unknown }>;
let server: RoundsHttpServer;

async function fakeCall(method: unknown, input: unknown): Promise<ApiResult> {
  calls.push({ method, input });
  if (method === 'accounts.get') return { ok: false, error: { code: 'not_found', message: 'errors.not_found' } };
  if (method === 'accounts.create') return { ok: false, error: { code: 'validation', message: 'errors.validation', issues: [{ path: ['name'], message: 'validation.required' }] } };
  if (method === 'nope') return { ok: false, error: { code: 'unknown_method', message: 'errors.unknown_method' } };
  return { ok: true, value: { echo: input ?? null } };
}

function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  return server.app.inject({
    method: 'POST',
    url: `/api/${method}`,
    headers: { host: HOST, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

beforeEach(() => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-http-'));
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Rounds</title>');
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  calls = [];
  server = createHttpServer({ call: fakeCall, rendererDir, port: PORT, token: TOKEN });
});

afterEach(async () => {
  await server.close();
});

describe('POST /api/:method', () => {
  it('passes the method and the JSON body to the API and returns its envelope', async () => {
    const response = await post('settings.get', { a: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, value: { echo: { a: 1 } } });
    expect(calls).toEqual([{ method: 'settings.get', input: { a: 1 } }]);
  });

  it('treats an empty body as no argument', async () => {
    const response = await post('app.status', '');
    expect(response.json()).toEqual({ ok: true, value: { echo: null } });
  });

  it('maps API errors to HTTP statuses', async () => {
    expect((await post('accounts.create', {})).statusCode).toBe(400);
    expect((await post('accounts.get', { id: 'x' })).statusCode).toBe(404);
    expect((await post('nope', {})).statusCode).toBe(404);
    expect((await post('accounts.create', {})).json()).toMatchObject({ ok: false, error: { code: 'validation', issues: [{ path: ['name'] }] } });
  });

  it('refuses a missing or wrong token before calling the API', async () => {
    expect((await post('settings.get', {}, { [TOKEN_HEADER]: 'wrong' })).statusCode).toBe(401);
    const noToken = await server.app.inject({ method: 'POST', url: '/api/settings.get', headers: { host: HOST }, payload: {} });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(calls).toHaveLength(0);
  });

  it('refuses bodies over 1 MB with 413', async () => {
    const response = await post('notes.create', { body: 'x'.repeat(MAX_BODY_BYTES) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
  });

  it('answers malformed JSON with 400', async () => {
    const response = await post('settings.get', '{not json');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('rejects a foreign Host header (DNS rebinding)', async () => {
    for (const host of ['evil.example', `evil.example:${PORT}`, '127.0.0.1:9999', 'localhost']) {
      expect((await post('settings.get', {}, { host })).statusCode).toBe(403);
    }
    expect((await post('settings.get', {}, { host: `localhost:${PORT}` })).statusCode).toBe(200);
    expect(calls).toHaveLength(1);
  });
});

describe('the renderer', () => {
  it('is served with the CSP and nosniff headers', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/', headers: { host: HOST } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Rounds</title>');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await server.app.inject({ method: 'GET', url, headers: { host: HOST } });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(SECRET);
    }
  });

  it('says the renderer must be built when it is missing', async () => {
    const bare = createHttpServer({ call: fakeCall, rendererDir: path.join(rendererDir, 'missing'), port: PORT, token: TOKEN });
    const response = await bare.app.inject({ method: 'GET', url: '/', headers: { host: HOST } });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
    await bare.close();
  });
});

describe('listening for real', () => {
  it('binds 127.0.0.1 on a random port and gives URLs with one-time launch codes, never the token', async () => {
    const live = createHttpServer({ call: fakeCall, rendererDir });
    const url = await live.listen();
    try {
      const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#launch=([A-Za-z0-9_-]{40,})$/.exec(url);
      expect(match).not.toBeNull();
      expect(url).not.toContain(live.token);
      const origin = `http://127.0.0.1:${match?.[1]}`;
      const exchange = (launch: string) => fetch(`${origin}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ launch }) });
      const first = await exchange(match![2]!);
      expect(await first.json()).toEqual({ token: live.token });
      // Spent: a second use, or a guess, gets nothing.
      expect((await exchange(match![2]!)).status).toBe(401);
      expect((await exchange('guess')).status).toBe(401);
      const another = new URL(live.launchUrl()).hash.replace('#launch=', '');
      expect(another).not.toBe(match?.[2]);
      expect((await exchange(another)).status).toBe(200);
      expect(live.token).not.toBe(createHttpServer({ call: fakeCall, rendererDir }).token);
      const response = await fetch(`${origin}/api/app.status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: live.token },
        body: '{}',
      });
      expect(await response.json()).toEqual({ ok: true, value: { echo: {} } });
      const page = await fetch(`http://localhost:${match?.[1]}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await live.close();
    }
  });

  it('refuses an absolute-form request line (what a proxy gets), even with the path of an API method', async () => {
    const live = createHttpServer({ call: fakeCall, rendererDir });
    const url = await live.listen();
    const port = Number(new URL(url).port);
    try {
      for (const target of [`http://127.0.0.1:${port}/api/settings.get`, `http://127.0.0.1:${port}/%61pi/settings.get`]) {
        const answer = await rawRequest(port, `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
        expect(answer, target).toMatch(/^HTTP\/1\.1 40[01]/);
      }
      expect(calls).toHaveLength(0);
    } finally {
      await live.close();
    }
  });
});

function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/** Every way of spelling a path the router reads as the same route: each letter of the prefix percent-encoded, in either case, alone or all together. */
function spellings(prefix: string, rest: string): string[] {
  const encode = (char: string, upper: boolean) => {
    const hex = char.charCodeAt(0).toString(16);
    return `%${upper ? hex.toUpperCase() : hex}`;
  };
  const chars = [...prefix];
  const variants = new Set<string>();
  chars.forEach((char, index) => {
    if (char === '/' && index === 0) return;
    for (const upper of [false, true]) variants.add(chars.map((c, i) => (i === index ? encode(c, upper) : c)).join('') + rest);
  });
  for (const upper of [false, true]) variants.add('/' + chars.slice(1).map((c) => encode(c, upper)).join('') + rest);
  variants.add(prefix.replace('/', '//') + rest);
  return [...variants];
}

describe('the token check, whatever the spelling of the path', () => {
  it('refuses every percent-encoding of /api/ without the token and calls nothing', async () => {
    const attempts = spellings('/api/', 'accounts.list');
    expect(attempts.length).toBeGreaterThanOrEqual(8);
    for (const url of attempts) {
      const response = await server.app.inject({ method: 'POST', url, headers: { host: HOST, 'content-type': 'application/json' }, payload: '{}' });
      expect(response.statusCode, url).not.toBe(200);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
    }
    expect(calls).toHaveLength(0);
  });

  it('refuses every percent-encoding of /files/ and /session-adjacent routes without the token', async () => {
    const files = createHttpServer({ call: fakeCall, rendererDir, port: PORT, token: TOKEN, exportsDir: rendererDir });
    try {
      for (const url of spellings('/files/', 'exports/index.html')) {
        const response = await files.app.inject({ method: 'GET', url, headers: { host: HOST } });
        expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(response.body, url).not.toContain('<title>Rounds</title>');
      }
      for (const url of spellings('/files/', 'tickets')) {
        const response = await files.app.inject({ method: 'POST', url, headers: { host: HOST, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'index.html' }) });
        expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      }
    } finally {
      await files.close();
    }
  });
});
