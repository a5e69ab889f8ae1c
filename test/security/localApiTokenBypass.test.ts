/**
 * Browser mode's local API (issue 11): the token check cannot be stepped around by spelling the path
 * differently — every percent-encoding of every route prefix, `//`, and an absolute-form request line.
 */
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../host/http-server.js';
import { EXPORT_CONTENT, EXPORT_NAME, HOST, rawRequest, useHttpServer } from '../../host/testing/httpServer.js';

const bed = useHttpServer();

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
  it('refuses a missing or wrong token before calling the API', async () => {
    expect((await bed.post('settings.get', {}, { [TOKEN_HEADER]: 'wrong' })).statusCode).toBe(401);
    const noToken = await bed.server.app.inject({ method: 'POST', url: '/api/settings.get', headers: { host: HOST }, payload: {} });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(bed.calls).toHaveLength(0);
  });

  it('refuses every percent-encoding of /api/ without the token and calls nothing', async () => {
    const attempts = spellings('/api/', 'accounts.list');
    expect(attempts.length).toBeGreaterThanOrEqual(8);
    for (const url of attempts) {
      const response = await bed.server.app.inject({ method: 'POST', url, headers: { host: HOST, 'content-type': 'application/json' }, payload: '{}' });
      expect(response.statusCode, url).not.toBe(200);
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
    }
    expect(bed.calls).toHaveLength(0);
  });

  it('refuses every percent-encoding of /files/ (downloads and tickets) without the token', async () => {
    for (const url of spellings('/files/', `exports/${EXPORT_NAME}`)) {
      const response = await bed.server.app.inject({ method: 'GET', url, headers: { host: HOST } });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.body, url).not.toContain(EXPORT_CONTENT);
    }
    for (const url of spellings('/files/', 'tickets')) {
      const response = await bed.server.app.inject({ method: 'POST', url, headers: { host: HOST, 'content-type': 'application/json' }, payload: JSON.stringify({ name: EXPORT_NAME }) });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
    }
  });

  it('refuses an absolute-form request line (what a proxy gets), even with the path of an API method', async () => {
    const live = bed.another({ port: undefined, token: undefined });
    const port = Number(new URL(await live.listen()).port);
    for (const target of [`http://127.0.0.1:${port}/api/settings.get`, `http://127.0.0.1:${port}/%61pi/settings.get`]) {
      const answer = await rawRequest(port, `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
      expect(answer, target).toMatch(/^HTTP\/1\.1 40[01]/);
    }
    expect(bed.calls).toHaveLength(0);
  });
});
