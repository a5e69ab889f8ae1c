/**
 * The pull route answers in the compact form (`core/sync/pullEncoding.ts`) only to a client that asks
 * for it; an older client, asking nothing, keeps getting today's rows. Both say the same.
 */
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type PullResponse } from '../../../core/sync/protocol.js';
import { decodePullPage, PULL_COLUMNS_TYPE, type EncodedPullPage } from '../../../core/sync/pullEncoding.js';
import { acceptsMediaType } from '../../../server/http/app.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, noteFields, type TestDevice, useSyncServer } from './fixture.js';

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;

describe('compact pull pages', () => {
  let alice: TestDevice;
  const testServer = useSyncServer(pglite, [['alice', 'rep', 'north']]);

  beforeAll(async () => {
    alice = await testServer.fixture.signIn('alice');
    const account = newId();
    const gone = newId();
    const notes = Array.from({ length: 30 }, () => newId());
    await alice.push([
      alice.mutation('accounts', account, accountFields('华东精密 😀', { city: '上海' })),
      alice.mutation('accounts', gone, accountFields('Closed Ltd')),
      ...notes.map((id, i) => alice.mutation('notes', id, noteFields(account, `见了采购 ${i}\n第二行`))),
      alice.mutation('accounts', gone, {}, { op: 'delete' }),
    ]);
  }, 60_000);

  const pullWith = (headers: Record<string, string>, limit = 1000) =>
    testServer.fixture.app.inject({
      method: 'POST',
      url: '/v1/sync/pull',
      payload: { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null, limit, withTotal: true },
      headers: { authorization: `Bearer ${alice.accessToken}`, ...headers },
    });

  it('answers a client that does not ask for it (an older version) with the rows as before', async () => {
    const response = await pullWith({});
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const page = response.json() as PullResponse;
    expect(page.rows).toHaveLength(32);
    expect(page.rows[0]).toMatchObject({ table: 'accounts', ownerId: alice.userId, version: expect.any(Number), data: { name: '华东精密 😀', city: '上海', id: page.rows[0]!.id, deletedAt: null } });
    expect(page.rows.find((row) => row.data.name === 'Closed Ltd')?.data.deletedAt).toEqual(expect.any(String));
    expect(page).toMatchObject({ hasMore: false, resetRequired: false, total: 32, owners: [{ id: alice.userId }] });
  });

  it('answers a client that asks with a compact page that decodes to the same answer, brotli-compressed', async () => {
    const plain = (await pullWith({})).json() as PullResponse;
    const response = await pullWith({ accept: `${PULL_COLUMNS_TYPE}, application/json;q=0.5`, 'accept-encoding': 'br, gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(new RegExp(`^${PULL_COLUMNS_TYPE.replaceAll('.', '\\.').replaceAll('+', '\\+')}`));
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers.vary).toMatch(/accept/);
    const encoded = JSON.parse(zlib.brotliDecompressSync(response.rawPayload).toString()) as EncodedPullPage;
    expect(Array.isArray(encoded.rows)).toBe(false);
    expect(encoded.rows.groups.map((group) => group.table)).toEqual(['accounts', 'notes']);
    expect(decodePullPage(encoded)).toEqual(plain);
  });

  it('pages the same way in either form', async () => {
    const plain = (await pullWith({}, 10)).json() as PullResponse;
    const compact = decodePullPage((await pullWith({ accept: PULL_COLUMNS_TYPE }, 10)).json());
    expect(compact).toEqual(plain);
    expect(compact.rows).toHaveLength(10);
    expect(compact.hasMore).toBe(true);
  });

  it('reads the Accept header as media ranges', () => {
    expect(acceptsMediaType(PULL_COLUMNS_TYPE, PULL_COLUMNS_TYPE)).toBe(true);
    expect(acceptsMediaType(`application/json, ${PULL_COLUMNS_TYPE.toUpperCase()};q=0.9`, PULL_COLUMNS_TYPE)).toBe(true);
    expect(acceptsMediaType(`${PULL_COLUMNS_TYPE};q=0`, PULL_COLUMNS_TYPE)).toBe(false);
    expect(acceptsMediaType('application/json, */*', PULL_COLUMNS_TYPE)).toBe(false);
    expect(acceptsMediaType(undefined, PULL_COLUMNS_TYPE)).toBe(false);
  });
});
