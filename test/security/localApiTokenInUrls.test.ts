/**
 * Browser mode's local API (issue 11): the token never travels in a URL or on a command line. The
 * browser is opened (and the URL printed) with a one-time launch code; a download link carries a
 * one-time ticket for that one file, good for a minute; `?token=` is never read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../host/http-server.js';
import { exchangeLaunchCode, useBrowserProcesses } from '../../host/testing/browserProcess.js';
import { EXPORT_CONTENT, EXPORT_NAME, HOST, TEMP_EXPORT_NAME, TOKEN, useHttpServer } from '../../host/testing/httpServer.js';
import { CONTENT_SECURITY_POLICY } from '../../host/security-headers.js';

const bed = useHttpServer();
const launch = useBrowserProcesses();

const get = (url: string, headers: Record<string, string> = {}) => bed.server.app.inject({ method: 'GET', url, headers: { host: HOST, ...headers } });
const ticket = (name: string, token = TOKEN, server = bed.server) =>
  server.app.inject({ method: 'POST', url: '/files/tickets', headers: { host: HOST, 'content-type': 'application/json', [TOKEN_HEADER]: token }, payload: JSON.stringify({ name }) });

describe('launch codes', () => {
  it('binds 127.0.0.1 on a random port and gives URLs with one-time launch codes, never the token', async () => {
    const live = bed.another({ port: undefined, token: undefined });
    const url = await live.listen();
    const match = /^http:\/\/127\.0\.0\.1:(\d+)\/#launch=([A-Za-z0-9_-]{40,})$/.exec(url);
    expect(match).not.toBeNull();
    expect(url).not.toContain(live.token);
    const origin = `http://127.0.0.1:${match?.[1]}`;
    const first = await exchangeLaunchCode(origin, match![2]!);
    expect(await first.json()).toEqual({ token: live.token });
    // Spent: a second use, or a guess, gets nothing.
    expect((await exchangeLaunchCode(origin, match![2]!)).status).toBe(401);
    expect((await exchangeLaunchCode(origin, 'guess')).status).toBe(401);
    const another = new URL(live.launchUrl()).hash.replace('#launch=', '');
    expect(another).not.toBe(match?.[2]);
    expect((await exchangeLaunchCode(origin, another)).status).toBe(200);
    expect(live.token).not.toBe(bed.another({ port: undefined, token: undefined }).token);
    const response = await fetch(`${origin}/api/app.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: live.token },
      body: '{}',
    });
    expect(await response.json()).toEqual({ ok: true, value: { echo: {} } });
    const page = await fetch(`http://localhost:${match?.[1]}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the browser is opened with a launch code of its own on its command line, never the token', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-opener-'));
    try {
      // The opener browser mode runs (xdg-open on Linux, open on macOS) records its command line.
      const argvFile = path.join(dir, 'argv');
      const opener = path.join(dir, process.platform === 'darwin' ? 'open' : 'xdg-open');
      fs.writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$@" > '${argvFile}.part' && mv '${argvFile}.part' '${argvFile}'\n`, { mode: 0o755 });
      const { url } = await launch(['--data-dir', path.join(dir, 'data')], { ...process.env, ROUNDS_KEY_STORE: 'file', PATH: `${dir}${path.delimiter}${process.env.PATH}` });
      for (let waited = 0; !fs.existsSync(argvFile) && waited < 10_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      const argv = fs.readFileSync(argvFile, 'utf8').trimEnd().split('\n');

      const { origin, hash } = new URL(url);
      expect(argv).toHaveLength(1);
      const opened = new URL(argv[0]!);
      expect(opened.origin).toBe(origin);
      expect(opened.hash).toMatch(/^#launch=[A-Za-z0-9_-]{40,}$/);
      expect(opened.hash).not.toBe(hash);
      const { token } = (await (await exchangeLaunchCode(origin, opened.hash.replace('#launch=', ''))).json()) as { token: string };
      expect(token.length).toBeGreaterThanOrEqual(40);
      expect(argv[0]).not.toContain(token);
      expect(url).not.toContain(token);
      // Spent by the browser: whoever reads it in `ps` later gets nothing; the printed one still works.
      expect((await exchangeLaunchCode(origin, opened.hash.replace('#launch=', ''))).status).toBe(401);
      expect(await (await exchangeLaunchCode(origin, hash.replace('#launch=', ''))).json()).toEqual({ token });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('download tickets', () => {
  it('a download requires the token, and never takes it from the query', async () => {
    expect((await get(`/files/exports/${EXPORT_NAME}`)).statusCode).toBe(401);
    expect((await get(`/files/exports/${EXPORT_NAME}?token=wrong`)).statusCode).toBe(401);
    expect((await get(`/files/exports/${EXPORT_NAME}?token=${TOKEN}`)).statusCode).toBe(401);
  });

  it('serves a download link through a one-time ticket for that one file, within a minute', async () => {
    expect((await ticket(EXPORT_NAME, 'wrong')).statusCode).toBe(401);
    expect((await ticket('nope.csv')).statusCode).toBe(404);
    expect((await ticket('../rounds.sqlite')).statusCode).toBe(404);

    const { url } = (await ticket(EXPORT_NAME)).json() as { url: string };
    // A download manager's HEAD first does not use it up.
    expect((await bed.server.app.inject({ method: 'HEAD', url, headers: { host: HOST } })).statusCode).toBe(200);
    expect(url).toMatch(/^\/files\/exports\/visits-2026-01-01_2026-01-31-abc123\.csv\?ticket=[A-Za-z0-9_-]{40,}$/);
    expect(url).not.toContain(TOKEN);
    const first = await get(url);
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe(EXPORT_CONTENT);
    expect((await get(url)).statusCode).toBe(401);

    // A ticket is for its own file only.
    const other = (await ticket(EXPORT_NAME)).json() as { url: string };
    expect((await get(other.url.replace(EXPORT_NAME, TEMP_EXPORT_NAME))).statusCode).toBe(401);
  });

  it('lets a ticket expire after a minute', async () => {
    let now = 1_000_000;
    const timed = bed.another({ now: () => now });
    const { url } = (await ticket(EXPORT_NAME, TOKEN, timed)).json() as { url: string };
    now += 61_000;
    expect((await timed.app.inject({ method: 'GET', url, headers: { host: HOST } })).statusCode).toBe(401);
  });
});
