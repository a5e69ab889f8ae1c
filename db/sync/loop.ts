/**
 * When to sync: on start, on "Sync now", every `intervalMs`, when the network comes back (checked
 * against the server's `/health`, since the OS flag only says a network exists), and on `request()`
 * (a local change to push, the server saying the team has new rows). After a failure it retries with
 * exponential backoff and jitter, and never runs two syncs at once.
 */

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realTimers: Timers = {
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
  /** a request came while a sync ran: one more sync follows it */
  private again = false;
  private intervalMs: number;
  private readonly timers: Timers;

  constructor(private readonly options: SyncLoopOptions) {
    this.timers = options.timers ?? realTimers;
    this.intervalMs = options.intervalMs;
  }

  /** started and not stopped since */
  get active(): boolean {
    return !this.stopped;
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
    this.again = false;
    this.cancelTimer();
  }

  /**
   * A sync is wanted because something changed (here or on the server). Coalesced: with none running
   * one starts now; while one runs, exactly one more follows it, however many requests came meanwhile
   * (the running one may have passed the point where it would have seen the change). Ignored while
   * stopped, and during a failure's backoff (the retry will carry the change) unless `evenInBackoff`
   * (the server has just answered, so the wait is pointless).
   */
  request(evenInBackoff = false): void {
    if (this.stopped) return;
    if (this.current) {
      this.again = true;
      return;
    }
    if (this.failures > 0 && !evenInBackoff) return;
    void this.syncNow();
  }

  /** The regular interval from the next success on (polling more often while live updates are not held). */
  setInterval(ms: number): void {
    if (ms === this.intervalMs) return;
    const shorter = ms < this.intervalMs;
    this.intervalMs = ms;
    // A shorter interval takes effect now, not after the long wait already scheduled.
    if (shorter && !this.stopped && !this.current && this.failures === 0 && this.timer !== null) this.schedule(ms);
  }

  /** Syncs now, or joins the sync already running. Resolves when it is over (failures are recorded, not thrown). */
  syncNow(): Promise<void> {
    this.current ??= this.attempt().finally(() => {
      this.current = null;
      if (this.again && !this.stopped && this.failures === 0) {
        this.again = false;
        void this.syncNow();
      }
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
      this.schedule(this.intervalMs);
    } catch {
      this.again = false;
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
