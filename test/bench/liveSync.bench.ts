/**
 * Live team sync at scale, on loopback: two `rounds serve` processes on one PostgreSQL (a scratch
 * database at ROUNDS_TEST_DATABASE_URL), 2,000 laptops (100 teams of a lead and 19 reps) each holding
 * `GET /v1/sync/events` open on one of them, alternately. 200 reps (2 a team, one on each server) push
 * about once a second (0.5–1.5 s apart) for ROUNDS_BENCH_LIVE_SECONDS (60); each team's lead, told by
 * its stream, pulls — a change is visible on a teammate's laptop once that pull has reached its version
 * (half of them pushed through the other process: NOTIFY / LISTEN). Then one server is restarted: its
 * laptops reconnect as the app does (a pause of 1–10 s drawn at random, doubling after a refusal), to
 * whichever server is up, and the bench shows how long the last one took and how the reconnects spread.
 * Memory per idle connection: the server processes' resident memory with 1,000 streams each open,
 * less before they were opened. The team's version lock: how long each push held it (its
 * `Server-Timing: version-lock`), and what the pushes of one team back to back wait for it.
 */
import fs from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { EVENTS_DEFAULTS, reconnectDelay } from '../../db/sync/events.js';
import { RETRY_MS as SERVER_RETRY_MS } from '../../server/http/events.js';
import { SYNC_PROTOCOL_VERSION, type PullResponse, type PushResponse } from '../../core/sync/protocol.js';
import { signAccessToken } from '../../server/auth/tokens.js';
import { openStore } from '../../server/store/open.js';
import { decodeCursor } from '../../server/sync/cursor.js';
import { addUser } from '../../server/users.js';
import { createScratchDatabase } from '../sync/server/backends.js';
import { openEventStream, versionOf, type EventStreamReader } from '../sync/server/eventStream.js';
import { spawnServe, type ServeProcess } from '../sync/server/serveProcess.js';
import { percentile, type BenchModule, type Measurement } from './harness.js';

const TEAMS = 100;
const PER_TEAM = 20;
const PUSHERS_PER_TEAM = 2;
const SECRET = 'live sync bench secret 0123456789';

interface Laptop {
  index: number;
  team: number;
  userId: string;
  teamId: string;
  clientId: string;
  token: string;
  role: 'lead' | 'rep';
  /** which server it was given first (0 or 1) */
  home: number;
  stream?: EventStreamReader;
  nextMutationId: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function residentMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

async function post<T>(url: string, token: string, body: unknown): Promise<{ body: T; lockMs?: number }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  const timing = /version-lock;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  return { body: (await response.json()) as T, ...(timing ? { lockMs: Number(timing[1]) } : {}) };
}

