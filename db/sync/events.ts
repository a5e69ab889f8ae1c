/**
 * Live team updates: the server's `GET /v1/sync/events` stream (Server-Sent Events) says when the
 * team's version advances, and the sync client pulls then instead of at its next interval.
 *
 * The stream is `retry: <ms>`, `event: ready` with `data: {"version":N}`, `event: changed` with the
 * same data whenever the version advances, and `: ping` comments every 15 s so that a reverse proxy
 * keeps the connection open. No byte for `heartbeatTimeoutMs` (45 s), or the stream ending or
 * failing: reconnect after an exponential delay with full jitter (so that a server restart, which
 * closes every laptop's stream at once, is not followed by every laptop at the same instant). A
 * server without the route (404), or a stream failing `maxFailures` times in a row (a proxy that
 * buffers or cuts it): the mode becomes `polling` (the sync loop then syncs more often) and the
 * stream is tried again after `fallbackRetryMs`.
 */
import { SyncError } from './http.js';
import type { Timers } from './loop.js';

export interface SseEvent {
  /** `message` when the event names no type */
  type: string;
  data: string;
  id: string;
}

/**
 * The event-stream format (WHATWG HTML, "Server-sent events"): lines end in CRLF, LF or CR (a CRLF
 * may be split across chunks); a blank line dispatches the event; `data` lines join with LF; a line
 * starting with `:` is a comment; `field` without a colon has an empty value; one space after the
 * colon is dropped; `retry` takes digits only.
 */
export class SseParser {
  private buffer = '';
  /** the last chunk ended in CR: a LF opening the next one ends no further line */
  private pendingCr = false;
  private type = '';
  private data: string[] = [];
  private lastId = '';
  /** the reconnection time the server asked for (`retry:`), if any */
  retryMs: number | null = null;

  constructor(private readonly onEvent: (event: SseEvent) => void) {}

  feed(chunk: string): void {
    let text = chunk;
    if (this.pendingCr) {
      this.pendingCr = false;
      if (text.startsWith('\n')) text = text.slice(1);
    }
    this.buffer += text;
    const endOfLine = /\r\n|\r|\n/g;
    let start = 0;
    for (let match = endOfLine.exec(this.buffer); match; match = endOfLine.exec(this.buffer)) {
      const line = this.buffer.slice(start, match.index);
      start = match.index + match[0].length;
      if (match[0] === '\r' && start === this.buffer.length) this.pendingCr = true;
      this.line(line);
    }
    this.buffer = this.buffer.slice(start);
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }

  private dispatch(): void {
    const data = this.data;
    const type = this.type;
    this.data = [];
    this.type = '';
    if (data.length === 0) return;
    this.onEvent({ type: type || 'message', data: data.join('\n'), id: this.lastId });
  }
}

/** `live`: the stream is held; `connecting`: opening or reopening it; `polling`: given up on it for now. */
export type UpdatesMode = 'connecting' | 'live' | 'polling';

export interface TeamEventsOptions {
  /** opens the stream: `GET /v1/sync/events` with the bearer token (`SyncConnection.openEvents`) */
  open: (signal: AbortSignal) => Promise<Response>;
  /** the server's team version, from `ready` (on every connect) or `changed` */
  onVersion: (version: number, event: 'ready' | 'changed') => void;
  onMode?: (mode: UpdatesMode) => void;
  /** the session is over (`signed_out`): the stream stops, and only signing in again helps */
  onSignedOut?: (error: SyncError) => void;
  timers: Timers;
  random?: () => number;
  heartbeatTimeoutMs?: number;
  /** the first reconnect waits up to this (or the server's `retry:`, within 1 s – `backoffMaxMs`) */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** failures in a row before falling back to polling */
  maxFailures?: number;
  /** how long polling lasts before the stream is tried again (half of it random) */
  fallbackRetryMs?: number;
  /** a stream held this long counts as working: the failures before it are forgotten */
  healthyAfterMs?: number;
}

type EventsTimings = Required<Pick<TeamEventsOptions, 'heartbeatTimeoutMs' | 'backoffBaseMs' | 'backoffMaxMs' | 'maxFailures' | 'fallbackRetryMs' | 'healthyAfterMs'>>;

export const EVENTS_DEFAULTS: EventsTimings = {
  heartbeatTimeoutMs: 45_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 60_000,
  maxFailures: 5,
  fallbackRetryMs: 5 * 60_000,
  healthyAfterMs: 20_000,
};

/**
 * The wait before the reconnect attempt after `failures` failures in a row: full jitter, a random point
 * between 0 and the doubling ceiling (base: the server's `retry:` if it sent one, within 1 s – max).
 * A function of its own so that the live-sync benchmark reconnects its 1,000 laptops exactly as the app does.
 */
export function reconnectDelay(
  failures: number,
  policy: { backoffBaseMs: number; backoffMaxMs: number; serverRetryMs: number | null; random: () => number },
): number {
  const base = Math.min(policy.backoffMaxMs, Math.max(1_000, policy.serverRetryMs ?? policy.backoffBaseMs));
  return policy.random() * Math.min(policy.backoffMaxMs, base * 2 ** (failures - 1));
}

