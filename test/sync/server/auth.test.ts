/** Sign-in, refresh, sign-out, device revocation, disabled users; health and the OpenAPI document. */
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type LoginResponse } from '../../../core/sync/protocol.js';
import { revokeDevice } from '../../../server/auth/sessions.js';
import { disableUser, listUsers, resetPassword } from '../../../server/users.js';
import { BACKENDS } from './backends.js';
import { newId, PASSWORD, useSyncServer } from './fixture.js';

describe.each(BACKENDS)('auth on $name', (backend) => {

  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['root', 'admin', 'north'], ['sam', 'rep', 'north'], ['southern', 'admin', 'south']]);

  const post = async (url: string, payload: object, token?: string) => {
    const response = await testServer.fixture.app.inject({ method: 'POST', url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.statusCode, body: response.body ? response.json() : undefined };
  };
  const login = (username: string, password = PASSWORD, clientId = newId()) => post('/v1/auth/login', { username, password, deviceName: 'laptop', clientId });
  const pull = (session: LoginResponse, clientId: string) => post('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId, cursor: null }, session.accessToken);

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

  it('a revoked device stays revoked: signing in again with the password on it is refused', async () => {
    const clientId = newId();
    await login('alice', PASSWORD, clientId);
    const admin = (await login('root')).body as LoginResponse;
    const listed = await testServer.fixture.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${admin.accessToken}` } });
    const target = (listed.json() as { devices: Array<{ id: string; clientId: string }> }).devices.find((d) => d.clientId === clientId)!;
    expect((await post(`/v1/admin/devices/${target.id}/revoke`, {}, admin.accessToken)).status).toBe(204);

    expect(await login('alice', PASSWORD, clientId)).toEqual({ status: 403, body: { error: 'forbidden', message: 'sync.server.deviceRevoked' } });
    expect(await login('sam', PASSWORD, clientId)).toEqual({ status: 403, body: { error: 'forbidden', message: 'sync.server.clientIdTaken' } });
    const after = await testServer.fixture.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${admin.accessToken}` } });
    expect((after.json() as { devices: Array<{ clientId: string; revokedAt: string | null }> }).devices.find((d) => d.clientId === clientId)?.revokedAt).not.toBeNull();
    // a fresh install (a new client id) signs in as a new device
    expect((await login('alice')).status).toBe(200);
  });

  it('the admin routes refuse an admin’s unexpired access token once their device is revoked or they are disabled', async () => {
    await testServer.fixture.addUser('boss', 'admin', 'north');
    await testServer.fixture.addUser('chief', 'admin', 'north');
    const boss = (await login('boss')).body as LoginResponse;
    const chief = (await login('chief')).body as LoginResponse;
    const listDevices = (session: LoginResponse) => testServer.fixture.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${session.accessToken}` } });
    const listed = await listDevices(boss);
    expect(listed.statusCode).toBe(200);
    expect((await listDevices(chief)).statusCode).toBe(200);
    const devices = (listed.json() as { devices: Array<{ id: string; username: string }> }).devices;
    const bossDevice = devices.find((d) => d.username === 'boss')!;
    const aliceDevice = devices.find((d) => d.username === 'alice')!;

    await revokeDevice(testServer.db.store, bossDevice.id);
    expect((await listDevices(boss)).statusCode).toBe(401);
    expect(await post(`/v1/admin/devices/${aliceDevice.id}/revoke`, {}, boss.accessToken)).toMatchObject({ status: 401, body: { message: 'sync.server.sessionExpired' } });

    await disableUser(testServer.db.store, 'chief');
    expect((await listDevices(chief)).statusCode).toBe(401);
    expect((await post(`/v1/admin/devices/${aliceDevice.id}/revoke`, {}, chief.accessToken)).status).toBe(401);
    const aliceClient = newId();
    expect((await pull((await login('alice', PASSWORD, aliceClient)).body as LoginResponse, aliceClient)).status).toBe(200);
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

  it('a password reset ends the user’s unexpired access tokens at once; one issued after it works', async () => {
    await testServer.fixture.addUser('leaked', 'admin', 'north');
    const clientId = newId();
    const before = (await login('leaked', PASSWORD, clientId)).body as LoginResponse;
    expect((await pull(before, clientId)).status).toBe(200);
    const push = (session: LoginResponse) =>
      post('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId, mutations: [] }, session.accessToken);
    expect((await push(before)).status).toBe(200);

    await resetPassword(testServer.db.store, 'leaked', 'a brand new secret');
    expect(await pull(before, clientId)).toMatchObject({ status: 401, body: { message: 'sync.server.sessionExpired' } });
    expect((await push(before)).status).toBe(401);
    const devices = await testServer.fixture.app.inject({ method: 'GET', url: '/v1/admin/devices', headers: { authorization: `Bearer ${before.accessToken}` } });
    expect(devices.statusCode).toBe(401);

    const after = (await login('leaked', 'a brand new secret', clientId)).body as LoginResponse;
    expect((await pull(after, clientId)).status).toBe(200);
    expect((await push(after)).status).toBe(200);
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
        '/v1/sync/pull',
        '/v1/sync/push',
      ].sort(),
    );
    const routes = testServer.fixture.app.printRoutes({ commonPrefix: false });
    for (const path of Object.keys(doc.paths)) expect(routes).toContain(path.replace('{id}', ':id').split('/').pop());
  });
});
