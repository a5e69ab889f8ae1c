/** Timers a test fires by hand, for the sync loop and the live-sync client (`Timers` of db/sync/loop.ts). */
import type { Timers } from '../../../db/sync/loop.js';

export function manualTimers() {
  const pending = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    set: (callback, ms) => {
      pending.set((next += 1), { callback, ms });
      return next;
    },
    clear: (handle) => pending.delete(handle as number),
  };
  /** fires the oldest pending timer whose delay matches (any, by default) */
  const fire = (match: (ms: number) => boolean = () => true): void => {
    const entry = [...pending.entries()].find(([, timer]) => match(timer.ms));
    if (!entry) throw new Error(`no such timer among ${[...pending.values()].map((timer) => timer.ms).join(', ')}`);
    pending.delete(entry[0]);
    entry[1].callback();
  };
  return {
    timers,
    delays: () => [...pending.values()].map((timer) => timer.ms),
    fire,
    /** fires the oldest pending timer, then lets what it started run on */
    async fireAndSettle(): Promise<void> {
      fire();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}
