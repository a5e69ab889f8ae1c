/**
 * Live team sync: a local change is pushed about 1.5 s after it (at most 2 s into a burst), the
 * server's change stream (Server-Sent Events) makes a laptop pull as soon as its team has new rows,
 * and the stream reconnects with full jitter, survives silent proxies through its heartbeat, and
 * gives way to polling when it cannot be held.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { insertAccount } from '../../../db/repo/accounts.js';
import { insertNote } from '../../../db/repo/notes.js';
import { SyncController, type SyncControllerOptions } from '../../../db/sync/controller.js';
import { SseParser, TeamEvents, type SseEvent, type UpdatesMode } from '../../../db/sync/events.js';
import { SyncLoop } from '../../../db/sync/loop.js';
import { manualTimers } from './manualTimers.js';
import { memoryTokenStore, type TokenStore } from '../../../db/sync/tokens.js';
import { countPending } from '../../../db/synced/outbox.js';
import { FakeEventsServer } from './fakeEvents.js';
import { FakeSyncServer } from './fakeServer.js';

const NOW = '2026-11-23T02:00:00.000Z';
const account = (name: string) =>
  ({ name, tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: '上海', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null }) as const;

/** A seeded pseudo-random sequence (mulberry32), so that a jitter test is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Laptop {
  db: Db;
  tokens: TokenStore;
  controller: SyncController;
}

const laptops: Array<Laptop & { dir: string }> = [];
const servers: FakeEventsServer[] = [];

async function laptop(options: Omit<SyncControllerOptions, 'db' | 'tokens'>, user = 'wang'): Promise<Laptop> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-live-'));
  const db = openDatabase(path.join(dir, 'rounds.sqlite'));
  const tokens = memoryTokenStore();
  const controller = new SyncController({ db, tokens, deviceName: 'test laptop', ...options });
  laptops.push({ db, tokens, controller, dir });
  // As the app's window does by asking for the status.
  controller.holdLiveUpdates();
  await controller.signIn({ serverUrl: 'http://sync.test', username: user, password: 'secret' });
  await controller.idle();
  return { db, tokens, controller };
}

async function eventsServer(): Promise<FakeEventsServer> {
  const server = await new FakeEventsServer().listen();
  servers.push(server);
  return server;
}

let sync: FakeSyncServer;
beforeEach(() => {
  sync = new FakeSyncServer();
  sync.addUser('wang', 'secret');
});
afterEach(async () => {
  vi.useRealTimers();
  for (const { controller, db, dir } of laptops.splice(0)) {
    controller.stop();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  for (const server of servers.splice(0)) await server.close();
});

describe('the event-stream format', () => {
  it('reads events split anywhere: CRLF across chunks, CR alone, multi-line data, comments, retry, fields without a space or value', () => {
    const events: SseEvent[] = [];
    const parser = new SseParser((event) => events.push(event));
    for (const chunk of [': ping\r', '\n', 'retry: 5000\r\n\r\n', 'event: changed\r\ndata: {"version":\r\ndata:3}\r\n\r', '\nevent:ready\rdata\r\rid: 7\ndata: x\n\n', 'data: not ended yet']) {
      parser.feed(chunk);
    }
    expect(events).toEqual([
      { type: 'changed', data: '{"version":\n3}', id: '' },
      { type: 'ready', data: '', id: '' },
      { type: 'message', data: 'x', id: '7' },
    ]);
    expect(JSON.parse(events[0]!.data)).toEqual({ version: 3 });
    expect(parser.retryMs).toBe(5000);
    parser.feed('\n\n');
    expect(events.at(-1)).toEqual({ type: 'message', data: 'not ended yet', id: '7' });
  });
});

describe('a sync requested while one runs', () => {
  it('is followed by exactly one more, however many requests came meanwhile', async () => {
    let release!: () => void;
    let runs = 0;
    const clock = manualTimers();
    const loop = new SyncLoop({
      run: async () => {
        runs += 1;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
      },
      reachable: async () => true,
      intervalMs: 60_000,
      timers: clock.timers,
    });
    loop.start();
    for (let i = 0; i < 5; i += 1) loop.request();
    expect(runs).toBe(1);
    release();
    await vi.waitFor(() => expect(loop.running).toBe(false));
    expect(runs).toBe(2);
    loop.stop();
  });
});

describe('a local change', () => {
  it('is pushed 1.5 s after the last change, at most 2 s after the first of a burst, in one batch, only while syncing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const a = await laptop({ fetch: sync.fetch, events: false, intervalMs: 3_600_000, pollIntervalMs: 3_600_000 });
    const pushes = () => sync.pushStatuses.length;
    const before = pushes();

    const acc = insertAccount(a.db, account('华东电力'), NOW);
    await vi.advanceTimersByTimeAsync(1_499);
    expect(pushes()).toBe(before);
    expect(countPending(a.db)).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await a.controller.idle();
    expect(pushes()).toBe(before + 1);
    expect(countPending(a.db)).toBe(0);

    // Typing on: a note every 500 ms. The burst goes out 2 s after its first change, as one request.
    for (let i = 0; i < 4; i += 1) {
      insertNote(a.db, { accountId: acc.id, visitId: null, contactId: null, body: `note ${i}` }, NOW);
      if (i < 3) await vi.advanceTimersByTimeAsync(500);
    }
    await vi.advanceTimersByTimeAsync(499);
    expect(pushes()).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(1);
    await a.controller.idle();
    expect(pushes()).toBe(before + 2);
    expect(countPending(a.db)).toBe(0);
    expect(sync.liveRows('notes')).toHaveLength(4);

    // The loop stopped (signed out, the CLI): changes wait.
    a.controller.stop();
    insertNote(a.db, { accountId: acc.id, visitId: null, contactId: null, body: 'later' }, NOW);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pushes()).toBe(before + 2);
    expect(countPending(a.db)).toBe(1);
  });
});

describe('the team change stream', () => {
  it('is held only once an app shows the status: a command reading the data (rounds agenda) opens none', async () => {
    const events = await eventsServer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-live-'));
    const db = openDatabase(path.join(dir, 'rounds.sqlite'));
    const controller = new SyncController({ db, tokens: memoryTokenStore(), fetch: events.fetchWith(sync) });
    laptops.push({ db, tokens: memoryTokenStore(), controller, dir });
    await controller.signIn({ serverUrl: 'http://sync.test', username: 'wang', password: 'secret' });
    await controller.idle();
    expect(events.requests).toHaveLength(0);
    expect(controller.status().updates).toBe('polling');
    controller.holdLiveUpdates();
    await vi.waitFor(() => expect(controller.status().updates).toBe('live'));
    expect(events.openStreams).toBe(1);
  });

  it('a note saved on laptop A reaches laptop B without B doing anything, and B’s screens are told to reload', async () => {
    const events = await eventsServer();
    // The server announces a new version after every push it answers.
    const fetchWith = events.fetchWith(sync);
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const response = await fetchWith(input, init);
      if (new URL(String(input)).pathname === '/v1/sync/push' && response.ok) events.changed();
      return response;
    };
    const options = { fetch, pushQuietMs: 20, pushMaxWaitMs: 40 };
    const a = await laptop(options);
    const b = await laptop(options);
    await vi.waitFor(() => expect(b.controller.status().updates).toBe('live'));
    const shownBefore = b.controller.status().dataVersion!;

    const acc = insertAccount(a.db, account('杭州云栖'), NOW);
    insertNote(a.db, { accountId: acc.id, visitId: null, contactId: null, body: '客户想要二期报价' }, NOW);
    await vi.waitFor(() => expect(b.db.prepare('SELECT body FROM notes').pluck().all()).toEqual(['客户想要二期报价']), { timeout: 5_000 });
    await b.controller.idle();
    expect(b.controller.status().dataVersion).toBeGreaterThan(shownBefore);
    expect(b.controller.status()).toMatchObject({ updates: 'live', pending: 0, lastError: null });
  });

  it('reconnects when the heartbeat stops, after a jittered wait based on the server’s retry', async () => {
    const events = await eventsServer();
    const clock = manualTimers();
    const versions: number[] = [];
    const modes: UpdatesMode[] = [];
    const stream = new TeamEvents({
      open: (signal) => fetch(`${events.url}/v1/sync/events`, { headers: { authorization: 'Bearer t' }, signal }),
      onVersion: (version) => versions.push(version),
      onMode: (mode) => modes.push(mode),
      timers: clock.timers,
      random: () => 0.25,
    });
    events.version = 4;
    stream.start();
    await vi.waitFor(() => expect(versions).toEqual([4]));
    expect(stream.mode).toBe('live');
    events.send(': ping\n\n');
    events.changed();
    await vi.waitFor(() => expect(versions).toEqual([4, 5]));
    // Silence: after 45 s without a byte the stream is given up and reopened 0.25 × 5 s later (retry: 5000).
    clock.fire((ms) => ms === 45_000);
    await vi.waitFor(() => expect(clock.delays()).toContain(1_250));
    expect(stream.mode).toBe('connecting');
    clock.fire((ms) => ms === 1_250);
    await vi.waitFor(() => expect(versions).toEqual([4, 5, 5]));
    expect(events.connections).toBe(2);
    expect(modes).toEqual(['live', 'connecting', 'live']);
    stream.stop();
  });

  it('backs off with full jitter, falls back to polling after five failures, and tries the stream again later', async () => {
    const events = await eventsServer();
    events.failWith = 502;
    const clock = manualTimers();
    const modes: UpdatesMode[] = [];
    const stream = new TeamEvents({
      open: (signal) => fetch(`${events.url}/v1/sync/events`, { headers: { authorization: 'Bearer t' }, signal }),
      onVersion: () => undefined,
      onMode: (mode) => modes.push(mode),
      timers: clock.timers,
      random: () => 0.5,
    });
    stream.start();
    const waits: number[] = [];
    for (let failure = 1; failure <= 4; failure += 1) {
      await vi.waitFor(() => expect(clock.delays().filter((ms) => ms !== 45_000)).toHaveLength(1));
      const wait = clock.delays().find((ms) => ms !== 45_000)!;
      waits.push(wait);
      clock.fire((ms) => ms === wait);
    }
    // Half of 1 s, 2 s, 4 s, 8 s: doubling, a random point below each ceiling.
    expect(waits).toEqual([500, 1_000, 2_000, 4_000]);
    // The fifth failure: polling, and the stream again after 5 min × (0.5 + 0.5 × random).
    await vi.waitFor(() => expect(clock.delays()).toContain(225_000));
    expect(modes).toEqual(['polling']);
    events.failWith = null;
    clock.fire((ms) => ms === 225_000);
    await vi.waitFor(() => expect(stream.mode).toBe('live'));
    stream.stop();
  });

  it('a server restart closing every stream at once is followed by reconnects spread over the whole window', async () => {
    const events = await eventsServer();
    const clients = Array.from({ length: 20 }, (_, index) => {
      const clock = manualTimers();
      const stream = new TeamEvents({
        open: (signal) => fetch(`${events.url}/v1/sync/events`, { headers: { authorization: 'Bearer t' }, signal }),
        onVersion: () => undefined,
        timers: clock.timers,
        random: seeded(index + 1),
      });
      stream.start();
      return { clock, stream };
    });
    await vi.waitFor(() => expect(clients.every(({ stream }) => stream.mode === 'live')).toBe(true));
    events.closeAll();
    await vi.waitFor(() => expect(clients.every(({ stream }) => stream.mode === 'connecting')).toBe(true));
    const waits = clients.map(({ clock }) => clock.delays().find((ms) => ms !== 45_000)!);
    // Within the server's retry (5 s), all different, over most of the window, never many in one 250 ms slot.
    expect(waits.every((ms) => ms >= 0 && ms < 5_000)).toBe(true);
    expect(new Set(waits).size).toBe(20);
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(3_500);
    const slots = new Map<number, number>();
    for (const ms of waits) slots.set(Math.floor(ms / 250), (slots.get(Math.floor(ms / 250)) ?? 0) + 1);
    expect(Math.max(...slots.values())).toBeLessThanOrEqual(3);
    for (const { clock, stream } of clients) {
      clock.fire((ms) => ms !== 45_000);
      await vi.waitFor(() => expect(stream.mode).toBe('live'));
    }
    expect(events.openStreams).toBe(20);
    for (const { stream } of clients) stream.stop();
  });

  it('an older server without the stream (404): the laptop polls every 30 s and tries the stream again later', async () => {
    const clock = manualTimers();
    const a = await laptop({ fetch: sync.fetch, timers: clock.timers, random: () => 0 });
    await vi.waitFor(() => expect(a.controller.status().updates).toBe('polling'));
    expect(clock.delays()).toContain(30_000);
    // The stream again in 2.5 min (5 min × (0.5 + 0.5 × 0)).
    expect(clock.delays()).toContain(150_000);
  });

  it('a refused token is refreshed once as push and pull do; refused again, the stream stops and the status asks to sign in', async () => {
    const events = await eventsServer();
    let refusals = 1;
    events.authorize = () => refusals-- <= 0;
    const clock = manualTimers();
    const a = await laptop({ fetch: events.fetchWith(sync), timers: clock.timers, random: () => 0.1 });
    await vi.waitFor(() => expect(a.controller.status().updates).toBe('live'));
    expect(events.requests).toHaveLength(2);
    expect(events.requests[1]!.token).not.toBe(events.requests[0]!.token);

    // The session ends on the server: the refresh is refused too.
    events.authorize = () => false;
    a.tokens.save({ ...a.tokens.load()!, refreshToken: 'revoked' });
    events.closeAll();
    await vi.waitFor(() => expect(clock.delays()).toContain(500));
    clock.fire((ms) => ms === 500);
    await vi.waitFor(() => expect(a.controller.status().state).toBe('signed_out'));
    expect(a.controller.status()).toMatchObject({ lastError: 'sync:errors.signed_out' });
    expect(a.controller.status().updates).toBeUndefined();
  });
});
