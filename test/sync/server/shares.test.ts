/** Sharing an account with another rep (`rounds share`), on PGlite and on a real PostgreSQL server. */
import { beforeAll, describe, expect, it } from 'vitest';
import { runRounds } from '../../../cli/testing.js';
import { shareAccount, unshareAccount } from '../../../server/shares.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, noteFields, type TestDevice, useSyncServer } from './fixture.js';

describe.each(BACKENDS)('account shares on $name', (backend) => {
  let alice: TestDevice;
  let bob: TestDevice;

  const testServer = useSyncServer(backend, [['alice', 'rep', 'north'], ['bob', 'rep', 'north'], ['zed', 'rep', 'south']]);
  beforeAll(async () => {
    [alice, bob] = await Promise.all([testServer.fixture.signIn('alice'), testServer.fixture.signIn('bob')]);
  }, 60_000);

  async function accountWithNote(name: string): Promise<{ account: string; note: string }> {
    const [account, note] = [newId(), newId()];
    await alice.push([alice.mutation('accounts', account, accountFields(name)), alice.mutation('notes', note, noteFields(account, `${name} 的笔记`))]);
    return { account, note };
  }

  it('a share brings the whole account, written before it, with the rep’s next ordinary pull; then they may write it', async () => {
    const { account, note } = await accountWithNote('共享前写的');
    const { cursor } = await bob.pullAll();
    const refused = await bob.push([bob.mutation('accounts', account, { city: '杭州' })]);
    expect(refused.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });

    expect(await shareAccount(testServer.db.store, { account: '共享前写的', username: 'bob' })).toMatchObject({ accountId: account, username: 'bob' });
    const pulled = await bob.pullAll(cursor);
    expect(pulled.rows.map((r) => r.id).sort()).toEqual([account, note].sort());
    const { results } = await bob.push([bob.mutation('accounts', account, { city: '杭州' })]);
    expect(results[0]).toMatchObject({ status: 'applied' });

    await unshareAccount(testServer.db.store, { account, username: 'bob' });
    const after = await bob.push([bob.mutation('notes', newId(), noteFields(account, 'after the share ended'))]);
    expect(after.results[0]).toMatchObject({ status: 'rejected', reason: 'forbidden' });
  });

  it('refuses another team’s rep, an unknown account, and a name two accounts share; changes nothing', async () => {
    const { account } = await accountWithNote('重名客户');
    await accountWithNote('重名客户');
    const before = await testServer.db.store.query('SELECT count(*)::int AS n FROM account_shares');
    await expect(shareAccount(testServer.db.store, { account, username: 'zed' })).rejects.toMatchObject({ message: 'sync.server.otherTeam' });
    await expect(shareAccount(testServer.db.store, { account: newId(), username: 'bob' })).rejects.toMatchObject({ message: 'sync.server.noSuchAccount' });
    await expect(shareAccount(testServer.db.store, { account: '重名客户', username: 'bob' })).rejects.toMatchObject({ message: 'sync.server.ambiguousAccount' });
    await expect(unshareAccount(testServer.db.store, { account, username: 'bob' })).rejects.toMatchObject({ message: 'sync.server.noSuchShare' });
    expect(await testServer.db.store.query('SELECT count(*)::int AS n FROM account_shares')).toEqual(before);
  });
});

// The CLI opens its own connection to the database, which only a PostgreSQL server can give it.
describe('rounds share on PostgreSQL', () => {
  let alice: TestDevice;

  const testServer = useSyncServer(BACKENDS.find((b) => b.name === 'postgres')!, [['alice', 'rep', 'north'], ['bob', 'rep', 'north']]);
  beforeAll(async () => {
    alice = await testServer.fixture.signIn('alice');
  }, 60_000);

  it('`rounds share` adds, lists and removes a share, with plain errors', async () => {
    const account = newId();
    await alice.push([alice.mutation('accounts', account, accountFields('命令行共享'))]);
    const rounds = (...argv: string[]) => runRounds(['share', ...argv, '--database-url', testServer.db.databaseUrl!], { env: { LANG: 'en_US.UTF-8' }, now: new Date() });
    expect(await rounds('add', account, 'bob')).toMatchObject({ code: 0, stdout: expect.stringContaining('Shared 命令行共享 with bob') });
    expect((await rounds('list')).stdout).toContain(`命令行共享  ${account}  bob`);
    expect(await rounds('add', account, 'nobody')).toMatchObject({ code: 1, stderr: expect.stringContaining('No user named nobody') });
    expect(await rounds('remove', account, 'bob')).toMatchObject({ code: 0 });
    expect(await rounds('add', account)).toMatchObject({ code: 2 });
  });
});
