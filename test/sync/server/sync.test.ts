/** The sync server's push/pull semantics, on PGlite and on a real PostgreSQL server. */
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type PullResponse } from '../../../core/sync/protocol.js';
import { purgeTombstones } from '../../../server/sync/purge.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, noteFields, type TestDevice, useSyncServer } from './fixture.js';

describe.each(BACKENDS)('sync server on $name', (backend) => {

  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['lena', 'lead', 'north'], ['quiet', 'rep', 'north'], ['olga', 'rep', 'south']]);

  async function accountOf(device: TestDevice, name = 'Acme'): Promise<{ id: string; version: number }> {
    const id = newId();
    const { results } = await device.push([device.mutation('accounts', id, accountFields(name))]);
    expect(results[0]).toMatchObject({ status: 'applied' });
    return { id, version: results[0]!.version! };
  }

  it('creates a row owned by the token’s user, and pulls it with server timestamps', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const { id } = await accountOf(alice, '华东精密');
    const { rows } = await alice.pullAll();
    const row = rows.find((r) => r.id === id)!;
    expect(row).toMatchObject({ table: 'accounts', ownerId: alice.userId, data: { name: '华东精密', tier: 'A', status: 'active', deletedAt: null, id } });
    expect(typeof row.data.createdAt).toBe('string');
  });

  it('a retry after a lost response is a duplicate, applied once', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const id = newId();
    const batch = [alice.mutation('accounts', id, accountFields('Once')), alice.mutation('accounts', id, { city: '上海' })];
    const first = await alice.push(batch);
    const { cursor } = await alice.pullAll();
    const retry = await alice.push(batch);
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(retry.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(retry.lastMutationId).toBe(2);
    expect((await alice.pull(cursor)).rows).toEqual([]);
  });

  it('a pipelined batch whose predecessor never comes is refused whole (409), and applies once that one has', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const first = [alice.mutation('accounts', newId(), accountFields('First'))];
    const second = [alice.mutation('accounts', newId(), accountFields('Second'))];
    const after = first[0]!.mutationId;
    const early = await alice.post('/v1/sync/push', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: second, after });
    expect(early).toMatchObject({ status: 409, body: { error: 'out_of_order' } });
    const pulledIds = async () => (await alice.pullAll()).rows.map((r) => r.id);
    expect(await pulledIds()).not.toContain(second[0]!.rowId);
    // Had it been applied, the first batch's id would now count as processed and be skipped as a duplicate.
    expect((await alice.push(first)).results.map((r) => r.status)).toEqual(['applied']);
    expect((await alice.push(second, undefined, after)).results.map((r) => r.status)).toEqual(['applied']);
    expect(await pulledIds()).toEqual(expect.arrayContaining([first[0]!.rowId, second[0]!.rowId]));
  });

  it('a pipelined batch that arrives a moment before the batch it follows waits for it, and both apply in order', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const first = [alice.mutation('accounts', newId(), accountFields('First'))];
    const second = [alice.mutation('accounts', newId(), accountFields('Second'))];
    const overtaking = alice.push(second, undefined, first[0]!.mutationId);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const [firstAnswer, secondAnswer] = await Promise.all([alice.push(first), overtaking]);
    expect(firstAnswer.results).toMatchObject([{ status: 'applied' }]);
    expect(secondAnswer.results).toMatchObject([{ status: 'applied' }]);
    expect(secondAnswer.results[0]!.version).toBeGreaterThan(firstAnswer.results[0]!.version!);
  });

  it('a rejected mutation is recorded and does not block the ones behind it', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const bad = alice.mutation('accounts', newId(), { name: 'Bad tier', tier: 'Z' });
    const good = alice.mutation('accounts', newId(), accountFields('Fine'));
    const { results, lastMutationId } = await alice.push([bad, good]);
    expect(results[0]).toMatchObject({ status: 'rejected', reason: 'invalid', message: 'sync.rejected.invalid' });
    expect(results[1]).toMatchObject({ status: 'applied' });
    expect(lastMutationId).toBe(good.mutationId);
    const recorded = await testServer.db.store.query<{ reason: string }>('SELECT reason FROM rejected_mutations WHERE client_id = $1', [alice.clientId]);
    expect(recorded).toEqual([{ reason: 'invalid' }]);
    // Retried, it is reported as rejected again, not as a success.
    expect((await alice.push([bad])).results[0]).toMatchObject({ status: 'rejected', reason: 'invalid' });
    const pulled = (await alice.pullAll()).rows.map((r) => r.id);
    expect(pulled).toContain(good.rowId);
    expect(pulled).not.toContain(bad.rowId);
  });

  it('refuses unknown fields, and an owner id in the payload', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const { results } = await alice.push([
      alice.mutation('accounts', newId(), { ...accountFields('Forged'), ownerId: newId() }),
      alice.mutation('accounts', newId(), { ...accountFields('Extra'), owner_id: 'x' }),
    ]);
    expect(results.map((r) => r.reason)).toEqual(['invalid', 'invalid']);
  });

  it('merges field by field: two devices changing different fields both win', async () => {
    const laptop = await testServer.fixture.signIn('alice');
    const phone = await testServer.fixture.signIn('alice');
    const { id, version } = await accountOf(laptop);
    await laptop.push([laptop.mutation('accounts', id, { city: '杭州' }, { baseVersion: version })]);
    await phone.push([phone.mutation('accounts', id, { industry: '机械' }, { baseVersion: version })]);
    const row = (await phone.pullAll()).rows.filter((r) => r.id === id).at(-1)!;
    expect(row.data).toMatchObject({ name: 'Acme', city: '杭州', industry: '机械', tier: 'A' });
  });

  it('edit vs delete: the delete wins in either order and nothing is resurrected', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const first = await accountOf(alice);
    const deleted = await alice.push([
      alice.mutation('accounts', first.id, {}, { op: 'delete' }),
      alice.mutation('accounts', first.id, { city: '北京' }, { baseVersion: first.version }),
      alice.mutation('accounts', first.id, accountFields('Again')),
    ]);
    expect(deleted.results.map((r) => r.status)).toEqual(['applied', 'rejected', 'rejected']);
    expect(deleted.results[1]!.reason).toBe('deleted');
    // The refusal carries the tombstone, so the client drops its copy instead of keeping the edit.
    expect(deleted.results[1]!.current).toMatchObject({ id: first.id, data: { deletedAt: expect.any(String) } });
    expect(deleted.results[1]!.current!.data.city).not.toBe('北京');

    const second = await accountOf(alice);
    await alice.push([alice.mutation('accounts', second.id, { city: '北京' }), alice.mutation('accounts', second.id, {}, { op: 'delete' })]);
    const rows = (await alice.pullAll()).rows;
    for (const id of [first.id, second.id]) {
      const latest = rows.filter((r) => r.id === id).at(-1)!;
      expect(latest.data.deletedAt).toEqual(expect.any(String));
    }
    // Deleting again is harmless; deleting what never existed is not_found.
    const again = await alice.push([alice.mutation('accounts', second.id, {}, { op: 'delete' }), alice.mutation('accounts', newId(), {}, { op: 'delete' })]);
    expect(again.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(again.results[1]!.reason).toBe('not_found');
  });

  it('a client clock off by a day in either direction changes nothing about ordering', async () => {
    const ahead = await testServer.fixture.signIn('alice');
    const behind = await testServer.fixture.signIn('alice');
    const { id } = await accountOf(ahead);
    const day = 86_400_000;
    const tomorrow = new Date(Date.now() + day).toISOString();
    const yesterday = new Date(Date.now() - day).toISOString();
    const a = await ahead.push([ahead.mutation('accounts', id, { city: 'ahead' }, { clientTime: tomorrow })]);
    const b = await behind.push([behind.mutation('accounts', id, { city: 'behind' }, { clientTime: yesterday })]);
    expect(b.results[0]!.version!).toBeGreaterThan(a.results[0]!.version!);
    const rows = (await ahead.pullAll()).rows.filter((r) => r.id === id);
    expect(rows.at(-1)!.data.city).toBe('behind');
    expect(rows.map((r) => r.version)).toEqual([...rows.map((r) => r.version)].sort((x, y) => x - y));
  });

  it('one push creates an account with its contact, family member and note, and edits them again: all applied in order', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const [account, contact, spouse, note] = [newId(), newId(), newId(), newId()];
    const { results } = await alice.push([
      alice.mutation('accounts', account, accountFields('一次建成')),
      alice.mutation('contacts', contact, { accountId: account, name: '王芳' }),
      alice.mutation('family_members', spouse, { contactId: contact, relation: 'spouse', name: '李强' }),
      alice.mutation('notes', note, noteFields(account, '第一次拜访')),
      alice.mutation('contacts', contact, { title: '采购经理' }),
      alice.mutation('accounts', account, { city: '苏州' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'applied']);
    const versions = results.map((r) => r.version!);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);

    const rows = (await alice.pullAll()).rows;
    const latest = (id: string) => rows.filter((r) => r.id === id).at(-1)!;
    expect(latest(account)).toMatchObject({ version: versions[5], data: { name: '一次建成', city: '苏州' } });
    expect(latest(contact)).toMatchObject({ version: versions[4], data: { name: '王芳', title: '采购经理', accountId: account } });
    expect(latest(spouse).data).toMatchObject({ contactId: contact, name: '李强' });
    expect(latest(note).data).toMatchObject({ body: '第一次拜访' });
  });

  it('a child of an account that the same push failed to create is refused, not orphaned', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const [account, contact] = [newId(), newId()];
    const { results } = await alice.push([alice.mutation('accounts', account, { name: 'Bad tier', tier: 'Z' }), alice.mutation('contacts', contact, { accountId: account, name: '孤儿' })]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['rejected', 'invalid'],
      ['rejected', 'not_found'],
    ]);
    expect(await testServer.db.store.query('SELECT id FROM sync_rows WHERE id IN ($1, $2)', [account, contact])).toEqual([]);
  });

  it('two devices edit the same note offline: the server keeps one text, the other becomes a conflict copy', async () => {
    const laptop = await testServer.fixture.signIn('alice');
    const phone = await testServer.fixture.signIn('alice');
    const account = await accountOf(laptop);
    const noteId = newId();
    const created = await laptop.push([laptop.mutation('notes', noteId, noteFields(account.id, '初稿'))]);
    const base = created.results[0]!.version!;

    const fromLaptop = await laptop.push([laptop.mutation('notes', noteId, { body: '笔记本上的修改' }, { baseVersion: base })]);
    const fromPhone = await phone.push([phone.mutation('notes', noteId, { body: 'edited on the phone' }, { baseVersion: base })]);
    expect(fromLaptop.results[0]).not.toHaveProperty('conflictCopyId');
    const copyId = fromPhone.results[0]!.conflictCopyId!;
    expect(copyId).toEqual(expect.any(String));

    const rows = (await phone.pullAll()).rows;
    const latest = (id: string) => rows.filter((r) => r.id === id).at(-1)!;
    expect(latest(noteId).data).toMatchObject({ body: '笔记本上的修改', conflictOf: null });
    expect(latest(copyId).data).toMatchObject({ body: 'edited on the phone', conflictOf: noteId, accountId: account.id });

    // An edit made on the current text is no conflict.
    const current = latest(noteId).version;
    const followUp = await phone.push([phone.mutation('notes', noteId, { body: '合并后' }, { baseVersion: current })]);
    expect(followUp.results[0]).not.toHaveProperty('conflictCopyId');
  });

  it('pages through a pull without losing or repeating a row', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const before = await alice.pullAll();
    const ids = Array.from({ length: 25 }, () => newId());
    await alice.push(ids.map((id, i) => alice.mutation('accounts', id, accountFields(`Paged ${i}`))));
    const { rows } = await alice.pullAll(before.cursor, 7);
    expect(rows.map((r) => r.id)).toEqual(ids);
    // Every page says how much the whole pull brings (a progress bar) and names its rows' owners.
    const pullWithTotal = (device: TestDevice, limit: number) =>
      device.post<PullResponse>('/v1/sync/pull', { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: device.clientId, cursor: before.cursor, limit, withTotal: true }).then((answer) => answer.body);
    const first = await pullWithTotal(alice, 7);
    expect(first).toMatchObject({ hasMore: true, total: 25, owners: [{ id: alice.userId, displayName: 'alice' }] });
    expect(await alice.pull(before.cursor, 7)).not.toHaveProperty('total');
    const lead = await testServer.fixture.signIn('lena');
    const led = await pullWithTotal(lead, 1000);
    expect(led.total).toBe(led.rows.length);
    // A lead's pull names every rep of the team, 'quiet' who never synced included; not another team's.
    const [quiet] = await testServer.db.store.query<{ id: string }>("SELECT id FROM users WHERE username = 'quiet'");
    expect(led.owners).toEqual([{ id: alice.userId, displayName: 'alice' }, { id: quiet!.id, displayName: 'quiet' }]);
    const repPull = await pullWithTotal(alice, 1000);
    expect(repPull.owners).toEqual([{ id: alice.userId, displayName: 'alice' }]);
  });

  it('a cursor older than the tombstone purge horizon gets resetRequired; a fresh pull does not', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const { cursor: oldCursor } = await alice.pullAll();
    const { id } = await accountOf(alice);
    await alice.push([alice.mutation('accounts', id, {}, { op: 'delete' })]);
    const { cursor: recentCursor } = await alice.pullAll();

    expect(await purgeTombstones(testServer.db.store, { olderThanDays: 90, now: new Date() })).toBe(0);
    const purged = await purgeTombstones(testServer.db.store, { olderThanDays: 90, now: new Date(Date.now() + 91 * 86_400_000) });
    expect(purged).toBeGreaterThanOrEqual(1);

    expect(await alice.pull(oldCursor)).toMatchObject({ resetRequired: true, rows: [] });
    expect(await alice.pull(recentCursor)).toMatchObject({ resetRequired: false });
    const fresh = await alice.pull(null);
    expect(fresh.resetRequired).toBe(false);
    expect(fresh.rows.map((r) => r.id)).not.toContain(id);
  });

  it('reports the client’s last processed mutation id on pull', async () => {
    const alice = await testServer.fixture.signIn('alice');
    expect((await alice.pull(null)).lastMutationId).toBe(0);
    await alice.push([alice.mutation('accounts', newId(), accountFields('Counted')), alice.mutation('accounts', newId(), accountFields('Counted 2'))]);
    expect((await alice.pull(null)).lastMutationId).toBe(2);
  });

  it('concurrent pushes from many devices, pulled incrementally meanwhile: no pull skips a row', async () => {
    const lead = await testServer.fixture.signIn('lena');
    const start = await lead.pullAll();
    const devices = await Promise.all([1, 2, 3, 4].map(() => testServer.fixture.signIn('alice')));
    const written = new Set<string>();
    const seen = new Set<string>();
    let cursor = start.cursor;
    let pushing = true;
    const pulling = (async () => {
      while (pushing) {
        const page = await lead.pullAll(cursor, 5);
        page.rows.forEach((r) => seen.add(r.id));
        cursor = page.cursor;
      }
    })();
    await Promise.all(
      devices.map(async (device) => {
        for (let round = 0; round < 5; round += 1) {
          const ids = [newId(), newId()];
          ids.forEach((id) => written.add(id));
          await device.push(ids.map((id) => device.mutation('accounts', id, accountFields(`c${round}`))));
        }
      }),
    );
    pushing = false;
    await pulling;
    (await lead.pullAll(cursor)).rows.forEach((r) => seen.add(r.id));
    expect([...written].filter((id) => !seen.has(id))).toEqual([]);
  });
});
