import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpServer, MAX_BODY_BYTES, TOKEN_HEADER, type RoundsHttpServer } from './http-server.js';

const TOKEN = 'files-token_123';
const PORT = 4322;
const HOST = `127.0.0.1:${PORT}`;

let root: string;
let server: RoundsHttpServer;
let calls: string[];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-files-'));
  fs.mkdirSync(path.join(root, 'exports'));
  fs.writeFileSync(path.join(root, 'exports', 'visits-2026-01-01_2026-01-31-abc123.csv'), '\uFEFF客户,城市\n');
  fs.writeFileSync(path.join(root, 'exports', '.visits.csv.123.tmp'), 'half-written');
  fs.writeFileSync(path.join(root, 'rounds.sqlite'), 'SECRET-DATABASE');
  calls = [];
  server = createHttpServer({
    call: async (method) => {
      calls.push(String(method));
      return { ok: true, value: null };
    },
    rendererDir: path.join(root, 'no-renderer'),
    port: PORT,
    token: TOKEN,
    exportsDir: path.join(root, 'exports'),
  });
});

afterEach(async () => {
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => server.app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });

describe('GET /files/exports/:name', () => {
  it('serves a finished export as an attachment with the token in a header', async () => {
    const byHeader = await get('/files/exports/visits-2026-01-01_2026-01-31-abc123.csv', { [TOKEN_HEADER]: TOKEN });
    expect(byHeader.statusCode).toBe(200);
    expect(byHeader.headers['content-disposition']).toBe('attachment; filename="visits-2026-01-01_2026-01-31-abc123.csv"');
    expect(byHeader.body).toBe('\uFEFF客户,城市\n');
  });

  it('requires the token, and never takes it from the query', async () => {
    expect((await get('/files/exports/visits-2026-01-01_2026-01-31-abc123.csv')).statusCode).toBe(401);
    expect((await get('/files/exports/visits-2026-01-01_2026-01-31-abc123.csv?token=wrong')).statusCode).toBe(401);
    expect((await get(`/files/exports/visits-2026-01-01_2026-01-31-abc123.csv?token=${TOKEN}`)).statusCode).toBe(401);
  });

  it('serves a download link through a one-time ticket for that one file, within a minute', async () => {
    const ticket = async (name: string, token = TOKEN) =>
      server.app.inject({ method: 'POST', url: '/files/tickets', headers: { host: HOST, 'content-type': 'application/json', [TOKEN_HEADER]: token }, payload: JSON.stringify({ name }) });
    expect((await ticket('visits-2026-01-01_2026-01-31-abc123.csv', 'wrong')).statusCode).toBe(401);
    expect((await ticket('nope.csv')).statusCode).toBe(404);
    expect((await ticket('../rounds.sqlite')).statusCode).toBe(404);

    const { url } = (await ticket('visits-2026-01-01_2026-01-31-abc123.csv')).json() as { url: string };
    // A download manager's HEAD first does not use it up.
    expect((await server.app.inject({ method: 'HEAD', url, headers: { host: HOST } })).statusCode).toBe(200);
    expect(url).toMatch(/^\/files\/exports\/visits-2026-01-01_2026-01-31-abc123\.csv\?ticket=[A-Za-z0-9_-]{40,}$/);
    expect(url).not.toContain(TOKEN);
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe('\uFEFF客户,城市\n');
    expect((await get(url)).statusCode).toBe(401);

    // A ticket is for its own file only.
    const other = (await ticket('visits-2026-01-01_2026-01-31-abc123.csv')).json() as { url: string };
    expect((await get(other.url.replace('visits-2026-01-01_2026-01-31-abc123.csv', '.visits.csv.123.tmp'))).statusCode).toBe(401);
  });

  it('lets a ticket expire after a minute', async () => {
    let now = 1_000_000;
    const timed = createHttpServer({ call: async () => ({ ok: true, value: null }), rendererDir: path.join(root, 'no-renderer'), port: PORT, token: TOKEN, exportsDir: path.join(root, 'exports'), now: () => now });
    try {
      const answer = await timed.app.inject({ method: 'POST', url: '/files/tickets', headers: { host: HOST, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, payload: JSON.stringify({ name: 'visits-2026-01-01_2026-01-31-abc123.csv' }) });
      const { url } = answer.json() as { url: string };
      now += 61_000;
      expect((await timed.app.inject({ method: 'GET', url, headers: { host: HOST } })).statusCode).toBe(401);
    } finally {
      await timed.close();
    }
  });

  it('refuses path traversal, hidden temp files and missing files', async () => {
    for (const name of ['..%2Frounds.sqlite', '%2E%2E%2Frounds.sqlite', '..%5Crounds.sqlite', '.visits.csv.123.tmp', 'nope.csv']) {
      const response = await get(`/files/exports/${name}`, { [TOKEN_HEADER]: TOKEN });
      expect(response.statusCode, name).toBe(404);
      expect(response.body).not.toContain('SECRET');
    }
    const dotted = await get('/files/exports/../rounds.sqlite', { [TOKEN_HEADER]: TOKEN });
    expect(dotted.body).not.toContain('SECRET');
  });
});

describe('upload body limit', () => {
  it('lets only the import methods carry more than 1 MB', async () => {
    const big = JSON.stringify({ fileName: 'a.csv', contentBase64: 'x'.repeat(MAX_BODY_BYTES + 10) });
    const post = (method: string) =>
      server.app.inject({ method: 'POST', url: `/api/${method}`, headers: { host: HOST, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN }, payload: big });
    expect((await post('imports.preview')).statusCode).toBe(200);
    expect((await post('notes.create')).statusCode).toBe(413);
    expect(calls).toEqual(['imports.preview']);
  });
});