/** Statuses that say the server has no such stream (an older server): no point retrying soon. */
const UNSUPPORTED = new Set([404, 405, 501]);

export class TeamEvents {
  private stopped = true;
  private failures = 0;
  private modeValue: UpdatesMode = 'connecting';
  /** each connection's number: callbacks of an abandoned one do nothing */
  private generation = 0;
  private abort: AbortController | null = null;
  private watchdog: unknown = null;
  private healthy: unknown = null;
  private retry: unknown = null;
  private serverRetryMs: number | null = null;
  private readonly settings: EventsTimings & { timers: Timers; random: () => number };

  constructor(private readonly options: TeamEventsOptions) {
    const given = Object.fromEntries(Object.entries(options).filter(([key, value]) => key in EVENTS_DEFAULTS && value !== undefined));
    this.settings = { ...EVENTS_DEFAULTS, ...given, timers: options.timers, random: options.random ?? Math.random };
  }

  get mode(): UpdatesMode {
    return this.modeValue;
  }

  /** consecutive failed connections (0 once a stream has been held for a while) */
  get failureCount(): number {
    return this.failures;
  }

  get running(): boolean {
    return !this.stopped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.failures = 0;
    this.setMode('connecting');
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.generation += 1;
    this.abort?.abort();
    this.abort = null;
    for (const timer of [this.watchdog, this.healthy, this.retry]) if (timer !== null) this.settings.timers.clear(timer);
    this.watchdog = this.healthy = this.retry = null;
  }

  /** The wait before the reconnect attempt after `failures` failures in a row (`reconnectDelay`). */
  reconnectDelay(failures: number): number {
    return reconnectDelay(failures, { ...this.settings, serverRetryMs: this.serverRetryMs });
  }

  private setMode(mode: UpdatesMode): void {
    if (mode === this.modeValue) return;
    this.modeValue = mode;
    this.options.onMode?.(mode);
  }

  private async connect(): Promise<void> {
    this.retry = null;
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.stopped;
    const abort = new AbortController();
    this.abort = abort;
    // A server or proxy that never answers counts as a silent stream.
    this.armWatchdog(abort);
    let response: Response;
    try {
      response = await this.options.open(abort.signal);
    } catch (error) {
      if (!current()) return;
      if (error instanceof SyncError && error.code === 'signed_out') return this.signedOut(error);
      return this.failed();
    }
    if (!current()) {
      void response.body?.cancel().catch(() => undefined);
      return;
    }
    if (UNSUPPORTED.has(response.status)) {
      void response.body?.cancel().catch(() => undefined);
      this.failures = Math.max(this.failures, this.settings.maxFailures - 1);
      return this.failed();
    }
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      void response.body?.cancel().catch(() => undefined);
      return this.failed();
    }
    const parser = new SseParser((event) => {
      if (current()) this.event(event);
    });
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (!current() || done) break;
        this.armWatchdog(abort);
        parser.feed(decoder.decode(value, { stream: true }));
        if (parser.retryMs !== null) this.serverRetryMs = parser.retryMs;
      }
    } catch {
      // Aborted by the watchdog or by stop(), or the connection broke: the same as an end.
    }
    reader.releaseLock();
    if (current()) this.failed();
  }

  private event(event: SseEvent): void {
    if (event.type !== 'ready' && event.type !== 'changed') return;
    let version: unknown;
    try {
      version = (JSON.parse(event.data) as { version?: unknown }).version;
    } catch {
      return;
    }
    if (typeof version !== 'number' || !Number.isFinite(version)) return;
    if (event.type === 'ready') {
      this.setMode('live');
      this.clear('healthy');
      this.healthy = this.settings.timers.set(() => {
        this.healthy = null;
        this.failures = 0;
      }, this.settings.healthyAfterMs);
    }
    this.options.onVersion(version, event.type);
  }

  private armWatchdog(abort: AbortController): void {
    this.clear('watchdog');
    this.watchdog = this.settings.timers.set(() => {
      this.watchdog = null;
      abort.abort();
    }, this.settings.heartbeatTimeoutMs);
  }

  private clear(name: 'watchdog' | 'healthy' | 'retry'): void {
    if (this[name] !== null) this.settings.timers.clear(this[name]);
    this[name] = null;
  }

  private failed(): void {
    this.clear('watchdog');
    this.clear('healthy');
    this.abort = null;
    this.failures += 1;
    let delay: number;
    if (this.failures >= this.settings.maxFailures) {
      this.setMode('polling');
      delay = this.settings.fallbackRetryMs * (0.5 + this.settings.random() / 2);
    } else {
      if (this.modeValue === 'live') this.setMode('connecting');
      delay = this.reconnectDelay(this.failures);
    }
    this.retry = this.settings.timers.set(() => void this.connect(), delay);
  }

  private signedOut(error: SyncError): void {
    this.stop();
    this.options.onSignedOut?.(error);
  }
}

