/** When the sync loop runs: never two at once, backoff with jitter after failures, /health before retrying. */
import { describe, expect, it } from 'vitest';
import { SyncLoop, type Timers } from '../../../db/sync/loop.js';

/** Timers a test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    set: (callback, ms) => {
      pending.set((next += 1), { callback, ms });
      return next;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  return {
    timers,
    delays: () => [...pending.values()].map((timer) => timer.ms),
    async fire() {
      const [id, timer] = [...pending.entries()][0]!;
      pending.delete(id);
      timer.callback();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

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
    await clock.fire(); // /health does not answer: no sync is attempted
    expect(runs).toBe(1);
    expect(clock.delays()).toEqual([2_000]);
    await clock.fire();
    await clock.fire();
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
