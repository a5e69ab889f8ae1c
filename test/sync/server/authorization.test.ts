/**
 * No request shape lets a rep read or write another rep's rows or another team's (generated with
 * fast-check); malformed, oversized and wrongly-signed requests get a 4xx and change nothing.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES, SYNC_LIMITS, SYNC_PROTOCOL_VERSION } from '../../../core/sync/protocol.js';
import { BACKENDS } from './backends.js';
import { accountFields, databaseState, newId, noteFields, type TestDevice, useSyncServer } from './fixture.js';

describe.each(BACKENDS)('authorization on $name', (backend) => {
  let alice: TestDevice;
  let bob: TestDevice;
  let lena: TestDevice;
  let zed: TestDevice;
  /** alice's rows: an account, its contact and note */
  const owned = { account: newId(), contact: newId(), note: newId() };
  /** zed's account in the other team */
  const southAccount = newId();

  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['bob', 'rep', 'north'], ['lena', 'lead', 'north'], ['zed', 'rep', 'south']]);
  beforeAll(async () => {
    [alice, bob, lena, zed] = await Promise.all([testServer.fixture.signIn('alice'), testServer.fixture.signIn('bob'), testServer.fixture.signIn('lena'), testServer.fixture.signIn('zed')]);
    await alice.push([
      alice.mutation('accounts', owned.account, accountFields('Alice Co')),
      alice.mutation('contacts', owned.contact, { accountId: owned.account, name: '王经理' }),
      alice.mutation('notes', owned.note, noteFields(owned.account, 'private')),
    ]);
    await zed.push([zed.mutation('accounts', southAccount, accountFields('South Co'))]);
  }, 60_000);

  it('a rep reads their own rows, not another rep’s nor another team’s; a lead reads the team', async () => {
    const ids = async (device: TestDevice) => new Set((await device.pullAll()).rows.map((r) => r.id));
    const [aliceSees, bobSees, lenaSees, zedSees] = await Promise.all([ids(alice), ids(bob), ids(lena), ids(zed)]);
    expect([...aliceSees]).toEqual(expect.arrayContaining(Object.values(owned)));
    expect(Object.values(owned).filter((id) => bobSees.has(id) || zedSees.has(id))).toEqual([]);
    expect([...lenaSees]).toEqual(expect.arrayContaining(Object.values(owned)));
    expect(lenaSees.has(southAccount)).toBe(false);
    expect(zedSees.has(southAccount)).toBe(true);
  });

  it('a shared account is readable and writable by the rep it is shared with', async () => {
    const shared = newId();
    await alice.push([alice.mutation('accounts', shared, accountFields('Shared Co'))]);
    await testServer.db.store.query('INSERT INTO account_shares (account_id, user_id) VALUES ($1, $2)', [shared, bob.userId]);
    expect((await bob.pullAll()).rows.map((r) => r.id)).toContain(shared);
    const { results } = await bob.push([bob.mutation('accounts', shared, { city: '南京' }), bob.mutation('notes', newId(), noteFields(shared, 'bob was here'))]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('a refused edit comes back with the row as the server has it, only to someone who may read it', async () => {
    const byLead = await lena.push([lena.mutation('contacts', owned.contact, { name: '改名' })]);
    expect(byLead.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden', current: { table: 'contacts', id: owned.contact, ownerId: alice.userId, data: { name: '王经理' } } });
    const byOtherRep = await bob.push([bob.mutation('contacts', owned.contact, { name: '改名' })]);
    expect(byOtherRep.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
    expect(byOtherRep.results[0]).not.toHaveProperty('current');
    const byOtherTeam = await zed.push([zed.mutation('notes', owned.note, { body: 'mine now' })]);
    expect(byOtherTeam.results[0]).not.toHaveProperty('current');
    const invalidOwn = await alice.push([alice.mutation('accounts', owned.account, { tier: 'Z' })]);
    expect(invalidOwn.results[0]).toMatchObject({ status: 'rejected', reason: 'invalid', current: { id: owned.account, data: { name: 'Alice Co', tier: 'A' } } });
  });

  it('no mutation by another rep, another team or a lead touches alice’s rows (generated)', async () => {
    const attackers = () => fc.constantFrom(bob, zed, lena);
    const targetRow = fc.constantFrom(
      { table: 'accounts' as const, id: owned.account },
      { table: 'contacts' as const, id: owned.contact },
      { table: 'notes' as const, id: owned.note },
      { table: 'accounts' as const, id: southAccount },
    );
    const forgedFields = fc.record(
      {
        name: fc.string({ maxLength: 20 }),
        body: fc.string({ maxLength: 20 }),
        accountId: fc.constantFrom(owned.account, southAccount),
        ownerId: fc.constantFrom(alice.userId, newId()),
        teamId: fc.constant(alice.teamId),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(attackers(), targetRow, forgedFields, fc.constantFrom('upsert' as const, 'delete' as const), fc.integer({ min: 0, max: 1000 }), async (attacker, target, fields, op, baseVersion) => {
        if (attacker === zed && target.id === southAccount) return; // zed's own account
        const before = await testServer.db.store.query('SELECT data, deleted_at, version FROM sync_rows WHERE id = $1', [target.id]);
        const { results } = await attacker.push([attacker.mutation(target.table, target.id, op === 'delete' ? {} : fields, { op, baseVersion })]);
        expect(results[0]!.status).toBe('rejected');
        expect(await testServer.db.store.query('SELECT data, deleted_at, version FROM sync_rows WHERE id = $1', [target.id])).toEqual(before);
      }),
      { numRuns: 40 },
    );
  });

  it('nobody creates rows under an account that is not theirs (generated)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(bob, zed, lena), fc.constantFrom(...SYNCED_TABLES.filter((t) => t !== 'accounts' && t !== 'family_members')), fc.string({ minLength: 1, maxLength: 30 }), async (attacker, table, text) => {
        const rowId = newId();
        const fields: Record<string, unknown> = { accountId: owned.account, name: text, body: text, description: text };
        const { results } = await attacker.push([attacker.mutation(table, rowId, fields)]);
        expect(results[0]!.status).toBe('rejected');
        expect(await testServer.db.store.query('SELECT id FROM sync_rows WHERE id = $1', [rowId])).toEqual([]);
      }),
      { numRuns: 25 },
    );
    // family members reach their account through the contact
    const { results } = await bob.push([bob.mutation('family_members', newId(), { contactId: owned.contact, name: '小王', relation: 'child' })]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('tampered, foreign or missing tokens get 401 and change nothing (generated)', async () => {
    const state = await databaseState(testServer.db.store);
    const [payload, signature] = alice.accessToken.split('.') as [string, string];
    const forgedClaims = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'admin' })).toString('base64url');
    const tokens = fc.oneof(
      fc.constant(`${forgedClaims}.${signature}`),
      fc.constant(''),
      fc.string({ maxLength: 60 }),
      fc.integer({ min: 0, max: alice.accessToken.length - 1 }).chain((at) =>
        fc.constantFrom(...'abcXYZ019-_.').filter((c) => c !== alice.accessToken[at]).map((c) => alice.accessToken.slice(0, at) + c + alice.accessToken.slice(at + 1)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(tokens, fc.constantFrom('/v1/sync/push', '/v1/sync/pull', '/v1/admin/devices'), async (token, url) => {
        const body = url.endsWith('push')
          ? { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: [alice.mutation('accounts', newId(), accountFields('Via forged token'))] }
          : { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null };
        const response = await testServer.fixture.app.inject({ method: url.includes('admin') ? 'GET' : 'POST', url, payload: url.includes('admin') ? undefined : body, headers: { authorization: `Bearer ${token}` } });
        expect(response.statusCode).toBe(401);
      }),
      { numRuns: 40 },
    );
    expect(await databaseState(testServer.db.store)).toBe(state);
  });

  it('a push or pull naming another device’s client id is a 403 and changes nothing', async () => {
    const state = await databaseState(testServer.db.store);
    const push = await bob.post('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: [bob.mutation('accounts', newId(), accountFields('x'))] });
    const pull = await bob.post('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, cursor: null });
    expect([push.status, pull.status]).toEqual([403, 403]);
    expect(push.body).toMatchObject({ error: 'forbidden' });
    expect(await databaseState(testServer.db.store)).toBe(state);
  });

  it('malformed payloads get 400 and change nothing (generated)', async () => {
    const state = await databaseState(testServer.db.store);
    const valid = { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: [alice.mutation('accounts', newId(), accountFields('never'))] };
    const malformed = fc.oneof(
      fc.anything(),
      fc.record({ protocolVersion: fc.constant(SYNC_PROTOCOL_VERSION), clientId: fc.constant(alice.clientId), mutations: fc.array(fc.anything(), { minLength: 1, maxLength: 3 }) }),
      fc.constantFrom('mutationId', 'table', 'rowId', 'op', 'baseVersion', 'clientTime').map((key) => ({ ...valid, mutations: [{ ...valid.mutations[0], [key]: { nope: true } }] })),
      fc.constant({ ...valid, extra: 1 }),
      fc.constant({ ...valid, mutations: [valid.mutations[0], { ...valid.mutations[0]!, rowId: newId() }] }), // ids not increasing
    );
    await fc.assert(
      fc.asyncProperty(malformed, fc.constantFrom('/v1/sync/push', '/v1/sync/pull'), async (body, url) => {
        const response = await testServer.fixture.app.inject({ method: 'POST', url, payload: JSON.stringify(body) ?? 'null', headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/json' } });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ error: 'invalid' });
      }),
      { numRuns: 60 },
    );
    const notJson = await testServer.fixture.app.inject({ method: 'POST', url: '/v1/sync/push', payload: '{"protocolVersion": 1,', headers: { authorization: `Bearer ${alice.accessToken}`, 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    expect(await databaseState(testServer.db.store)).toBe(state);
  });

  it('oversized requests and mutations get 413, an old protocol 426, and nothing changes', async () => {
    const state = await databaseState(testServer.db.store);
    const hugeBody = 'x'.repeat(SYNC_LIMITS.fieldsBytesPerMutation + 1);
    const bigMutation = await alice.post('/v1/sync/push', {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      clientId: alice.clientId,
      mutations: [alice.mutation('accounts', newId(), accountFields('first, would be fine')), alice.mutation('notes', newId(), noteFields(owned.account, hugeBody))],
    });
    expect(bigMutation).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    const bigRequest = await alice.post('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: [], padding: 'x'.repeat(SYNC_LIMITS.requestBytes) });
    expect(bigRequest.status).toBe(413);
    const old = await alice.post('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION - 1, clientId: alice.clientId, mutations: [alice.mutation('accounts', newId(), accountFields('old client'))] });
    expect(old).toMatchObject({ status: 426, body: { error: 'upgrade_required' } });
    expect(await databaseState(testServer.db.store)).toBe(state);
  });
});
