/**
 * A local change goes to the server within about two seconds, not at the next interval: each change
 * (an outbox entry) waits `quietMs` for the next one, so that a burst of changes (a visit with its
 * notes, an import) goes out as one batch; under continuous changes it still fires `maxWaitMs` after
 * the first change of the burst.
 */
import type { Timers } from './loop.js';

export const PUSH_QUIET_MS = 1_500;
export const PUSH_MAX_WAIT_MS = 2_000;

export class PushSoon {
  private quiet: unknown = null;
  private deadline: unknown = null;

  constructor(
    private readonly fire: () => void,
    private readonly timers: Timers,
    private readonly quietMs = PUSH_QUIET_MS,
    private readonly maxWaitMs = PUSH_MAX_WAIT_MS,
  ) {}

  /** a change was made */
  changed(): void {
    if (this.quiet !== null) this.timers.clear(this.quiet);
    this.quiet = this.timers.set(() => this.flush(), this.quietMs);
    this.deadline ??= this.timers.set(() => this.flush(), this.maxWaitMs);
  }

  get waiting(): boolean {
    return this.quiet !== null;
  }

  cancel(): void {
    for (const timer of [this.quiet, this.deadline]) if (timer !== null) this.timers.clear(timer);
    this.quiet = this.deadline = null;
  }

  private flush(): void {
    this.cancel();
    this.fire();
  }
}
