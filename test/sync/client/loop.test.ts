/** When the sync loop runs: never two at once, backoff with jitter after failures, /health before retrying. */
import { describe, expect, it } from 'vitest';
import { SyncLoop } from '../../../db/sync/loop.js';
import { manualTimers } from './manualTimers.js';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('SyncLoop', () => {
  it('joins a running sync instead of starting a second one', async () => {
    const gate = deferred();
    let runs = 0;
    const clock = manualTimers();
    const loop = new SyncLoop({ run: async () => { runs += 1; await gate.promise; }, reachable: async () => true, intervalMs: 60_000, timers: clock.timers });
    loop.start();
    const second = loop.syncNow();
    expect(loop.running).toBe(true);
    gate.resolve();
    await second;
    expect(runs).toBe(1);
    expect(clock.delays()).toEqual([60_000]);
  });

  it('backs off exponentially with jitter, probes /health before retrying, and resets after a success', async () => {
    let failing = true;
    let reachable = false;
    let runs = 0;
    const clock = manualTimers();
    const loop = new SyncLoop({
      run: async () => {
        runs += 1;
        if (failing) throw new Error('offline');
      },
      reachable: async () => reachable,
      intervalMs: 60_000,
      backoffBaseMs: 1_000,
      backoffMaxMs: 8_000,
      random: () => 1,
      timers: clock.timers,
    });
    loop.start();
    await loop.syncNow();
    expect(clock.delays()).toEqual([1_000]);
    await clock.fireAndSettle(); // /health does not answer: no sync is attempted
    expect(runs).toBe(1);
    expect(clock.delays()).toEqual([2_000]);
    await clock.fireAndSettle();
    await clock.fireAndSettle();
    expect(clock.delays()).toEqual([8_000]); // capped
    reachable = true;
    failing = false;
    await loop.online();
    expect(runs).toBe(2);
    expect(loop.failureCount).toBe(0);
    expect(clock.delays()).toEqual([60_000]);
  });

  it('puts between half and all of the backoff delay at random', () => {
    const low = new SyncLoop({ run: async () => {}, reachable: async () => true, intervalMs: 1, backoffBaseMs: 1_000, random: () => 0 });
    const high = new SyncLoop({ run: async () => {}, reachable: async () => true, intervalMs: 1, backoffBaseMs: 1_000, random: () => 0.999 });
    expect(low.backoffDelay(3)).toBe(2_000);
    expect(high.backoffDelay(3)).toBeCloseTo(3_998, 0);
  });

  it('schedules nothing once stopped', async () => {
    const clock = manualTimers();
    const loop = new SyncLoop({ run: async () => {}, reachable: async () => true, intervalMs: 60_000, timers: clock.timers });
    loop.start();
    loop.stop();
    await loop.syncNow();
    expect(clock.delays()).toEqual([]);
  });
});
