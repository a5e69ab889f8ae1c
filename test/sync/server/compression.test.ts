/** Compressed pulls and pushes: fewer bytes on a laptop's mobile connection, and no way around the body limit. */
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type PullResponse, type PushResponse } from '../../../core/sync/protocol.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, type TestDevice, useSyncServer } from './fixture.js';

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;

describe('compression', () => {
  let alice: TestDevice;

  const testServer = useSyncServer(pglite, [['alice', 'rep', 'north']]);
  beforeAll(async () => {
    alice = await testServer.fixture.signIn('alice');
  }, 60_000);

  const send = (url: string, body: Buffer, encoding: string) =>
    testServer.fixture.app.inject({ method: 'POST', url, payload: body, headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/json', 'content-encoding': encoding } });

  it('takes a gzipped push and answers a pull compressed to a client that accepts it', async () => {
    const mutations = Array.from({ length: 200 }, (_, i) => alice.mutation('accounts', newId(), accountFields(`压缩客户 ${i}`, { city: '上海' })));
    const pushed = await send('/v1/sync/push', zlib.gzipSync(JSON.stringify({ protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations })), 'gzip');
    expect(pushed.statusCode).toBe(200);
    expect((pushed.json() as PushResponse).results.every((r) => r.status === 'applied')).toBe(true);

    const pull = { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null, limit: 1000 };
    const response = await testServer.fixture.app.inject({ method: 'POST', url: '/v1/sync/pull', payload: pull, headers: { authorization: `Bearer ${alice.accessToken}`, 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBe('gzip');
    const page = JSON.parse(zlib.gunzipSync(response.rawPayload).toString()) as PullResponse;
    expect(page.rows).toHaveLength(200);
    expect(response.rawPayload.length * 5).toBeLessThan(JSON.stringify(page).length);
  });

  it('refuses a compressed push that inflates beyond the body limit, and applies nothing', async () => {
    const id = newId();
    const huge = { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: [alice.mutation('accounts', id, accountFields('Bomb', { notes: 'x'.repeat(5 * 1024 * 1024) }))] };
    const response = await send('/v1/sync/push', zlib.gzipSync(JSON.stringify(huge)), 'gzip');
    expect(response.statusCode).toBe(413);
    expect(await testServer.db.store.query('SELECT id FROM sync_rows WHERE id = $1', [id])).toEqual([]);
  });

  it('refuses a body that claims gzip but is not, with a 4xx', async () => {
    const response = await send('/v1/sync/push', Buffer.from('not gzip at all'), 'gzip');
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
  });
});
