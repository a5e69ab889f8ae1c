/**
 * What the sync server keeps of first syncs' priority phases for their next pages is bounded: one phase
 * per client (asking again with other settings replaces it, it does not add one), and at most so many
 * phases and keys in all — a client that keeps asking for new phases, or many clients, cannot grow the
 * process. A phase that is not kept is still paged correctly (worked out again for each page).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type PullResponse } from '../../../core/sync/protocol.js';
import { keptPriorityPhases, limitKeptPriorityPhases } from '../../../server/sync/priority.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, type TestDevice, useSyncServer } from './fixture.js';

const DAY = '2026-12-03';

describe.each(BACKENDS)('kept priority phases on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['bob', 'rep', 'north']]);
  let alice: TestDevice;
  let bob: TestDevice;
  const limits = limitKeptPriorityPhases({ phases: 200, keys: 500_000 });
  afterEach(() => void limitKeptPriorityPhases(limits));

  const ask = (device: TestDevice, after: string | null, limit: number, extra: Record<string, unknown> = {}) =>
    device.post<PullResponse>('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: device.clientId, cursor: null, limit, priority: { day: DAY, after, ...extra } });

  beforeAll(async () => {
    alice = await testServer.fixture.signIn('alice');
    bob = await testServer.fixture.signIn('bob');
    await alice.push(Array.from({ length: 5 }, (_, i) => alice.mutation('accounts', newId(), accountFields(`客户${i}`, { tier: 'A' }))));
    await bob.push(Array.from({ length: 5 }, (_, i) => bob.mutation('accounts', newId(), accountFields(`客户${i}`, { tier: 'B' }))));
  });

  it('keeps one phase per client however many different phases it asks for', async () => {
    await ask(alice, null, 2);
    const before = keptPriorityPhases();
    for (let days = 1; days <= 20; days += 1) expect((await ask(alice, null, 2, { days })).status).toBe(200);
    expect(keptPriorityPhases().phases).toBe(before.phases);
  });

  it('keeps no more keys than its limit, and a phase not kept still pages through every row once', async () => {
    limitKeptPriorityPhases({ phases: 200, keys: 3 });
    await ask(bob, null, 2);
    await ask(alice, null, 2);
    expect(keptPriorityPhases().keys).toBeLessThanOrEqual(3);
    const ids: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const answer: { status: number; body: PullResponse } = await ask(alice, after, 2);
      expect(answer.status).toBe(200);
      ids.push(...answer.body.rows.map((row) => row.id));
      if (!answer.body.hasMore) break;
      after = answer.body.cursor;
    }
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(keptPriorityPhases().keys).toBeLessThanOrEqual(3);
  });
});
