/**
 * When to sync: on start, on "Sync now", every `intervalMs`, and when the network comes back (checked
 * against the server's `/health`, since the OS flag only says a network exists). After a failure it
 * retries with exponential backoff and jitter, and never runs two syncs at once.
 */

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending sync must not keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SyncLoopOptions {
  /** one sync; throws on failure */
  run: () => Promise<unknown>;
  /** whether the server answers at all */
  reachable: () => Promise<boolean>;
  intervalMs: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  random?: () => number;
  timers?: Timers;
}

export class SyncLoop {
  private current: Promise<void> | null = null;
  private timer: unknown = null;
  private failures = 0;
  private stopped = true;
  private readonly timers: Timers;

  constructor(private readonly options: SyncLoopOptions) {
    this.timers = options.timers ?? realTimers;
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** consecutive failed attempts (0 after a success) */
  get failureCount(): number {
    return this.failures;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.syncNow();
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer();
  }

  /** Syncs now, or joins the sync already running. Resolves when it is over (failures are recorded, not thrown). */
  syncNow(): Promise<void> {
    this.current ??= this.attempt().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  /** The OS reports a network again: sync at once if the server answers (skipping the backoff wait). */
  async online(): Promise<void> {
    if (this.stopped || this.current) return;
    if (await this.options.reachable()) await this.syncNow();
  }

  /** The delay before retry number `failures` (1, 2, …): doubling, capped, with half of it random. */
  backoffDelay(failures: number): number {
    const base = this.options.backoffBaseMs ?? 5_000;
    const capped = Math.min(this.options.backoffMaxMs ?? 15 * 60_000, base * 2 ** (failures - 1));
    return capped / 2 + (this.options.random ?? Math.random)() * (capped / 2);
  }

  private async attempt(): Promise<void> {
    this.cancelTimer();
    try {
      // After a failure, a cheap probe first: no point pushing into a network that is not there.
      if (this.failures > 0 && !(await this.options.reachable())) throw new Error('unreachable');
      await this.options.run();
      this.failures = 0;
      this.schedule(this.options.intervalMs);
    } catch {
      this.failures += 1;
      this.schedule(this.backoffDelay(this.failures));
    }
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    if (this.stopped) return;
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.syncNow();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
