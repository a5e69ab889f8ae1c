/**
 * `rounds user devices` and `rounds user revoke-device` on a real PostgreSQL server (the CLI opens its
 * own connection to the database, which only a PostgreSQL server can share with the test's server).
 */
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type LoginResponse } from '../../../core/sync/protocol.js';
import { runRounds } from '../../../cli/testing.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, PASSWORD, useSyncServer } from './fixture.js';

interface SignedInLaptop {
  clientId: string;
  session: LoginResponse;
}

describe('rounds user devices / revoke-device / restore-device on PostgreSQL', () => {

  const testServer = useSyncServer(BACKENDS.find((b) => b.name === 'postgres')!, [['chen', 'rep', 'north'], ['idle', 'rep', 'north']]);

  const rounds = (...argv: string[]) => runRounds(['user', ...argv, '--database-url', testServer.db.databaseUrl!], { env: { LANG: 'en_US.UTF-8' }, now: new Date() });
  const roundsInChinese = (...argv: string[]) => runRounds(['user', ...argv, '--database-url', testServer.db.databaseUrl!], { env: { LANG: 'zh_CN.UTF-8' }, now: new Date() });

  async function signIn(deviceName: string): Promise<SignedInLaptop> {
    const clientId = uuidv7();
    const response = await testServer.fixture.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'chen', password: PASSWORD, deviceName, clientId } });
    expect(response.statusCode).toBe(200);
    return { clientId, session: response.json() as LoginResponse };
  }

  const refresh = (laptop: SignedInLaptop) => testServer.fixture.app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: laptop.session.refreshToken } });

  const push = (laptop: SignedInLaptop) =>
    testServer.fixture.app.inject({
      method: 'POST',
      url: '/v1/sync/push',
      headers: { authorization: `Bearer ${laptop.session.accessToken}` },
      payload: {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        clientId: laptop.clientId,
        mutations: [{ mutationId: 1, table: 'accounts', rowId: newId(), op: 'upsert', fields: accountFields('撤销测试'), baseVersion: null, clientTime: new Date().toISOString() }],
      },
    });

  it('lists a user’s devices; after revoke-device that device can neither refresh nor push, the other still can', async () => {
    const office = await signIn('office desktop');
    const laptop = await signIn('field laptop');

    const listed = await rounds('devices', 'chen');
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+created\s+last seen\s+revoked$/);
    expect((await roundsInChinese('devices', 'chen')).stdout).toMatch(/^ID\s+名称\s+创建\s+最近使用\s+已撤销$/m);
    const [, deviceId] = /^(\S+)\s+field laptop\s/m.exec(listed.stdout) ?? [];
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.filter((line) => line.includes('office desktop'))).toHaveLength(1);
    // not revoked yet: the last column is a dash, the dates are server-local minutes
    expect(lines.find((line) => line.includes('field laptop'))).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+-$/);

    expect(await rounds('revoke-device', deviceId!)).toMatchObject({ code: 0, stdout: expect.stringContaining(`Revoked device ${deviceId}`) });

    expect((await refresh(laptop)).statusCode).toBe(401);
    const refused = await push(laptop);
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ message: 'sync.server.sessionExpired' });
    expect((await push(office)).statusCode).toBe(200);
    expect((await refresh(office)).statusCode).toBe(200);

    const after = await rounds('devices', 'chen');
    expect(after.stdout.split('\n').find((line) => line.startsWith(deviceId!))).toMatch(/\d{2}:\d{2}$/);
    expect(after.stdout.split('\n').find((line) => line.includes('office desktop'))).toMatch(/-$/);
    // The password does not undo the revocation; restore-device does.
    const signInAgain = () =>
      testServer.fixture.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'chen', password: PASSWORD, deviceName: 'field laptop', clientId: laptop.clientId } });
    expect((await signInAgain()).statusCode).toBe(403);
    expect(await rounds('restore-device', deviceId!)).toMatchObject({ code: 0, stdout: expect.stringContaining(`Restored device ${deviceId}`) });
    expect((await roundsInChinese('restore-device', deviceId!)).stdout).toContain(`已恢复设备 ${deviceId}`);
    const restored = await signInAgain();
    expect(restored.statusCode).toBe(200);
    expect((await push({ clientId: laptop.clientId, session: restored.json() as LoginResponse })).statusCode).toBe(200);
    expect((await rounds('devices', 'chen')).stdout.split('\n').find((line) => line.startsWith(deviceId!))).toMatch(/-$/);
    expect(await rounds('restore-device', newId())).toMatchObject({ code: 1, stderr: expect.stringContaining('No device with id') });
  });

  it('says so plainly for an unknown user or device, a user with no devices, and wrong arguments', async () => {
    expect(await rounds('devices', 'idle')).toMatchObject({ code: 0, stdout: expect.stringContaining('idle has not signed in on any device') });
    expect(await rounds('devices', 'nobody')).toMatchObject({ code: 1, stderr: expect.stringContaining('No user named nobody') });
    expect(await roundsInChinese('revoke-device', newId())).toMatchObject({ code: 1, stderr: expect.stringContaining('找不到 ID 为') });
    expect(await rounds('revoke-device', 'not-a-device-id')).toMatchObject({ code: 1, stderr: expect.stringContaining('No device with id not-a-device-id') });
    expect(await rounds('revoke-device')).toMatchObject({ code: 2, stderr: expect.stringContaining('DEVICE_ID') });
    expect(await rounds('devices')).toMatchObject({ code: 2, stderr: expect.stringContaining('USERNAME') });
  });
});
