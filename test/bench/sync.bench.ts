/**
 * Sync server benchmarks on PostgreSQL (ROUNDS_TEST_DATABASE_URL, a scratch database), with the server
 * in a `rounds serve` process of its own (as deployed; the simulated clients run in this one) over real
 * HTTP to 127.0.0.1:
 * - mutations per second: batches of 100 from 10 clients at once;
 * - 200 clients syncing for a minute (ROUNDS_BENCH_SYNC_SECONDS, default 60): each pushes 5 changes and
 *   pulls, then pauses about a second (0.5–1.5 s, so they do not march in step) — 300 times as often as
 *   the app's 5-minute sync loop. p99 push latency has the target;
 * - the same 200 clients back to back with no pause (reported, no target): the server's saturation
 *   throughput, where latency is only 200 ÷ throughput.
 * Any failed request fails the module.
 */
import { uuidv7 } from 'uuidv7';
import { SYNC_PROTOCOL_VERSION, type Mutation, type PullResponse, type PushResponse } from '../../core/sync/protocol.js';
import { addUser } from '../../server/users.js';
import { openStore } from '../../server/store/open.js';
import { createScratchDatabase } from '../sync/server/backends.js';
import { spawnServe } from '../sync/server/serveProcess.js';
import { percentile, timed, type BenchModule } from './harness.js';

const PASSWORD = 'bench password';
const TEAMS = 10;
const CLIENTS = 200;
const THROUGHPUT_MUTATIONS = 10_000;
const BATCH = 100;

interface Client {
  clientId: string;
  token: string;
  nextMutationId: number;
  cursor: string | null;
  accounts: string[];
}

async function post<T>(url: string, token: string | null, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

function mutations(client: Client, count: number): Mutation[] {
  return Array.from({ length: count }, (_, i) => {
    const existing = client.accounts[i % Math.max(1, client.accounts.length)];
    const update = existing !== undefined && i % 2 === 1;
    const rowId = update ? existing : uuidv7();
    if (!update) client.accounts.push(rowId);
    return {
      mutationId: client.nextMutationId++,
      table: 'accounts',
      rowId,
      op: 'upsert',
      fields: update ? { city: `城市 ${client.nextMutationId}` } : { name: `客户 ${rowId.slice(-6)}`, tier: 'B' },
      baseVersion: null,
      clientTime: new Date().toISOString(),
    } satisfies Mutation;
  });
}

async function signInClients(baseUrl: string, count: number): Promise<Client[]> {
  const clients: Client[] = [];
  await inParallel(Array.from({ length: count }, (_, i) => i), 4, async (i) => {
    const clientId = uuidv7();
    const session = await post<{ accessToken: string }>(`${baseUrl}/v1/auth/login`, null, { username: `rep${i % (TEAMS * 4)}`, password: PASSWORD, deviceName: `bench ${i}`, clientId });
    clients.push({ clientId, token: session.accessToken, nextMutationId: 1, cursor: null, accounts: [] });
  });
  return clients;
}

/** Every client syncs (push 5, pull) until the time is up, pausing `pauseMs()` between rounds; push latencies. */
async function syncRounds(baseUrl: string, clients: readonly Client[], seconds: number, pauseMs: () => number): Promise<{ latencies: number[]; rounds: number }> {
  const latencies: number[] = [];
  let rounds = 0;
  let errors = 0;
  let firstError = '';
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (client, index) => {
      // Spread the first round over one pause, as clients starting at different moments would.
      await sleep(pauseMs() * (index / clients.length));
      while (performance.now() < until) {
        try {
          const { ms } = await timed(() => post<PushResponse>(`${baseUrl}/v1/sync/push`, client.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: client.clientId, mutations: mutations(client, 5) }));
          latencies.push(ms);
          const page = await post<PullResponse>(`${baseUrl}/v1/sync/pull`, client.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: client.clientId, cursor: client.cursor, limit: 1000 });
          client.cursor = page.cursor;
          rounds += 1;
        } catch (error) {
          errors += 1;
          firstError ||= (error as Error).message;
        }
        await sleep(pauseMs());
      }
    }),
  );
  if (errors > 0) throw new Error(`${errors} failed requests under load; first: ${firstError}`);
  return { latencies, rounds };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const syncServerBench: BenchModule = {
  name: 'sync server (PostgreSQL, rounds serve process, HTTP on 127.0.0.1)',
  async run() {
    const seconds = Number(process.env.ROUNDS_BENCH_SYNC_SECONDS ?? 60);
    const scratch = await createScratchDatabase();
    const setup = await openStore({ databaseUrl: scratch.databaseUrl });
    // 200 clients sign in from 127.0.0.1: more than the default 20 a minute per address.
    const server = await spawnServe(scratch.databaseUrl, { ROUNDS_SIGNIN_PER_ADDRESS: '100000' });
    try {
      for (let i = 0; i < TEAMS * 4; i += 1) await addUser(setup, { username: `rep${i}`, role: 'rep', teamName: `team${i % TEAMS}`, password: PASSWORD });
      const clients = await signInClients(server.url, CLIENTS);

      const writers = clients.slice(0, 10);
      const { ms: throughputMs } = await timed(() =>
        inParallel(Array.from({ length: THROUGHPUT_MUTATIONS / BATCH }, (_, i) => writers[i % writers.length]!), writers.length, async (client) => {
          await post<PushResponse>(`${server.url}/v1/sync/push`, client.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: client.clientId, mutations: mutations(client, BATCH) });
        }),
      );

      const paced = await syncRounds(server.url, clients, seconds, () => 500 + Math.random() * 1000);
      const saturated = await syncRounds(server.url, clients, Math.min(seconds, 15), () => 0);
      return [
        { name: 'server: time per 1,000 mutations (≥ 1,000/s)', value: (throughputMs / THROUGHPUT_MUTATIONS) * 1000, unit: 'ms', max: 1000 },
        { name: `${CLIENTS} clients syncing every ~1 s for ${seconds} s: p99 push`, value: percentile(paced.latencies, 99), unit: 'ms', max: 500, note: `${paced.latencies.length} pushes, 0 errors` },
        { name: `${CLIENTS} clients syncing every ~1 s: p50 push`, value: percentile(paced.latencies, 50), unit: 'ms' },
        {
          name: `${CLIENTS} clients back to back (saturation): p50 push`,
          value: percentile(saturated.latencies, 50),
          unit: 'ms',
          note: `${(saturated.rounds / Math.min(seconds, 15)).toFixed(0)} sync rounds/s (push 5 + pull), 0 errors`,
        },
      ];
    } finally {
      await server.stop();
      await setup.close();
      await scratch.drop();
    }
  },
};

export const syncBenchmarks: BenchModule[] = [syncServerBench];
