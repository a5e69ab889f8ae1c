/**
 * An older copy of a client's database (a backup or whole folder put back, a cloned machine) carries a
 * smaller `acknowledged` than the client has already confirmed in a pull: the server refuses it with
 * `stale_copy` before anything is applied, so the copy's new changes are never taken for duplicates of
 * the original's. Pipelined pushes of one client, which share one `acknowledged`, are never refused.
 */
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../../../core/sync/protocol.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, useSyncServer } from './fixture.js';

describe.each(BACKENDS)('an older copy of a client database, on $name', (backend) => {
  const testServer = useSyncServer(backend, [['mei', 'rep', 'south']]);

  it('is refused on push and on pull once a pull confirmed more; nothing of it is applied', async () => {
    const mei = await testServer.fixture.signIn('mei');
    const push = (acknowledged: number, mutations: unknown[], after?: number) =>
      mei.post<{ results: Array<{ status: string }>; lastMutationId: number; error?: string }>('/v1/sync/push', {
        protocolVersion: SYNC_PROTOCOL_VERSION,
        clientId: mei.clientId,
        mutations,
        acknowledged,
        ...(after === undefined ? {} : { after }),
      });
    const pull = (acknowledged: number) =>
      mei.post<{ lastMutationId: number; error?: string }>('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: mei.clientId, cursor: null, limit: 100, acknowledged });

    const first = [mei.mutation('accounts', newId(), accountFields('原来的')), mei.mutation('accounts', newId(), accountFields('又一个'))];
    expect((await push(0, first)).status).toBe(200);
    // Pipelined: the batch sent ahead carries the same acknowledged value and is taken.
    const ahead = mei.mutation('accounts', newId(), accountFields('紧跟着'));
    expect((await push(0, [ahead], first[1]!.mutationId)).status).toBe(200);
    const confirmed = await pull(ahead.mutationId);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.lastMutationId).toBe(ahead.mutationId);

    // The copy remembers only the first batch's answer, and made a change of its own with the next id.
    const copys = mei.mutation('accounts', newId(), accountFields('副本的新客户'));
    const refused = await push(first[1]!.mutationId, [copys]);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('stale_copy');
    expect((await pull(first[1]!.mutationId)).status).toBe(409);
    const names = await testServer.db.store.query<{ name: string }>(`SELECT data->>'name' AS name FROM sync_rows WHERE table_name = 'accounts' ORDER BY 1`);
    expect(names.map((row) => row.name)).not.toContain('副本的新客户');

    // The original carries on.
    expect((await pull(ahead.mutationId)).status).toBe(200);
    expect((await push(ahead.mutationId, [mei.mutation('accounts', newId(), accountFields('继续'))])).status).toBe(200);
  });

  it('never records more than the server processed, so a client claiming too much is not locked out later', async () => {
    const mei = await testServer.fixture.signIn('mei');
    const pull = (acknowledged: number) =>
      mei.post('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: mei.clientId, cursor: null, limit: 100, acknowledged });
    await mei.post('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: mei.clientId, mutations: [mei.mutation('accounts', newId(), accountFields('一'))] });
    expect((await pull(1_000)).status).toBe(200);
    const [row] = await testServer.db.store.query<{ acknowledged_through: string | number; last_mutation_id: string | number }>(
      'SELECT acknowledged_through, last_mutation_id FROM client_mutations WHERE client_id = $1',
      [mei.clientId],
    );
    expect(Number(row!.acknowledged_through)).toBe(Number(row!.last_mutation_id));
  });
});
