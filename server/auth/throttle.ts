/**
 * Slowing down password guessing, in memory per server process (several servers behind a balancer
 * each keep their own counts; at the product's scale that only multiplies the allowance by the
 * number of processes): a username with too many failed sign-ins in a window is refused, right
 * password or not, until the window has passed; and at most a few scrypt computations run at once,
 * so a flood of sign-ins cannot take the threadpool and CPU that pushes and pulls need.
 */
import { ServerError } from '../errors.js';

export interface ThrottleOptions {
  /** failed sign-ins of one username allowed in `failureWindowMs` before it is locked (default 5) */
  maxFailures?: number;
  /** default 15 minutes */
  failureWindowMs?: number;
  /** sign-in (and refresh) attempts per address per `addressWindowMs` (default 20 a minute) */
  maxPerAddress?: number;
  addressWindowMs?: number;
  /** password hashes computed at once (default 2) and waiting for a turn (default 8); beyond that, 429 at once */
  maxConcurrentHashes?: number;
  maxQueuedHashes?: number;
}

export const DEFAULT_THROTTLE = {
  maxFailures: 5,
  failureWindowMs: 15 * 60_000,
  maxPerAddress: 20,
  addressWindowMs: 60_000,
  maxConcurrentHashes: 2,
  maxQueuedHashes: 8,
} as const satisfies Required<ThrottleOptions>;

/** 429 with the seconds to wait (`Retry-After`). */
export class TooManyAttempts extends ServerError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_attempts', 'sync.server.tooManyAttempts');
  }
  override toBody() {
    return { ...super.toBody(), retryAfter: this.retryAfterSeconds };
  }
}

/** Failed sign-ins per username: after `maxFailures` within the window, every attempt is refused until the oldest counted failure leaves it. */
export class FailedSignIns {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => Date,
  ) {}

  private recent(username: string): number[] {
    const since = this.now().getTime() - this.windowMs;
    const kept = (this.failures.get(username) ?? []).filter((at) => at > since);
    if (kept.length === 0) this.failures.delete(username);
    else this.failures.set(username, kept);
    return kept;
  }

  /** throws `TooManyAttempts` while the username is locked */
  check(username: string): void {
    const recent = this.recent(username);
    if (recent.length < this.maxFailures) return;
    // Locked until enough of the counted failures have left the window.
    const unlockAt = recent[recent.length - this.maxFailures]! + this.windowMs;
    throw new TooManyAttempts(Math.max(1, Math.ceil((unlockAt - this.now().getTime()) / 1000)));
  }

  failed(username: string): void {
    const recent = this.recent(username);
    recent.push(this.now().getTime());
    this.failures.set(username, recent);
    // Bounded memory under a flood of made-up usernames: forget the oldest entries.
    if (this.failures.size > 100_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }
}

/** At most `concurrency` tasks at once, `queue` more waiting; beyond that `TooManyAttempts` at once. */
export class HashGate {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new TooManyAttempts(1);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
