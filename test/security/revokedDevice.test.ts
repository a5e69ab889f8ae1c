/** Sync server (issue 11): a revoked device stays revoked — its password does not bring it back; only an admin's restore does (test/sync/server/userDevices.test.ts). */
import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../core/sync/protocol.js';
import { BACKENDS } from '../sync/server/backends.js';
import { newId, PASSWORD, useSyncServer } from '../sync/server/fixture.js';
import { sessionRequests } from '../sync/server/sessionRequests.js';

describe.each(BACKENDS)('a revoked device on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['root', 'admin', 'north'], ['sam', 'rep', 'north']]);
  const { post, login, listDevices } = sessionRequests(testServer);

  it('stays revoked: signing in again with the password on it is refused', async () => {
    const clientId = newId();
    await login('alice', PASSWORD, clientId);
    const admin = (await login('root')).body as LoginResponse;
    const listed = await listDevices(admin);
    const target = (listed.body as { devices: Array<{ id: string; clientId: string }> }).devices.find((d) => d.clientId === clientId)!;
    expect((await post(`/v1/admin/devices/${target.id}/revoke`, {}, admin.accessToken)).status).toBe(204);

    expect(await login('alice', PASSWORD, clientId)).toEqual({ status: 403, body: { error: 'forbidden', message: 'sync.server.deviceRevoked' } });
    expect(await login('sam', PASSWORD, clientId)).toEqual({ status: 403, body: { error: 'forbidden', message: 'sync.server.clientIdTaken' } });
    const after = await listDevices(admin);
    expect((after.body as { devices: Array<{ clientId: string; revokedAt: string | null }> }).devices.find((d) => d.clientId === clientId)?.revokedAt).not.toBeNull();
    // a fresh install (a new client id) signs in as a new device
    expect((await login('alice')).status).toBe(200);
  });
});
