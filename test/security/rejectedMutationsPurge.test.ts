/** The periodic purge also removes rejected mutations older than the tombstone window, on both stores. */
import { describe, expect, it } from 'vitest';
import { purgeTombstones } from '../../server/sync/purge.js';
import { BACKENDS } from '../sync/server/backends.js';
import { newId, useSyncServer } from '../sync/server/fixture.js';

describe.each(BACKENDS)('rejected mutations purge on $name', (backend) => {
  const server = useSyncServer(backend, [['alice', 'rep', 'north']]);

  it('drops rejections older than the window and keeps recent ones', async () => {
    const alice = await server.fixture.signIn('alice');
    const old = alice.mutation('accounts', newId(), { name: 'Acme', tier: 'A', notAField: 1 });
    const recent = alice.mutation('accounts', newId(), { name: 'Beta', tier: 'A', notAField: 2 });
    const { results } = await alice.push([old, recent]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    await server.db.store.query(`UPDATE rejected_mutations SET rejected_at = now() - interval '91 days' WHERE client_id = $1 AND mutation_id = $2`, [alice.clientId, old.mutationId]);

    await purgeTombstones(server.db.store, { olderThanDays: 90, now: new Date() });

    const left = await server.db.store.query<{ mutation_id: string | number }>('SELECT mutation_id FROM rejected_mutations WHERE client_id = $1 ORDER BY mutation_id', [alice.clientId]);
    expect(left.map((r) => Number(r.mutation_id))).toEqual([recent.mutationId]);
  });
});
