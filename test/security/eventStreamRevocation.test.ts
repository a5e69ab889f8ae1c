/**
 * Sync server: an event stream (`GET /v1/sync/events`) opened before its device was revoked, its user
 * disabled or their password reset ends within a heartbeat or two and hears no more of the team's
 * pushes, rather than until its access token expires (15 minutes); and streams are capped per user
 * (signing in as ever new devices) and per server process, a place freed when a stream closes.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSyncServer, type SyncServerOptions } from '../../server/http/app.js';
import type { SqlClient } from '../../server/store/sqlClient.js';
import { BACKENDS } from '../sync/server/backends.js';
import { openEventStream, type EventStreamReader } from '../sync/server/eventStream.js';
import { accountFields, newId, TEST_SECRET, TEST_THROTTLE, useSyncServer } from '../sync/server/fixture.js';

const running: FastifyInstance[] = [];
const readers: EventStreamReader[] = [];
afterEach(async () => {
  readers.splice(0).forEach((r) => r.close());
  await Promise.all(running.splice(0).map((app) => app.close()));
});

async function listeningServer(store: SqlClient, events: SyncServerOptions['events']): Promise<{ app: FastifyInstance; url: string }> {
  const app = buildSyncServer({ store, tokenSecret: TEST_SECRET, throttle: TEST_THROTTLE, events });
  running.push(app);
  return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
}

async function stream(url: string, token: string): Promise<EventStreamReader> {
  const reader = await openEventStream(url, token);
  readers.push(reader);
  return reader;
}

describe.each(BACKENDS)('event streams after revocation on $name', (backend) => {
  const testServer = useSyncServer(backend, [
    ['alice', 'rep', 'north'],
    ['bob', 'rep', 'north'],
    ['carol', 'rep', 'north'],
    ['dave', 'rep', 'north'],
    ['lena', 'lead', 'north'],
    ['erin', 'rep', 'north'],
  ]);

  const revocations: Array<[string, string, (store: SqlClient, clientId: string, userId: string) => Promise<unknown>]> = [
    ['its device is revoked', 'alice', (store, clientId) => store.query('UPDATE devices SET revoked_at = now() WHERE client_id = $1', [clientId])],
    ['its user is disabled', 'bob', (store, _clientId, userId) => store.query('UPDATE users SET disabled_at = now() WHERE id = $1', [userId])],
    ['its user’s password is reset (sessions of the old generation)', 'carol', (store, _clientId, userId) => store.query('UPDATE users SET session_generation = session_generation + 1 WHERE id = $1', [userId])],
  ];

  it.each(revocations)('a stream ends soon after %s and hears no later push of the team', async (_what, username, revoke) => {
    const { app, url } = await listeningServer(testServer.db.store, { heartbeatMs: 100 });
    const target = await testServer.fixture.signIn(username, app);
    const lena = await testServer.fixture.signIn('lena', app);
    const events = await stream(url, target.accessToken);
    const lenaEvents = await stream(url, lena.accessToken);
    await events.next((e) => e.event === 'ready');
    await lenaEvents.next((e) => e.event === 'ready');

    await revoke(testServer.db.store, target.clientId, target.userId);
    // A few heartbeats: the stream is ended, and the teammate's stream is not.
    await Promise.race([events.ended, new Promise((resolve) => setTimeout(resolve, 3000))]);
    expect(events.isEnded).toBe(true);
    const seen = events.events.length;
    await lena.push([lena.mutation('accounts', newId(), accountFields(`After ${username}`))]);
    await lenaEvents.next((e) => e.event === 'changed');
    expect(lenaEvents.isEnded).toBe(false);
    expect(events.events.slice(seen).filter((e) => e.event === 'changed')).toEqual([]);
  });

  it('caps the streams of one user’s devices together: a user signing in as one more device is refused with 429; a closed stream frees its place', async () => {
    const { app, url } = await listeningServer(testServer.db.store, { maxPerUser: 2 });
    const devices = [await testServer.fixture.signIn('erin', app), await testServer.fixture.signIn('erin', app), await testServer.fixture.signIn('erin', app)];
    const lena = await testServer.fixture.signIn('lena', app);
    const [first, second] = [await stream(url, devices[0]!.accessToken), await stream(url, devices[1]!.accessToken)];
    await Promise.all([first, second].map((s) => s.next((e) => e.event === 'ready')));
    const refused = await stream(url, devices[2]!.accessToken);
    expect(refused.status).toBe(429);
    // another user still gets a stream
    expect((await stream(url, lena.accessToken)).status).toBe(200);
    first.close();
    await first.ended;
    let again: EventStreamReader | undefined;
    for (let attempt = 0; attempt < 50 && again?.status !== 200; attempt++) {
      again?.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await stream(url, devices[2]!.accessToken);
    }
    expect(again!.status).toBe(200);
  });

  it('caps the streams a server process holds: one more is refused with 429 and Retry-After, and a closed stream frees its place', async () => {
    const { app, url } = await listeningServer(testServer.db.store, { maxStreams: 2 });
    const dave = await testServer.fixture.signIn('dave', app);
    const lena = await testServer.fixture.signIn('lena', app);
    const first = await stream(url, dave.accessToken);
    const second = await stream(url, lena.accessToken);
    await Promise.all([first, second].map((s) => s.next((e) => e.event === 'ready')));
    const refused = await stream(url, lena.accessToken);
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    await refused.ended;

    first.close();
    await first.ended;
    // The server sees the close on its next turn; the place is free then.
    let again: EventStreamReader | undefined;
    for (let attempt = 0; attempt < 50 && again?.status !== 200; attempt++) {
      again?.close();
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await stream(url, dave.accessToken);
    }
    expect(again!.status).toBe(200);
    await again!.next((e) => e.event === 'ready');
    expect(second.isEnded).toBe(false);
  });
});
