/** Sign-in throttling (issue 11): a username locked after failed attempts, a limit per address, and a cap on password hashing. */
import { afterEach, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../../core/sync/protocol.js';
import { buildSyncServer } from '../../server/http/app.js';
import type { ThrottleOptions } from '../../server/auth/throttle.js';
import { BACKENDS } from '../sync/server/backends.js';
import { accountFields, newId, PASSWORD, TEST_SECRET, useSyncServer } from '../sync/server/fixture.js';
import { spawnServe } from '../sync/server/serveProcess.js';
import { runRounds } from '../../cli/testing.js';

describe.each(BACKENDS)('sign-in throttling on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['bob', 'rep', 'north']]);
  const opened: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((app) => app.close()));
  });

  let clock = new Date('2026-12-01T09:00:00Z');
  const server = async (throttle: ThrottleOptions) => {
    const app = buildSyncServer({ store: testServer.db.store, tokenSecret: TEST_SECRET, throttle, now: () => clock });
    await app.ready();
    opened.push(app);
    return app;
  };
  type App = Awaited<ReturnType<typeof server>>;
  const login = async (app: App, username: string, password: string, remoteAddress = '127.0.0.1') => {
    const response = await app.inject({ method: 'POST', url: '/v1/auth/login', remoteAddress, payload: { username, password, deviceName: 'laptop', clientId: newId() } });
    return { status: response.statusCode, retryAfter: response.headers['retry-after'], body: response.json() as Record<string, unknown> };
  };

  it('after 5 wrong passwords a username is refused with 429, the right password too, until the window has passed', async () => {
    clock = new Date('2026-12-01T09:00:00Z');
    const app = await server({ maxFailures: 5, failureWindowMs: 15 * 60_000, maxPerAddress: 1000 });
    for (let i = 0; i < 5; i++) expect((await login(app, 'alice', `wrong password ${i}`)).status).toBe(401);
    const locked = await login(app, 'alice', 'wrong password 6');
    expect(locked).toMatchObject({ status: 429, retryAfter: '900', body: { error: 'too_many_attempts', message: 'sync.server.tooManyAttempts', retryAfter: 900 } });
    expect((await login(app, 'alice', PASSWORD)).status).toBe(429);
    // Another user is not affected.
    expect((await login(app, 'bob', PASSWORD)).status).toBe(200);
    clock = new Date(clock.getTime() + 10 * 60_000);
    expect(await login(app, 'alice', PASSWORD)).toMatchObject({ status: 429, retryAfter: '300' });
    clock = new Date(clock.getTime() + 5 * 60_000 + 1000);
    expect((await login(app, 'alice', PASSWORD)).status).toBe(200);
    // A success clears the count.
    for (let i = 0; i < 4; i++) expect((await login(app, 'alice', `wrong password ${i}`)).status).toBe(401);
    expect((await login(app, 'alice', PASSWORD)).status).toBe(200);
    expect((await login(app, 'alice', 'wrong again')).status).toBe(401);
  });

  it('limits sign-in and refresh attempts per address', async () => {
    const app = await server({ maxPerAddress: 3, addressWindowMs: 60_000, maxFailures: 1000 });
    for (let i = 0; i < 3; i++) expect((await login(app, `guess${i}`, 'wrong password', '10.0.0.7')).status).toBe(401);
    const refused = await login(app, 'bob', PASSWORD, '10.0.0.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body).toMatchObject({ error: 'too_many_attempts' });
    expect((await login(app, 'bob', PASSWORD, '10.0.0.8')).status).toBe(200);
    const refresh = () => app.inject({ method: 'POST', url: '/v1/auth/refresh', remoteAddress: '10.0.0.9', payload: { refreshToken: 'not-a-token' } });
    for (let i = 0; i < 3; i++) expect((await refresh()).statusCode).toBe(401);
    expect((await refresh()).statusCode).toBe(429);
  });

  it('the OpenAPI document lists 429 on sign-in and refresh', async () => {
    const doc = (await testServer.fixture.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: Record<string, { post: { responses: Record<string, unknown> } }> };
    expect(Object.keys(doc.paths['/v1/auth/login']!.post.responses)).toContain('429');
    expect(Object.keys(doc.paths['/v1/auth/refresh']!.post.responses)).toContain('429');
  });

  it('a pull answers promptly while 32 wrong sign-ins are in flight', async () => {
    const app = await server({ maxPerAddress: 1000, maxFailures: 1000 });
    const device = await testServer.fixture.signIn('alice', app);
    await device.push(Array.from({ length: 50 }, (_, i) => device.mutation('accounts', newId(), accountFields(`Account ${i} with a name long enough to compress`))));
    const guesses = Array.from({ length: 32 }, (_, i) => login(app, i % 2 ? 'alice' : `nobody${i}`, `wrong password ${i}`));
    await new Promise((resolve) => setTimeout(resolve, 30));
    const started = performance.now();
    const pulled = await app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      payload: { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: device.clientId, cursor: null, limit: 1000 },
      headers: { authorization: `Bearer ${device.accessToken}`, 'accept-encoding': 'gzip' },
    });
    const took = performance.now() - started;
    expect(pulled.statusCode).toBe(200);
    expect(pulled.headers['content-encoding']).toBe('gzip');
    // Here ~20–50 ms; without the cap ~0.6 s (PostgreSQL) to 1.5 s (PGlite): the answer's gzip waits for the threadpool behind scrypt.
    expect(took).toBeLessThan(400);
    const statuses = (await Promise.all(guesses)).map((answer) => answer.status);
    // Beyond the 2 hashing and 8 waiting, the rest are told to wait at once.
    expect(new Set(statuses)).toEqual(new Set([401, 429]));
  });
});

describe('rounds serve', () => {
  const testServer = useSyncServer(BACKENDS.find((b) => b.name === 'postgres')!, [['carol', 'rep', 'north']]);

  it('takes the per-address limit from ROUNDS_SIGNIN_PER_ADDRESS (a proxy in front, a benchmark)', async () => {
    const server = await spawnServe(testServer.db.databaseUrl!, { ROUNDS_SIGNIN_PER_ADDRESS: '2' });
    try {
      const login = () =>
        fetch(`${server.url}/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'carol', password: PASSWORD, deviceName: 'laptop', clientId: newId() }) });
      expect((await login()).status).toBe(200);
      expect((await login()).status).toBe(200);
      const refused = await login();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('refuses a ROUNDS_SIGNIN_PER_ADDRESS that is not a positive whole number, in both languages, before starting', async () => {
    const serve = (LANG: string) =>
      runRounds(['serve', '--port', '0', '--database-url', testServer.db.databaseUrl!], { env: { LANG, ROUNDS_SIGNIN_PER_ADDRESS: 'lots' }, now: new Date() });
    const english = await serve('en_US.UTF-8');
    expect(english.code).not.toBe(0);
    expect(english.stderr).toContain('ROUNDS_SIGNIN_PER_ADDRESS must be a positive whole number');
    expect((await serve('zh_CN.UTF-8')).stderr).toContain('ROUNDS_SIGNIN_PER_ADDRESS 必须是每分钟登录次数的正整数');
  });
});
