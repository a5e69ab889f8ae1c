/**
 * Sign-in, refresh, sign-out, device revocation, disabled users; health and the OpenAPI document.
 * What an attacker tries (a revoked device, a revoked admin, a leaked token after a reset) is in test/security.
 */
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type LoginResponse } from '../../../core/sync/protocol.js';
import { disableUser, listUsers, resetPassword } from '../../../server/users.js';
import { BACKENDS } from './backends.js';
import { newId, PASSWORD, useSyncServer } from './fixture.js';
import { sessionRequests } from './sessionRequests.js';

describe.each(BACKENDS)('auth on $name', (backend) => {

  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['root', 'admin', 'north'], ['sam', 'rep', 'north'], ['southern', 'admin', 'south']]);

  const { post, login, pull } = sessionRequests(testServer);

  it('signs in with the right password only; the same answer for an unknown user', async () => {
    const ok = await login('alice');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ accessExpiresIn: 900, user: { username: 'alice', role: 'rep', teamName: 'north' } });
    expect(await login('alice', 'wrong password')).toEqual({ status: 401, body: { error: 'unauthorized', message: 'sync.server.badCredentials' } });
    expect(await login('nobody')).toEqual({ status: 401, body: { error: 'unauthorized', message: 'sync.server.badCredentials' } });
  });

  it('refresh rotates the token: the old one stops working; logout ends the device’s session', async () => {
    const signedIn = (await login('alice')).body as LoginResponse;
    const refreshed = await post('/v1/auth/refresh', { refreshToken: signedIn.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await post('/v1/auth/refresh', { refreshToken: signedIn.refreshToken })).status).toBe(401);
    const next = refreshed.body as LoginResponse;
    expect((await post('/v1/auth/logout', { refreshToken: next.refreshToken })).status).toBe(204);
    expect((await post('/v1/auth/refresh', { refreshToken: next.refreshToken })).status).toBe(401);
  });

  it('a client id belongs to one user', async () => {
    const clientId = newId();
    expect((await login('alice', PASSWORD, clientId)).status).toBe(200);
    expect(await login('sam', PASSWORD, clientId)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  });

  it('an admin lists and revokes devices of their own team; the device’s tokens stop working at once', async () => {
    const clientId = newId();
    const device = (await login('alice', PASSWORD, clientId)).body as LoginResponse;
    const admin = (await login('root')).body as LoginResponse;
    const listed = await testServer.fixture.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${admin.accessToken}` } });
    const devices = (listed.json() as { devices: Array<{ id: string; clientId: string }> }).devices;
    const target = devices.find((d) => d.clientId === clientId)!;
    expect(target).toBeDefined();

    const foreignAdmin = (await login('southern')).body as LoginResponse;
    expect((await post(`/v1/admin/devices/${target.id}/revoke`, {}, foreignAdmin.accessToken)).status).toBe(404);
    expect((await post(`/v1/admin/devices/${target.id}/revoke`, {}, device.accessToken)).status).toBe(403);
    expect((await pull(device, clientId)).status).toBe(200);

    expect((await post(`/v1/admin/devices/${target.id}/revoke`, {}, admin.accessToken)).status).toBe(204);
    expect((await pull(device, clientId)).status).toBe(401);
    expect((await post('/v1/auth/refresh', { refreshToken: device.refreshToken })).status).toBe(401);
  });

  it('a disabled user cannot sign in, and their live access token stops working', async () => {
    await testServer.fixture.addUser('temp', 'rep', 'north');
    const clientId = newId();
    const session = (await login('temp', PASSWORD, clientId)).body as LoginResponse;
    await disableUser(testServer.db.store, 'temp');
    expect((await pull(session, clientId)).status).toBe(401);
    expect((await login('temp')).status).toBe(401);
    expect((await listUsers(testServer.db.store)).find((u) => u.username === 'temp')).toMatchObject({ disabled: true });
  });

  it('a password reset takes the new password and ends old refresh tokens', async () => {
    await testServer.fixture.addUser('forgetful', 'rep', 'north');
    const session = (await login('forgetful')).body as LoginResponse;
    await resetPassword(testServer.db.store, 'forgetful', 'a brand new secret');
    expect((await login('forgetful')).status).toBe(401);
    expect((await login('forgetful', 'a brand new secret')).status).toBe(200);
    expect((await post('/v1/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
  });

  it('serves /health and an OpenAPI 3.1 document naming every route', async () => {
    expect((await testServer.fixture.app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok', protocolVersion: SYNC_PROTOCOL_VERSION });
    const doc = (await testServer.fixture.app.inject({ method: 'GET', url: '/openapi.json' })).json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/health',
        '/openapi.json',
        '/v1/admin/devices',
        '/v1/admin/devices/{id}/revoke',
        '/v1/admin/devices/{id}/restore',
        '/v1/admin/shares',
        '/v1/admin/shares/remove',
        '/v1/admin/users',
        '/v1/admin/users/{username}/devices',
        '/v1/admin/users/{username}/disable',
        '/v1/admin/users/{username}/password',
        '/v1/auth/login',
        '/v1/auth/logout',
        '/v1/auth/refresh',
        '/v1/sync/events',
        '/v1/sync/pull',
        '/v1/sync/push',
      ].sort(),
    );
    const routes = testServer.fixture.app.printRoutes({ commonPrefix: false });
    for (const path of Object.keys(doc.paths)) expect(routes).toContain(path.replace('{id}', ':id').split('/').pop());
  });
});
