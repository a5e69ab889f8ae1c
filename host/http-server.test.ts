/** The browser-mode HTTP transport; its token, launch codes and tickets are attacked in test/security/localApi*.test.ts. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, TOKEN_HEADER } from './http-server.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';
import { HOST, PORT, SECRET, useHttpServer } from './testing/httpServer.js';

const bed = useHttpServer();
const post = bed.post;

describe('POST /api/:method', () => {
  it('passes the method and the JSON body to the API and returns its envelope', async () => {
    const response = await post('settings.get', { a: 1 });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, value: { echo: { a: 1 } } });
    expect(bed.calls).toEqual([{ method: 'settings.get', input: { a: 1 } }]);
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

  it('refuses bodies over 1 MB with 413', async () => {
    const response = await post('notes.create', { body: 'x'.repeat(MAX_BODY_BYTES) });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ ok: false });
    expect(bed.calls).toHaveLength(0);
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
    expect(bed.calls).toHaveLength(1);
  });

  it('lets only the import methods carry more than 1 MB', async () => {
    const big = JSON.stringify({ fileName: 'a.csv', contentBase64: 'x'.repeat(MAX_BODY_BYTES + 10) });
    expect((await post('imports.preview', big)).statusCode).toBe(200);
    expect((await post('notes.create', big)).statusCode).toBe(413);
    expect(bed.calls.map((call) => call.method)).toEqual(['imports.preview']);
  });
});

describe('the renderer', () => {
  it('is served with the CSP and nosniff headers', async () => {
    const response = await bed.server.app.inject({ method: 'GET', url: '/', headers: { host: HOST } });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<title>Rounds</title>');
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('does not serve files outside the renderer folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await bed.server.app.inject({ method: 'GET', url, headers: { host: HOST } });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(SECRET);
    }
  });

  it('says the renderer must be built when it is missing', async () => {
    const bare = bed.another({ rendererDir: path.join(bed.rendererDir, 'missing') });
    const response = await bare.app.inject({ method: 'GET', url: '/', headers: { host: HOST } });
    expect(response.statusCode).toBe(503);
    expect(response.body).toContain('npm run build');
  });
});

describe('GET /files/exports/:name', () => {
  const get = (url: string, headers: Record<string, string> = {}) => bed.server.app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });

  it('serves a finished export as an attachment with the token in a header', async () => {
    const byHeader = await get('/files/exports/visits-2026-01-01_2026-01-31-abc123.csv', { [TOKEN_HEADER]: bed.server.token });
    expect(byHeader.statusCode).toBe(200);
    expect(byHeader.headers['content-disposition']).toBe('attachment; filename="visits-2026-01-01_2026-01-31-abc123.csv"');
    expect(byHeader.body).toBe('\uFEFF客户,城市\n');
  });

  it('refuses path traversal, hidden temp files and missing files', async () => {
    for (const name of ['..%2Frounds.sqlite', '%2E%2E%2Frounds.sqlite', '..%5Crounds.sqlite', '.visits.csv.123.tmp', 'nope.csv']) {
      const response = await get(`/files/exports/${name}`, { [TOKEN_HEADER]: bed.server.token });
      expect(response.statusCode, name).toBe(404);
      expect(response.body).not.toContain('SECRET');
    }
    const dotted = await get('/files/exports/../rounds.sqlite', { [TOKEN_HEADER]: bed.server.token });
    expect(dotted.body).not.toContain('SECRET');
  });
});
