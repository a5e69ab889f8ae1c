/**
 * Sync server (issue 11): a 10,000-deep array in a request body is a 400, not a 500 — from a signed-in
 * device (push, pull) and from anyone at all (sign-in, refresh) — and the server goes on as usual.
 */
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../../core/sync/protocol.js';
import { BACKENDS } from '../sync/server/backends.js';
import { accountFields, newId, PASSWORD, useSyncServer } from '../sync/server/fixture.js';

const DEEP = '['.repeat(10_000) + ']'.repeat(10_000);

describe.each(BACKENDS)('absurdly deep JSON on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north']]);

  /** Posts `body` with every `"DEEP"` in its JSON replaced by a 10,000-deep array (no JSON serializer would write it). */
  async function postDeep(url: string, body: unknown, accessToken?: string): Promise<number> {
    const payload = JSON.stringify(body).replaceAll('"DEEP"', DEEP);
    const headers = { 'content-type': 'application/json', ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) };
    return (await testServer.fixture.app.inject({ method: 'POST', url, payload, headers })).statusCode;
  }

  it('in a push or a pull is a 400, not a 500, and the server answers the next push (with a NUL) as usual', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const push = { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: [alice.mutation('accounts', newId(), accountFields('Deep', { industry: 'DEEP' }))] };
    expect(await postDeep('/v1/sync/push', push, alice.accessToken)).toBe(400);
    expect(await postDeep('/v1/sync/push', 'DEEP', alice.accessToken)).toBe(400);
    expect(await postDeep('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: 'DEEP' }, alice.accessToken)).toBe(400);

    const { results } = await alice.push([alice.mutation('accounts', newId(), accountFields('After\u0000')), alice.mutation('accounts', newId(), accountFields('After'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'applied']);
  });

  it('in a sign-in or a refresh, with no token at all, is a 400, and signing in works after it', async () => {
    expect(await postDeep('/v1/auth/login', { username: 'alice', password: 'DEEP', deviceName: 'laptop', clientId: newId() })).toBe(400);
    expect(await postDeep('/v1/auth/login', 'DEEP')).toBe(400);
    expect(await postDeep('/v1/auth/refresh', { refreshToken: 'DEEP' })).toBe(400);
    const login = await testServer.fixture.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'alice', password: PASSWORD, deviceName: 'laptop', clientId: newId() } });
    expect(login.statusCode).toBe(200);
  });
});
