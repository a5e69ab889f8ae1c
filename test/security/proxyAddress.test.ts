/**
 * Sign-in throttling counts the address a request came from. A made-up `X-Forwarded-For` must not
 * give a guesser a fresh allowance per request; behind a named reverse proxy, the address the proxy
 * saw is counted instead of the proxy's own (otherwise every rep behind it shares one allowance).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runRounds } from '../../cli/testing.js';
import { buildSyncServer } from '../../server/http/app.js';
import { parseTrustedProxies } from '../../server/http/trustedProxies.js';
import { BACKENDS } from '../sync/server/backends.js';
import { newId, PASSWORD, TEST_SECRET, useSyncServer } from '../sync/server/fixture.js';
import { spawnServe } from '../sync/server/serveProcess.js';

const postgres = BACKENDS.find((backend) => backend.name === 'postgres')!;

describe('the address sign-in throttling counts', () => {
  const testServer = useSyncServer(postgres, [['carol', 'rep', 'north']]);
  const opened: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });

  const server = async (trustedProxies?: string[]) => {
    const app = buildSyncServer({ store: testServer.db.store, tokenSecret: TEST_SECRET, throttle: { maxPerAddress: 2, maxFailures: 1000 }, trustedProxies });
    await app.ready();
    opened.push(app);
    return app;
  };
  const guess = (app: Awaited<ReturnType<typeof server>>, remoteAddress: string, forwardedFor?: string) =>
    app
      .inject({
        method: 'POST',
        url: '/v1/auth/login',
        remoteAddress,
        headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
        payload: { username: 'carol', password: 'a wrong guess!', deviceName: 'laptop', clientId: newId() },
      })
      .then((response) => response.statusCode);

  it('ignores X-Forwarded-For by default: a new made-up address per request gets no new allowance', async () => {
    const app = await server();
    expect(await guess(app, '203.0.113.9', '198.51.100.1')).toBe(401);
    expect(await guess(app, '203.0.113.9', '198.51.100.2')).toBe(401);
    expect(await guess(app, '203.0.113.9', '198.51.100.3')).toBe(429);
    expect(await guess(app, '203.0.113.9', '198.51.100.4, 198.51.100.5')).toBe(429);
  });

  it('behind a named proxy counts each client the proxy names, and only the proxy may name one', async () => {
    const app = await server(['10.0.0.5']);
    expect(await guess(app, '10.0.0.5', '198.51.100.1')).toBe(401);
    expect(await guess(app, '10.0.0.5', '198.51.100.1')).toBe(401);
    expect(await guess(app, '10.0.0.5', '198.51.100.1')).toBe(429);
    // Another rep behind the same proxy still has an allowance.
    expect(await guess(app, '10.0.0.5', '198.51.100.2')).toBe(401);
    // A peer that is not the proxy cannot pose as one.
    expect(await guess(app, '203.0.113.9', '198.51.100.7')).toBe(401);
    expect(await guess(app, '203.0.113.9', '198.51.100.8')).toBe(401);
    expect(await guess(app, '203.0.113.9', '198.51.100.9')).toBe(429);
  });

  it('rounds serve --trust-proxy loopback counts the forwarded client', async () => {
    const serve = await spawnServe(testServer.db.databaseUrl!, { ROUNDS_SIGNIN_PER_ADDRESS: '1' }, ['--trust-proxy', 'loopback']);
    try {
      const login = (client: string) =>
        fetch(`${serve.url}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
          body: JSON.stringify({ username: 'carol', password: PASSWORD, deviceName: 'laptop', clientId: newId() }),
        }).then((response) => response.status);
      expect(await login('198.51.100.1')).toBe(200);
      expect(await login('198.51.100.1')).toBe(429);
      expect(await login('198.51.100.2')).toBe(200);
    } finally {
      await serve.stop();
    }
  }, 60_000);

  it('rounds serve refuses a --trust-proxy that names no address, in both languages, before starting', async () => {
    const serve = (LANG: string) =>
      runRounds(['serve', '--port', '0', '--database-url', testServer.db.databaseUrl!, '--trust-proxy', 'everyone'], { env: { LANG }, now: new Date() });
    const english = await serve('en_US.UTF-8');
    expect(english.code).not.toBe(0);
    expect(english.stderr).toContain('--trust-proxy must list the reverse proxies');
    expect(english.stderr).toContain('"everyone"');
    expect((await serve('zh_CN.UTF-8')).stderr).toContain('--trust-proxy 须列出反向代理');
  });
});

describe('parseTrustedProxies', () => {
  it('takes addresses, CIDR ranges and the named ranges, and nothing else', () => {
    expect(parseTrustedProxies('10.0.0.5, 10.0.0.0/8,::1,fd00::/8,loopback')).toEqual(['10.0.0.5', '10.0.0.0/8', '::1', 'fd00::/8', 'loopback']);
    for (const bad of ['', ' , ', 'true', '*', '10.0.0.0/33', '::/129', 'proxy.example', '10.0.0.5,everyone', '10.0.0.0/']) {
      expect(parseTrustedProxies(bad), bad).toBeNull();
    }
  });
});
