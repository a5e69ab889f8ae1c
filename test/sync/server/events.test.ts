/**
 * `GET /v1/sync/events`: a laptop hears that its team has new rows, from whichever server process the
 * push went to, through a proxy that buffers, and after the LISTEN connection or the server goes away.
 */
import http from 'node:http';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { runRounds } from '../../../cli/testing.js';
import { buildSyncServer, type SyncServerOptions } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { BACKENDS } from './backends.js';
import { openEventStream, versionOf, type EventStreamReader, type ServerEvent } from './eventStream.js';
import { accountFields, newId, TEST_SECRET, TEST_THROTTLE, useSyncServer } from './fixture.js';

const isChanged = (event: ServerEvent) => event.event === 'changed';
const changedTo = (version: number) => (event: ServerEvent) => event.event === 'changed' && versionOf(event) >= version;

const running: FastifyInstance[] = [];
const readers: EventStreamReader[] = [];
afterEach(async () => {
  readers.splice(0).forEach((r) => r.close());
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/** A server process's HTTP side on a real port (event streams need a socket, not `inject`). */
async function listeningServer(store: SqlClient, events: SyncServerOptions['events'] = {}): Promise<{ app: FastifyInstance; url: string }> {
  const app = buildSyncServer({ store, tokenSecret: TEST_SECRET, throttle: TEST_THROTTLE, events });
  running.push(app);
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url };
}

async function stream(url: string, token: string): Promise<EventStreamReader> {
  const reader = await openEventStream(url, token);
  readers.push(reader);
  return reader;
}

describe.each(BACKENDS)('team event streams on $name', (backend) => {
  const testServer = useSyncServer(backend, [
    ['alice', 'rep', 'north'],
    ['lena', 'lead', 'north'],
    ['sam', 'rep', 'south'],
  ]);

  it('start with retry and ready (the team version), then tell every laptop of the team — the pusher too — of each push, and nothing to another team', async () => {
    const { app, url } = await listeningServer(testServer.db.store);
    const alice = await testServer.fixture.signIn('alice', app);
    const lena = await testServer.fixture.signIn('lena', app);
    const sam = await testServer.fixture.signIn('sam', app);
    const [aliceEvents, lenaEvents, samEvents] = await Promise.all([stream(url, alice.accessToken), stream(url, lena.accessToken), stream(url, sam.accessToken)]);
    expect(lenaEvents.status).toBe(200);
    expect(lenaEvents.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(lenaEvents.headers['cache-control']).toBe('no-cache, no-transform');
    expect(lenaEvents.headers['x-accel-buffering']).toBe('no');
    const ready = await lenaEvents.next((e) => e.event === 'ready');
    const before = versionOf(ready);

    const pushed = await alice.push([alice.mutation('accounts', newId(), accountFields('华东精密')), alice.mutation('accounts', newId(), accountFields('North Mill'))]);
    const version = Math.max(...pushed.results.map((r) => r.version ?? 0));
    expect(version).toBeGreaterThan(before);
    expect(versionOf(await lenaEvents.next(isChanged))).toBe(version);
    expect(versionOf(await aliceEvents.next(isChanged))).toBe(version);

    // South's own push reaches south, and south heard nothing of north's before it.
    await samEvents.next((e) => e.event === 'ready');
    await sam.push([sam.mutation('accounts', newId(), accountFields('South Dock'))]);
    const southChanged = await samEvents.next(isChanged);
    expect(samEvents.events.filter(isChanged)).toEqual([southChanged]);
    expect(lenaEvents.events.filter(isChanged).map(versionOf)).toEqual([version]);
  });

  it('a push that changes nothing (a retried batch) sends no event', async () => {
    const { app, url } = await listeningServer(testServer.db.store);
    const alice = await testServer.fixture.signIn('alice', app);
    const batch = [alice.mutation('accounts', newId(), accountFields('Once'))];
    await alice.push(batch);
    const events = await stream(url, alice.accessToken);
    await events.next((e) => e.event === 'ready');
    expect((await alice.push(batch)).results[0]!.status).toBe('duplicate');
    await alice.push([alice.mutation('accounts', newId(), accountFields('Twice'))]);
    await events.next(isChanged);
    expect(events.events.filter(isChanged)).toHaveLength(1);
  });

  it('refuses a bad token and a revoked device with 401, and opens no stream', async () => {
    const { app, url } = await listeningServer(testServer.db.store);
    const alice = await testServer.fixture.signIn('alice', app);
    const bad = await stream(url, 'not-a-token');
    expect(bad.status).toBe(401);
    await testServer.db.store.query('UPDATE devices SET revoked_at = now() WHERE client_id = $1', [alice.clientId]);
    const revoked = await stream(url, alice.accessToken);
    expect(revoked.status).toBe(401);
    await revoked.ended;
  });

  it('sends a ping comment every heartbeat, holds at most 3 streams per device (the oldest ends) and ends every stream when the server closes', async () => {
    const { app, url } = await listeningServer(testServer.db.store, { heartbeatMs: 100 });
    const alice = await testServer.fixture.signIn('alice', app);
    const first = await stream(url, alice.accessToken);
    await first.next((e) => e.event === 'comment' && e.data === '');
    expect(first.events.filter((e) => e.event === 'comment').length).toBeGreaterThanOrEqual(1);
    const others = [await stream(url, alice.accessToken), await stream(url, alice.accessToken)];
    await Promise.all(others.map((o) => o.next((e) => e.event === 'ready')));
    expect(first.isEnded).toBe(false);
    const fourth = await stream(url, alice.accessToken);
    await fourth.next((e) => e.event === 'ready');
    await first.ended;
    expect(others.some((o) => o.isEnded)).toBe(false);
    await app.close();
    await Promise.all([...others, fourth].map((o) => o.ended));
  });

  it('reconnect storm: 300 streams dropped and reopened at once all get ready; the server still answers', async () => {
    const { app, url } = await listeningServer(testServer.db.store, { maxPerDevice: 30 });
    const devices = await Promise.all(Array.from({ length: 10 }, (_, i) => testServer.fixture.signIn(['alice', 'lena', 'sam'][i % 3]!, app)));
    const open = () => Promise.all(devices.flatMap((d) => Array.from({ length: 30 }, () => stream(url, d.accessToken))));
    const firstRound = await open();
    await Promise.all(firstRound.map((s) => s.next((e) => e.event === 'ready')));
    firstRound.forEach((s) => s.close());
    const secondRound = await open();
    expect(secondRound.map((s) => s.status)).toEqual(secondRound.map(() => 200));
    await Promise.all(secondRound.map((s) => s.next((e) => e.event === 'ready')));
    expect((await fetch(`${url}/health`)).status).toBe(200);
    // Every stream of the first round has gone from the server: only the second round's hear a push.
    const alice = devices[0]!;
    await alice.push([alice.mutation('accounts', newId(), accountFields('After the storm'))]);
    await Promise.all(secondRound.filter((_, i) => i < 30).map((s) => s.next(isChanged)));
    expect(firstRound.every((s) => !s.events.some(isChanged))).toBe(true);
  }, 60_000);

  it('gets events through a proxy that buffers (until 200 bytes) and closes connections idle for 300 ms: the pings keep both moving', async () => {
    const { app, url } = await listeningServer(testServer.db.store, { heartbeatMs: 50 });
    const proxy = await bufferingProxy(new URL(url), { flushBytes: 200, idleMs: 300 });
    try {
      const alice = await testServer.fixture.signIn('alice', app);
      const lena = await testServer.fixture.signIn('lena', app);
      const events = await stream(proxy.url, lena.accessToken);
      const ready = await events.next((e) => e.event === 'ready');
      // Longer than the proxy's idle timeout, then a change: it still comes through.
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(events.isEnded).toBe(false);
      const pushed = await alice.push([alice.mutation('accounts', newId(), accountFields('Through the proxy'))]);
      const changed = await events.next(isChanged);
      expect(versionOf(changed)).toBe(pushed.results[0]!.version);
      expect(versionOf(changed)).toBeGreaterThan(versionOf(ready));
      expect(events.isEnded).toBe(false);
    } finally {
      await proxy.close();
    }
  });
});

describe('team event streams across server processes on one PostgreSQL', () => {
  const postgres = BACKENDS.find((b) => b.name === 'postgres')!;
  const testServer = useSyncServer(postgres, [['alice', 'rep', 'north'], ['lena', 'lead', 'north'], ['sam', 'rep', 'south']]);

  async function listenConnections(): Promise<number> {
    const [row] = await testServer.db.store.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'`);
    return row!.n;
  }

  it('a push on one server reaches the team streams on the other (NOTIFY), over one LISTEN connection per server however many streams', async () => {
    const before = await listenConnections();
    const one = await listeningServer(await testServer.db.openAnother());
    const two = await listeningServer(await testServer.db.openAnother());
    const alice = await testServer.fixture.signIn('alice', one.app);
    const lena = await testServer.fixture.signIn('lena', two.app);
    const sam = await testServer.fixture.signIn('sam', two.app);
    const lenaStreams = await Promise.all(Array.from({ length: 3 }, () => stream(two.url, lena.accessToken)));
    const samStream = await stream(two.url, sam.accessToken);
    await Promise.all([...lenaStreams, samStream].map((s) => s.next((e) => e.event === 'ready')));
    expect(await listenConnections()).toBe(before + 2);

    const pushed = await alice.push([alice.mutation('accounts', newId(), accountFields('Across'))]);
    for (const s of lenaStreams) expect(versionOf(await s.next(isChanged))).toBe(pushed.results[0]!.version);
    await sam.push([sam.mutation('accounts', newId(), accountFields('South only'))]);
    await samStream.next(isChanged);
    expect(samStream.events.filter(isChanged)).toHaveLength(1);
  });

  it('when the LISTEN connection drops, it listens again and tells every stream the current version (a push made meanwhile is not missed)', async () => {
    const one = await listeningServer(await testServer.db.openAnother());
    const two = await listeningServer(await testServer.db.openAnother());
    const alice = await testServer.fixture.signIn('alice', one.app);
    const lena = await testServer.fixture.signIn('lena', two.app);
    const events = await stream(two.url, lena.accessToken);
    await events.next((e) => e.event === 'ready');
    const listeners = await listenConnections();
    // Every LISTEN connection of the database is cut (every server's); a push goes to server one meanwhile.
    await testServer.db.store.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'`);
    const pushed = await alice.push([alice.mutation('accounts', newId(), accountFields('While deaf'))]);
    expect(versionOf(await events.next(changedTo(pushed.results[0]!.version!)))).toBe(pushed.results[0]!.version);
    // And it goes on hearing later pushes.
    let listening = 0;
    for (let i = 0; i < 100 && listening < listeners; i += 1) {
      listening = await listenConnections();
      if (listening < listeners) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(listening).toBe(listeners);
    const later = await alice.push([alice.mutation('accounts', newId(), accountFields('Heard again'))]);
    await events.next(changedTo(later.results[0]!.version!));
  });

  it('the LISTEN connection goes to listenDatabaseUrl when given (PostgreSQL itself, behind a transaction-mode pool), the queries to databaseUrl', async () => {
    const listenUrl = new URL(testServer.db.databaseUrl!);
    listenUrl.searchParams.set('application_name', 'rounds_listen_direct');
    const store = await openStore({ databaseUrl: testServer.db.databaseUrl!, listenDatabaseUrl: listenUrl.toString() });
    try {
      const server = await listeningServer(store);
      const alice = await testServer.fixture.signIn('alice', server.app);
      const events = await stream(server.url, alice.accessToken);
      await events.next((e) => e.event === 'ready');
      const sessions = await testServer.db.store.query<{ application_name: string; query: string }>(
        `SELECT application_name, query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'rounds_listen_direct'`,
      );
      expect(sessions.map((s) => s.query)).toEqual(['LISTEN "rounds_team_changes"']);
      await server.app.close();
    } finally {
      await store.close();
    }
  });

  it('two rounds serve processes: a push on one reaches a stream on the other; SIGTERM ends the stream cleanly', async () => {
    const { spawnServe } = await import('./serveProcess.js');
    const databaseUrl = testServer.db.databaseUrl!;
    const env = { ROUNDS_SIGNIN_PER_ADDRESS: '1000', ROUNDS_EVENTS_HEARTBEAT_MS: '200' };
    const [a, b] = await Promise.all([spawnServe(databaseUrl, env), spawnServe(databaseUrl, env)]);
    try {
      const login = async (base: string, username: string) => {
        const response = await fetch(`${base}/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: 'correct horse battery', deviceName: 'laptop', clientId: newId() }),
        });
        expect(response.status).toBe(200);
        return (await response.json()) as { accessToken: string; user: { id: string } };
      };
      const alice = await login(a.url, 'alice');
      const lena = await login(b.url, 'lena');
      const events = await openEventStream(b.url, lena.accessToken);
      readers.push(events);
      await events.next((e) => e.event === 'ready');
      const clientId = JSON.parse(Buffer.from(alice.accessToken.split('.')[0]!, 'base64url').toString()).clientId as string;
      const push = await fetch(`${a.url}/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.accessToken}` },
        body: JSON.stringify({ protocolVersion: 1, clientId, mutations: [{ mutationId: 1, table: 'accounts', rowId: newId(), op: 'upsert', fields: accountFields('Process to process'), baseVersion: null, clientTime: new Date().toISOString() }] }),
      });
      expect(push.status).toBe(200);
      expect(push.headers.get('server-timing')).toMatch(/^version-lock;dur=\d+(\.\d+)?$/);
      const version = ((await push.json()) as { results: Array<{ version: number }> }).results[0]!.version;
      expect(versionOf(await events.next(isChanged))).toBe(version);
      // ROUNDS_EVENTS_HEARTBEAT_MS: 200 ms instead of 15 s.
      await events.next((e) => e.event === 'comment');
      await b.stop();
      await events.ended;
      expect(b.child.exitCode).toBe(0);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }, 120_000);

  it('rounds serve refuses a ROUNDS_EVENTS_HEARTBEAT_MS that is not a whole number of milliseconds from 100 to 300000, in both languages, before starting', async () => {
    const serve = (LANG: string, value: string) =>
      runRounds(['serve', '--port', '0', '--database-url', testServer.db.databaseUrl!], { env: { LANG, ROUNDS_EVENTS_HEARTBEAT_MS: value }, now: new Date() });
    const english = await serve('en_US.UTF-8', 'often');
    expect(english.code).not.toBe(0);
    expect(english.stderr).toContain('ROUNDS_EVENTS_HEARTBEAT_MS must be a whole number of milliseconds');
    expect((await serve('zh_CN.UTF-8', '5')).stderr).toContain('ROUNDS_EVENTS_HEARTBEAT_MS 是团队事件流两次心跳之间的毫秒数');
  });
});

/**
 * A reverse proxy as some are set up: it holds the answer's bytes back until it has `flushBytes` of
 * them (ignoring X-Accel-Buffering), and closes a connection on which nothing came for `idleMs`.
 */
async function bufferingProxy(target: URL, options: { flushBytes: number; idleMs: number }): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const upstream = http.request({ host: target.hostname, port: target.port, path: request.url, method: request.method, headers: request.headers, agent: false }, (answer) => {
      const headers = { ...answer.headers };
      delete headers['content-length'];
      response.writeHead(answer.statusCode ?? 502, headers);
      let held: Buffer[] = [];
      let heldBytes = 0;
      const closeIdle = () => {
        upstream.destroy();
        response.destroy();
      };
      let idle = setTimeout(closeIdle, options.idleMs);
      answer.on('data', (chunk: Buffer) => {
        clearTimeout(idle);
        idle = setTimeout(closeIdle, options.idleMs);
        held.push(chunk);
        heldBytes += chunk.length;
        if (heldBytes >= options.flushBytes) {
          response.write(Buffer.concat(held));
          held = [];
          heldBytes = 0;
        }
      });
      answer.on('end', () => {
        clearTimeout(idle);
        response.end(Buffer.concat(held));
      });
      answer.on('error', () => response.destroy());
    });
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
    response.on('close', () => upstream.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}
