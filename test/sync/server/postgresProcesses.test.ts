/**
 * What only a real PostgreSQL server can show: two server instances on one database (a version that
 * commits late is never skipped), a `rounds serve` process killed with SIGKILL in the middle of a push
 * (nothing half-applied), and servers starting together (migrations applied once).
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type PushResponse } from '../../../core/sync/protocol.js';
import { loadMigrations, migrate } from '../../../server/store/migrate.js';
import { postgresClient } from '../../../server/store/postgres.js';
import { BACKENDS, createScratchDatabase } from './backends.js';
import { accountFields, newId, noteFields, syncServer, TEST_SECRET, useSyncServer } from './fixture.js';
import { spawnServe } from './serveProcess.js';

const postgres = BACKENDS.find((b) => b.name === 'postgres')!;

/** A transaction of the test's own that holds one row's lock until released. */
async function lockRow(databaseUrl: string, rowId: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM sync_rows WHERE id = $1 FOR UPDATE', [rowId]);
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/**
 * Holds an uncommitted row with this id: a push creating the same id takes its team version, then waits
 * on it while inserting, so that push commits late. Rolled back on release, so the push then goes through.
 */
async function holdUncommittedRow(databaseUrl: string, row: { id: string; teamName: string; ownerId: string }): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO sync_rows (table_name, id, team_id, owner_id, account_id, version, data)
     SELECT 'accounts', $1, t.id, $2, $1, 999999999, '{}'::jsonb FROM teams t WHERE t.name = $3`,
    [row.id, row.ownerId, row.teamName],
  );
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** Waits until `count` sessions of this database are waiting for a lock. */
async function untilWaitingOnLocks(databaseUrl: string, count: number): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      if (rows[0]!.n >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`never saw ${count} sessions waiting on a lock`);
  } finally {
    await client.end();
  }
}

describe('two sync servers and a killed one, on one PostgreSQL database', () => {

  const testServer = useSyncServer(postgres, [['alice', 'rep', 'north'], ['lena', 'lead', 'north']]);

  it('a push that commits late (lower version) is not skipped by a pull taken in between on the other server', async () => {
    const second = syncServer(await testServer.db.openAnother());
    const laptop = await testServer.fixture.signIn('alice');
    const phone = await testServer.fixture.signIn('alice', second);
    const lead = await testServer.fixture.signIn('lena', second);
    const before = await lead.pullAll();

    const slowRow = newId();
    const blocker = await holdUncommittedRow(testServer.db.databaseUrl!, { id: slowRow, teamName: 'north', ownerId: laptop.userId });
    // Server 1 takes the next team version, then waits on the uncommitted row: its commit comes late.
    const slow = laptop.push([laptop.mutation('accounts', slowRow, accountFields('Slow Co'))]);
    await untilWaitingOnLocks(testServer.db.databaseUrl!, 1);
    const quickRow = newId();
    const quick = phone.push([phone.mutation('accounts', quickRow, accountFields('Quick Co'))]);
    await untilWaitingOnLocks(testServer.db.databaseUrl!, 2);

    const between = await lead.pull(before.cursor);
    expect(between.rows).toEqual([]);
    await blocker.release();
    const [slowResult, quickResult] = await Promise.all([slow, quick]);
    expect(slowResult.results[0]!.version!).toBeLessThan(quickResult.results[0]!.version!);

    const after = await lead.pullAll(between.cursor);
    expect(after.rows.map((r) => [r.id, r.data.name])).toEqual([
      [slowRow, 'Slow Co'],
      [quickRow, 'Quick Co'],
    ]);
    await second.close();
  });

  it('two devices push edits of one note at the same moment through two servers: one text wins, the other is kept as a conflict copy', async () => {
    const second = syncServer(await testServer.db.openAnother());
    const laptop = await testServer.fixture.signIn('alice');
    const phone = await testServer.fixture.signIn('alice', second);
    const account = newId();
    const note = newId();
    const created = await laptop.push([laptop.mutation('accounts', account, accountFields('Same Time Co')), laptop.mutation('notes', note, noteFields(account, 'draft'))]);
    const base = created.results[1]!.version!;

    // Both pushes wait on the note's row, then go one after the other; neither decides on a stale copy.
    const blocker = await lockRow(testServer.db.databaseUrl!, note);
    const both = Promise.all([
      laptop.push([laptop.mutation('notes', note, { body: 'from the laptop' }, { baseVersion: base })]),
      phone.push([phone.mutation('notes', note, { body: 'from the phone' }, { baseVersion: base })], second),
    ]);
    await untilWaitingOnLocks(testServer.db.databaseUrl!, 2);
    await blocker.release();
    const results = (await both).map((r) => r.results[0]!);
    expect(results.filter((r) => r.conflictCopyId !== undefined)).toHaveLength(1);

    const bodies = await testServer.db.store.query<{ body: string }>(`SELECT data->>'body' AS body FROM sync_rows WHERE table_name = 'notes' AND (id = $1 OR data->>'conflictOf' = $1::text)`, [note]);
    expect(bodies.map((b) => b.body).sort()).toEqual(['from the laptop', 'from the phone']);
    await second.close();
  });

  it('kill -9 of a rounds serve process mid-push applies nothing; the retry applies everything once', async () => {
    const alice = await testServer.fixture.signIn('alice');
    await alice.push([alice.mutation('accounts', newId(), accountFields('Earlier Co'))]);
    const [counterBefore] = await testServer.db.store.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM client_mutations WHERE client_id = $1', [alice.clientId]);

    const server = await spawnServe(testServer.db.databaseUrl!, { ROUNDS_TOKEN_SECRET: TEST_SECRET });
    const blocked = newId();
    const blocker = await holdUncommittedRow(testServer.db.databaseUrl!, { id: blocked, teamName: 'north', ownerId: alice.userId });
    const first = newId();
    const second = newId();
    // The push's writing statement has written the first two rows when it waits on the third.
    const batch = [alice.mutation('accounts', first, accountFields('Written before the kill')), alice.mutation('accounts', second, accountFields('Also')), alice.mutation('accounts', blocked, accountFields('Blocked'))];
    const inFlight = fetch(`${server.url}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${alice.accessToken}` },
      body: JSON.stringify({ protocolVersion: SYNC_PROTOCOL_VERSION, clientId: alice.clientId, mutations: batch }),
    }).catch((error: unknown) => error);
    await untilWaitingOnLocks(testServer.db.databaseUrl!, 1);
    server.child.kill('SIGKILL');
    expect(await inFlight).toBeInstanceOf(Error);
    await blocker.release();

    expect(await testServer.db.store.query('SELECT id FROM sync_rows WHERE id IN ($1, $2)', [first, second])).toEqual([]);
    const [counterAfter] = await testServer.db.store.query<{ last_mutation_id: number }>('SELECT last_mutation_id FROM client_mutations WHERE client_id = $1', [alice.clientId]);
    expect(counterAfter).toEqual(counterBefore);

    const retry: PushResponse = await alice.push(batch);
    expect(retry.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await alice.push(batch)).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const rows = await testServer.db.store.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_rows WHERE id IN ($1, $2)', [first, second]);
    expect(rows).toEqual([{ n: 2 }]);
  });

  it('servers starting together apply each migration once', async () => {
    const scratch = await createScratchDatabase();
    const stores = [1, 2, 3].map(() => postgresClient(scratch.databaseUrl));
    try {
      const applied = await Promise.all(stores.map((store) => migrate(store)));
      const shipped = loadMigrations().map((migration) => migration.version);
      expect(shipped.length).toBeGreaterThan(1);
      expect(applied.flat().sort()).toEqual(shipped);
      expect(await stores[0]!.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(shipped.map((version) => ({ version })));
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await scratch.drop();
    }
  });
});
