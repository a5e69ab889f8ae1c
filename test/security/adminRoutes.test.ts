/**
 * Sync server (issue 11): the administrator's routes. The server administrator's (what `rounds user` /
 * `rounds share` use while `rounds serve` holds the embedded store): only with the admin key, every
 * body checked, the same rules as the store. A team admin's (`/v1/admin/devices`): not with the access
 * token of an admin whose device was revoked or who was disabled, however unexpired.
 */
import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../core/sync/protocol.js';
import { revokeDevice } from '../../server/auth/sessions.js';
import { ServerError } from '../../server/errors.js';
import { buildSyncServer } from '../../server/http/app.js';
import { remoteAdmin } from '../../server/http/adminClient.js';
import { disableUser } from '../../server/users.js';
import { BACKENDS } from '../sync/server/backends.js';
import { accountFields, newId, PASSWORD, TEST_SECRET, useSyncServer } from '../sync/server/fixture.js';
import { sessionRequests } from '../sync/server/sessionRequests.js';

const ADMIN_KEY = 'the-admin-key-of-this-test';

describe('admin routes', () => {
  const testServer = useSyncServer(BACKENDS.find((b) => b.name === 'pglite')!, [['alice', 'admin', 'north'], ['bob', 'rep', 'north']]);

  async function listening() {
    const app = buildSyncServer({ store: testServer.db.store, tokenSecret: TEST_SECRET, adminKey: ADMIN_KEY });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, url };
  }

  it('refuse requests without the key, with a wrong key, and from a team admin’s access token', async () => {
    const app = buildSyncServer({ store: testServer.db.store, tokenSecret: TEST_SECRET, adminKey: ADMIN_KEY });
    const alice = await testServer.fixture.signIn('alice');
    for (const headers of [{}, { 'x-rounds-admin-key': 'wrong' }, { authorization: `Bearer ${alice.accessToken}` }]) {
      const response = await app.inject({ method: 'GET', url: '/v1/admin/users', headers });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toEqual({ error: 'unauthorized', message: 'sync.server.adminKeyRequired' });
    }
    // a server started without a key (PostgreSQL deployments) has these routes closed
    const keyless = buildSyncServer({ store: testServer.db.store, tokenSecret: TEST_SECRET });
    expect((await keyless.inject({ method: 'GET', url: '/v1/admin/users', headers: { 'x-rounds-admin-key': '' } })).statusCode).toBe(401);
  });

  it('check every body with its schema before anything is written', async () => {
    const app = buildSyncServer({ store: testServer.db.store, tokenSecret: TEST_SECRET, adminKey: ADMIN_KEY });
    const headers = { 'x-rounds-admin-key': ADMIN_KEY };
    for (const payload of [
      { username: 'carol', role: 'boss', teamName: 'north', password: PASSWORD },
      { username: 'carol', role: 'rep', teamName: 'north', password: 'short' },
      { username: 'carol', role: 'rep', teamName: 'north', password: PASSWORD, isRoot: true },
      { username: '', role: 'rep', teamName: 'north', password: PASSWORD },
    ]) {
      const response = await app.inject({ method: 'POST', url: '/v1/admin/users', headers, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ error: 'invalid', message: 'sync.server.invalidRequest' });
    }
    expect((await app.inject({ method: 'POST', url: '/v1/admin/shares', headers, payload: { account: 'x' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/v1/admin/users', headers })).json().users.map((u: { username: string }) => u.username)).toEqual(['alice', 'bob']);
  });

  it('do through the client what the store does, with the store’s refusals', async () => {
    const { app, url } = await listening();
    try {
      const admin = remoteAdmin({ url, adminKey: ADMIN_KEY }, (reason) => new Error(reason));
      expect(await admin.addUser({ username: 'carol', role: 'rep', teamName: 'north', password: PASSWORD })).toMatchObject({ username: 'carol', teamName: 'north' });
      await expect(admin.addUser({ username: 'carol', role: 'rep', teamName: 'north', password: PASSWORD })).rejects.toEqual(new ServerError('invalid', 'sync.server.userExists'));
      expect((await testServer.fixture.signIn('carol')).userId).toMatch(/^[0-9a-f-]{36}$/);

      const bob = await testServer.fixture.signIn('bob');
      const devices = await admin.listUserDevices('bob');
      expect(devices).toHaveLength(1);
      await admin.revokeDevice(devices[0]!.id);
      await expect(bob.pull(null)).rejects.toThrow(/answered 401/);

      const alice = await testServer.fixture.signIn('alice');
      const account = newId();
      await alice.push([alice.mutation('accounts', account, accountFields('管理接口共享'))]);
      expect(await admin.shareAccount({ account, username: 'carol' })).toMatchObject({ accountName: '管理接口共享', username: 'carol' });
      expect(await admin.listShares()).toEqual([{ accountId: account, accountName: '管理接口共享', username: 'carol' }]);
      await admin.unshareAccount({ account, username: 'carol' });
      await expect(admin.unshareAccount({ account, username: 'carol' })).rejects.toMatchObject({ message: 'sync.server.noSuchShare' });

      await admin.resetPassword('carol', 'another password');
      await admin.disableUser('carol');
      expect((await admin.listUsers()).find((u) => u.username === 'carol')).toMatchObject({ disabled: true });
      await expect(admin.disableUser('nobody')).rejects.toMatchObject({ code: 'not_found', message: 'sync.server.noSuchUser' });
    } finally {
      await app.close();
    }
    const gone = remoteAdmin({ url, adminKey: ADMIN_KEY }, (reason) => new Error(`unreachable: ${reason}`));
    await expect(gone.listUsers()).rejects.toThrow(/^unreachable: /);
  });
});

describe.each(BACKENDS)('team admin routes on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['boss', 'admin', 'north'], ['chief', 'admin', 'north']]);
  const { post, login, pull, listDevices } = sessionRequests(testServer);

  it('refuse an admin’s unexpired access token once their device is revoked or they are disabled', async () => {
    await login('alice');
    const boss = (await login('boss')).body as LoginResponse;
    const chief = (await login('chief')).body as LoginResponse;
    const listed = await listDevices(boss);
    expect(listed.status).toBe(200);
    expect((await listDevices(chief)).status).toBe(200);
    const devices = (listed.body as { devices: Array<{ id: string; username: string }> }).devices;
    const bossDevice = devices.find((d) => d.username === 'boss')!;
    const aliceDevice = devices.find((d) => d.username === 'alice')!;

    await revokeDevice(testServer.db.store, bossDevice.id);
    expect((await listDevices(boss)).status).toBe(401);
    expect(await post(`/v1/admin/devices/${aliceDevice.id}/revoke`, {}, boss.accessToken)).toMatchObject({ status: 401, body: { message: 'sync.server.sessionExpired' } });

    await disableUser(testServer.db.store, 'chief');
    expect((await listDevices(chief)).status).toBe(401);
    expect((await post(`/v1/admin/devices/${aliceDevice.id}/revoke`, {}, chief.accessToken)).status).toBe(401);
    const aliceClient = newId();
    expect((await pull((await login('alice', PASSWORD, aliceClient)).body as LoginResponse, aliceClient)).status).toBe(200);
  });
});