/** 100 teams of a lead and 19 reps, one device each, straight into the database (2,000 password hashes would take minutes). */
async function createLaptops(databaseUrl: string): Promise<Laptop[]> {
  const store = await openStore({ databaseUrl });
  try {
    await addUser(store, { username: 'template', role: 'rep', teamName: 'template team', password: 'bench password' });
    const [template] = await store.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE username = 'template'`);
    const laptops: Laptop[] = [];
    for (let team = 0; team < TEAMS; team += 1) {
      const teamId = uuidv7();
      await store.query('INSERT INTO teams (id, name) VALUES ($1, $2)', [teamId, `team ${team}`]);
      for (let member = 0; member < PER_TEAM; member += 1) {
        const index = team * PER_TEAM + member;
        const role = member === 0 ? 'lead' : 'rep';
        const userId = uuidv7();
        const clientId = uuidv7();
        const deviceId = uuidv7();
        await store.query('INSERT INTO users (id, team_id, username, display_name, role, password_hash) VALUES ($1, $2, $3, $3, $4, $5)', [userId, teamId, `user${index}`, role, template!.password_hash]);
        await store.query('INSERT INTO devices (id, user_id, client_id, name) VALUES ($1, $2, $3, $4)', [deviceId, userId, clientId, `laptop ${index}`]);
        const token = signAccessToken({ userId, teamId, role, deviceId, clientId, gen: 0 }, SECRET, new Date());
        laptops.push({ index, team, userId, teamId, clientId, token, role, home: index % 2, nextMutationId: 1 });
      }
    }
    return laptops;
  } finally {
    await store.close();
  }
}

export const liveSyncBench: BenchModule = {
  name: 'live team sync (2,000 event streams, two rounds serve processes, one PostgreSQL)',
  async run() {
    const seconds = Number(process.env.ROUNDS_BENCH_LIVE_SECONDS ?? 60);
    const scratch = await createScratchDatabase();
    const env = { ROUNDS_TOKEN_SECRET: SECRET };
    const servers: ServeProcess[] = [];
    const readers: EventStreamReader[] = [];
    let errors = 0;
    let firstError = '';
    const failed = (error: unknown) => {
      errors += 1;
      firstError ||= error instanceof Error ? error.message : String(error);
    };
    try {
      servers.push(...(await Promise.all([spawnServe(scratch.databaseUrl, env), spawnServe(scratch.databaseUrl, env)])));
      const laptops = await createLaptops(scratch.databaseUrl);
      const urls = (): string[] => servers.map((s) => s.url);

      // Warm both processes up (a push and a pull each) before their memory is taken.
      for (const [i, laptop] of laptops.slice(1, 3).entries()) {
        await post<PushResponse>(`${servers[i]!.url}/v1/sync/push`, laptop.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: laptop.clientId, mutations: [mutationOf(laptop)] });
      }
      await sleep(1000);
      const memoryBefore = servers.map((s) => residentMb(s.child.pid!));

      // Every laptop opens its stream: 2,000, 100 at a time.
      let unexpectedEnds = 0;
      let stopping = false;
      const openStream = async (laptop: Laptop, url: string): Promise<EventStreamReader> => {
        const stream = await openEventStream(url, laptop.token);
        readers.push(stream);
        if (stream.status !== 200) throw new Error(`events answered ${stream.status}`);
        await stream.next((e) => e.event === 'ready', 30_000);
        laptop.stream = stream;
        return stream;
      };
      await inParallel(laptops, 100, async (laptop) => {
        const stream = await openStream(laptop, urls()[laptop.home]!);
        void stream.ended.then(() => {
          if (!stopping && laptop.stream === stream) unexpectedEnds += 1;
        });
      });
      await sleep(3000);
      const memoryAfter = servers.map((s) => residentMb(s.child.pid!));
      const perThousand = (memoryAfter.reduce((a, b) => a + b, 0) - memoryBefore.reduce((a, b) => a + b, 0)) / (laptops.length / 1000);

      // Each team's lead pulls when told; what its pulls reached, and when.
      const reached = new Map<number, Array<{ version: number; at: number }>>();
      const visibleMs: number[] = [];
      const waiting = new Map<number, Array<{ version: number; startedAt: number }>>();
      const leads = laptops.filter((l) => l.role === 'lead');
      const cursors = new Map<number, string | null>();
      const pulling = new Map<number, Promise<void>>();
      const again = new Set<number>();
      const pullFor = (lead: Laptop): void => {
        if (pulling.has(lead.team)) {
          again.add(lead.team);
          return;
        }
        const run = (async () => {
          do {
            again.delete(lead.team);
            let hasMore = true;
            while (hasMore) {
              const page = await post<PullResponse>(`${urls()[lead.home]}/v1/sync/pull`, lead.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: lead.clientId, cursor: cursors.get(lead.team) ?? null, limit: 1000 });
              cursors.set(lead.team, page.body.cursor);
              hasMore = page.body.hasMore;
              const version = decodeCursor(page.body.cursor).version;
              const at = performance.now();
              (reached.get(lead.team) ?? reached.set(lead.team, []).get(lead.team)!).push({ version, at });
              const still = (waiting.get(lead.team) ?? []).filter((w) => {
                if (w.version > version) return true;
                visibleMs.push(at - w.startedAt);
                return false;
              });
              waiting.set(lead.team, still);
            }
          } while (again.has(lead.team));
        })().catch(failed).finally(() => pulling.delete(lead.team));
        pulling.set(lead.team, run);
      };
      const seen = new Map<number, number>();
      const watchLead = (lead: Laptop) => {
        const stream = lead.stream!;
        const loop = async () => {
          while (!stream.isEnded && !stopping) {
            const event = await stream.next((e) => e.event === 'changed' && versionOf(e) > (seen.get(lead.team) ?? 0), 5000).catch(() => undefined);
            if (event) {
              seen.set(lead.team, versionOf(event));
              pullFor(lead);
            }
          }
        };
        void loop();
      };
      leads.forEach(watchLead);

      // 200 reps push about once a second.
      const pushers = laptops.filter((l) => l.role === 'rep' && l.index % PER_TEAM <= PUSHERS_PER_TEAM);
      const pushMs: number[] = [];
      const lockMs: number[] = [];
      const until = performance.now() + seconds * 1000;
      await Promise.all(
        pushers.map(async (laptop, i) => {
          await sleep(1000 * (i / pushers.length));
          while (performance.now() < until) {
            const startedAt = performance.now();
            try {
              const answer = await post<PushResponse>(`${urls()[laptop.home]}/v1/sync/push`, laptop.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: laptop.clientId, mutations: [mutationOf(laptop)] });
              pushMs.push(performance.now() - startedAt);
              if (answer.lockMs !== undefined) lockMs.push(answer.lockMs);
              const version = Math.max(...answer.body.results.map((r) => r.version ?? 0));
              const early = (reached.get(laptop.team) ?? []).find((r) => r.version >= version);
              if (early) visibleMs.push(early.at - startedAt);
              else (waiting.get(laptop.team) ?? waiting.set(laptop.team, []).get(laptop.team)!).push({ version, startedAt });
            } catch (error) {
              failed(error);
            }
            await sleep(500 + Math.random() * 1000);
          }
        }),
      );
      await sleep(3000);
      await Promise.all(pulling.values());
      const neverVisible = [...waiting.values()].reduce((n, list) => n + list.length, 0);
      const pushes = pushMs.length;

      // Restart one server: its laptops reconnect with jitter to whichever server is up.
      const restarted = servers[1]!;
      const dropped = laptops.filter((l) => l.home === 1);
      const endedAt = new Map<number, number>();
      const reconnectedAt = new Map<number, number>();
      const stopAt = performance.now();
      const reconnecting = dropped.map(async (laptop) => {
        await laptop.stream!.ended;
        endedAt.set(laptop.index, performance.now());
        // The app's own policy (db/sync/events.ts), with the `retry:` the server's stream sent.
        for (let failures = 1; failures <= EVENTS_DEFAULTS.maxFailures; failures += 1) {
          await sleep(reconnectDelay(failures, { ...EVENTS_DEFAULTS, serverRetryMs: SERVER_RETRY_MS, random: Math.random }));
          const live = urls();
          try {
            await openStream(laptop, live[Math.floor(Math.random() * live.length)]!);
            reconnectedAt.set(laptop.index, performance.now());
            return;
          } catch {
            // refused or not up yet: the next wait doubles its ceiling
          }
        }
      });
      stopping = true;
      await restarted.stop();
      servers.splice(1, 1);
      servers.push(await spawnServe(scratch.databaseUrl, env));
      const restartMs = performance.now() - stopAt;
      await Promise.all(reconnecting);
      const reconnectMs = dropped.map((l) => (reconnectedAt.get(l.index) ?? Infinity) - (endedAt.get(l.index) ?? stopAt));
      const times = [...reconnectedAt.values()].map((t) => t - stopAt);
      const perSecond = new Map<number, number>();
      times.forEach((t) => perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1));
      const peak = Math.max(...perSecond.values());
      const spread = times.length > 0 ? Math.max(...times) - Math.min(...times) : 0;

      // The version lock under contention: 20 laptops of one team pushing back to back for 10 s.
      const team = laptops.filter((l) => l.team === 7 && l.role === 'rep');
      const contendedLock: number[] = [];
      const contendedPush: number[] = [];
      const contendedUntil = performance.now() + 10_000;
      await Promise.all(
        team.map(async (laptop) => {
          while (performance.now() < contendedUntil) {
            const startedAt = performance.now();
            try {
              const answer = await post<PushResponse>(`${urls()[laptop.index % 2]}/v1/sync/push`, laptop.token, { protocolVersion: SYNC_PROTOCOL_VERSION, clientId: laptop.clientId, mutations: [mutationOf(laptop), mutationOf(laptop), mutationOf(laptop)] });
              contendedPush.push(performance.now() - startedAt);
              if (answer.lockMs !== undefined) contendedLock.push(answer.lockMs);
            } catch (error) {
              failed(error);
            }
          }
        }),
      );

      const notReconnected = reconnectMs.filter((ms) => !Number.isFinite(ms)).length;
      const results: Measurement[] = [
        { name: `${pushers.length} laptops pushing ~1/s for ${seconds} s: p99 push`, value: percentile(pushMs, 99), unit: 'ms', max: 250, note: `${pushes} pushes, p50 ${percentile(pushMs, 50).toFixed(1)} ms` },
        { name: 'change visible on a teammate (event → pull): p95', value: percentile(visibleMs, 95), unit: 'ms', max: 2000, note: `p50 ${percentile(visibleMs, 50).toFixed(0)} ms, ${visibleMs.length} of ${pushes} seen${neverVisible ? `, ${neverVisible} never` : ''}` },
        { name: 'errors (requests, streams ended unasked)', value: errors + unexpectedEnds + neverVisible, unit: '×', max: 0, note: errors ? `first: ${firstError}` : `${unexpectedEnds} streams ended, ${neverVisible} pushes never seen` },
        { name: 'server memory per 1,000 idle connections', value: perThousand, unit: 'MB', note: `${memoryBefore.map((m) => m.toFixed(0)).join(' + ')} MB → ${memoryAfter.map((m) => m.toFixed(0)).join(' + ')} MB for ${laptops.length} streams` },
        { name: 'version lock held per push: p50', value: percentile(lockMs, 50), unit: 'ms', note: `p99 ${percentile(lockMs, 99).toFixed(2)} ms (Server-Timing)` },
        { name: 'one team, 19 laptops back to back: lock held p99', value: percentile(contendedLock, 99), unit: 'ms', note: `p50 ${percentile(contendedLock, 50).toFixed(2)} ms; push p50 ${percentile(contendedPush, 50).toFixed(0)} ms, p99 ${percentile(contendedPush, 99).toFixed(0)} ms; ${(contendedPush.length / 10).toFixed(0)} pushes/s` },
        { name: `restart one server: last of ${dropped.length} laptops reconnected`, value: Math.max(...reconnectMs) / 1000, unit: 's', max: 30, note: `${notReconnected} never; the server was back in ${(restartMs / 1000).toFixed(1)} s` },
        { name: 'reconnects: busiest second (no thundering herd)', value: peak, unit: '×', note: `spread over ${(spread / 1000).toFixed(1)} s, ${(times.length / Math.max(1, spread / 1000)).toFixed(0)}/s on average; the app's reconnect policy: full jitter within the server's retry (${SERVER_RETRY_MS / 1000} s), doubling after a refusal` },
      ];
      return results;
    } finally {
      readers.forEach((reader) => reader.close());
      await Promise.all(servers.map((s) => s.stop()));
      await scratch.drop();
    }
  },
};

function mutationOf(laptop: Laptop) {
  return {
    mutationId: laptop.nextMutationId++,
    table: 'accounts' as const,
    rowId: uuidv7(),
    op: 'upsert' as const,
    fields: { name: `客户 ${laptop.index}-${laptop.nextMutationId}`, tier: 'B' },
    baseVersion: null,
    clientTime: new Date().toISOString(),
  };
}

export const liveSyncBenchmarks: BenchModule[] = [liveSyncBench];
