/**
 * Sync server benchmarks on PostgreSQL (ROUNDS_TEST_DATABASE_URL, a scratch database), over real HTTP
 * to 127.0.0.1: mutations per second, and 200 concurrent clients pushing and pulling for a bounded time
 * (ROUNDS_BENCH_SYNC_SECONDS, default 20, at most 60) with p99 push latency. Any failed request fails
 * the module.
 */
import { uuidv7 } from 'uuidv7';
import { SYNC_PROTOCOL_VERSION, type Mutation, type PullResponse, type PushResponse } from '../../core/sync/protocol.js';
import { startSyncServer } from '../../server/run.js';
import { addUser } from '../../server/users.js';
import { openStore } from '../../server/store/open.js';
import { createScratchDatabase } from '../sync/server/backends.js';
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

export const syncServerBench: BenchModule = {
  name: 'sync server (PostgreSQL, HTTP on 127.0.0.1)',
  async run() {
    const seconds = Math.min(60, Number(process.env.ROUNDS_BENCH_SYNC_SECONDS ?? 20));
    const scratch = await createScratchDatabase();
    const setup = await openStore({ databaseUrl: scratch.databaseUrl });
    const server = await startSyncServer({ location: { databaseUrl: scratch.databaseUrl }, host: '127.0.0.1', port: 0 });
    try {
      for (let i = 0; i < TEAMS * 4; i += 1) await addUser(setup, { username: `rep${i}`, role: 'rep', teamName: `team${i % TEAMS}`, password: PASSWORD });
      const clients = await signInClients(server.url, CLIENTS);

      // Throughput: batches of 100 from 10 clients at once.
      const writers = clients.slice(0, 10);
      const { ms: throughputMs } = await timed(() =>
        inParallel(Array.from({ length: THROUGHPUT_MUTATIONS / BATCH }, (_, i) => writers[i % writers.length]!), writers.length, async (client) => {
          await post<PushResponse>(`${server.url}/v1/sync/push`, client.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: client.clientId, mutations: mutations(client, BATCH) });
        }),
      );

      // Load: 200 clients, each pushing 5 mutations then pulling, until the time is up.
      const latencies: number[] = [];
      let errors = 0;
      let firstError = '';
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        clients.map(async (client) => {
          while (performance.now() < until) {
            try {
              const { ms } = await timed(() => post<PushResponse>(`${server.url}/v1/sync/push`, client.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: client.clientId, mutations: mutations(client, 5) }));
              latencies.push(ms);
              const page = await post<PullResponse>(`${server.url}/v1/sync/pull`, client.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: client.clientId, cursor: client.cursor, limit: 1000 });
              client.cursor = page.cursor;
            } catch (error) {
              errors += 1;
              firstError ||= (error as Error).message;
            }
          }
        }),
      );
      if (errors > 0) throw new Error(`${errors} failed requests under load; first: ${firstError}`);
      return [
        { name: 'server: time per 1,000 mutations (≥ 1,000/s)', value: (throughputMs / THROUGHPUT_MUTATIONS) * 1000, unit: 'ms', max: 1000 },
        { name: `${CLIENTS} clients for ${seconds} s: p99 push latency`, value: percentile(latencies, 99), unit: 'ms', max: 500, note: `${latencies.length} pushes, 0 errors` },
        { name: `${CLIENTS} clients: p50 push latency`, value: percentile(latencies, 50), unit: 'ms' },
      ];
    } finally {
      await server.close();
      await setup.close();
      await scratch.drop();
    }
  },
};

export const syncBenchmarks: BenchModule[] = [syncServerBench];
