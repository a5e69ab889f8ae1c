/** Sync server (issue 11): `rounds user reset-password` ends the user's unexpired access tokens at once, not 15 minutes later. */
import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../core/sync/protocol.js';
import { resetPassword } from '../../server/users.js';
import { BACKENDS } from '../sync/server/backends.js';
import { newId, PASSWORD, useSyncServer } from '../sync/server/fixture.js';
import { sessionRequests } from '../sync/server/sessionRequests.js';

describe.each(BACKENDS)('a password reset on $name', (backend) => {
  const testServer = useSyncServer(backend, [['leaked', 'admin', 'north']]);
  const { login, pull, push, listDevices } = sessionRequests(testServer);

  it('ends the user’s unexpired access tokens at once; one issued after it works', async () => {
    const clientId = newId();
    const before = (await login('leaked', PASSWORD, clientId)).body as LoginResponse;
    expect((await pull(before, clientId)).status).toBe(200);
    expect((await push(before, clientId)).status).toBe(200);

    await resetPassword(testServer.db.store, 'leaked', 'a brand new secret');
    expect(await pull(before, clientId)).toMatchObject({ status: 401, body: { message: 'sync.server.sessionExpired' } });
    expect((await push(before, clientId)).status).toBe(401);
    expect((await listDevices(before)).status).toBe(401);

    const after = (await login('leaked', 'a brand new secret', clientId)).body as LoginResponse;
    expect((await pull(after, clientId)).status).toBe(200);
    expect((await push(after, clientId)).status).toBe(200);
  });
});
