/**
 * `GET /v1/sync/events`: a Server-Sent Events stream telling a laptop that its team has new rows
 * (`event: changed`, `data: {"version":n}`); the laptop then pulls. It starts with `retry: 5000` and
 * `event: ready` (the team's current version) at once, so a proxy that holds the headers back still
 * passes something; a `: ping` comment every `heartbeatMs` (15 s) keeps proxies and NATs from closing
 * it as idle. No database work per stream once it is open: one listener per stream on the process's
 * `TeamChanges`, and one timer for all streams that sends the pings and ends each stream whose access
 * token has expired (its laptop reconnects with a fresh one, and a revoked device is refused then).
 * A device holds at most `maxPerDevice` streams (its oldest is ended), so a leaking client cannot pile
 * them up, a user's devices together at most `maxPerUser`, and a process at most `maxStreams` in all (one more is refused with 429 and Retry-After; a
 * closed stream frees its place). Each heartbeat asks, in one query for all streams, whether their
 * devices may still sync (`stillActive`): a stream of a device revoked, a user disabled or a password
 * reset since it opened ends then, not when its token expires. A stream whose reader stopped reading is
 * ended rather than buffered without end. On
 * shutdown every stream is ended, and the laptops reconnect (with jitter) to another process.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TeamChanges } from '../sync/teamChanges.js';
import type { SyncSession } from '../sync/session.js';

export const DEFAULT_HEARTBEAT_MS = 15_000;
export const DEFAULT_STREAMS_PER_DEVICE = 3;
/** Streams of one user's devices together, in devices' worth (a user signing in as ever new devices cannot take every place). */
export const DEFAULT_DEVICES_PER_USER = 10;
/** Streams one process holds at most (about 10 kB of memory each). */
export const DEFAULT_MAX_STREAMS = 20_000;
/** What the laptop's EventSource waits before reconnecting after the stream ends. */
export const RETRY_MS = 5000;
/** A reader this far behind has stopped reading: its stream is ended. */
const MOST_UNSENT_BYTES = 64 * 1024;

export interface EventStreamOptions {
  heartbeatMs?: number;
  maxPerDevice?: number;
  maxStreams?: number;
  maxPerUser?: number;
  /** which of these sessions may still sync (one query for all); a stream of any other is ended */
  stillActive?: (sessions: readonly SyncSession[]) => Promise<(session: SyncSession) => boolean>;
  /** the check failed (the streams are kept until the next one) */
  onCheckFailed?: (error: unknown) => void;
  /** extra response headers (HSTS under TLS) */
  headers?: Record<string, string>;
  now?: () => Date;
}

interface Stream {
  response: ServerResponse;
  session: SyncSession;
  stop(): void;
}

const changedEvent = (version: number): string => `event: changed\ndata: {"version":${version}}\n\n`;

export class EventStreams {
  private readonly streams = new Set<Stream>();
  private readonly byDevice = new Map<string, Set<Stream>>();
  private readonly timer: NodeJS.Timeout;
  private readonly maxPerDevice: number;
  private readonly maxStreams: number;
  private readonly maxPerUser: number;
  private readonly perUser = new Map<string, number>();
  private checking = false;
  private readonly now: () => Date;

  constructor(
    private readonly changes: TeamChanges,
    private readonly options: EventStreamOptions = {},
  ) {
    this.maxPerDevice = options.maxPerDevice ?? DEFAULT_STREAMS_PER_DEVICE;
    this.maxStreams = options.maxStreams ?? DEFAULT_MAX_STREAMS;
    this.maxPerUser = options.maxPerUser ?? DEFAULT_DEVICES_PER_USER * this.maxPerDevice;
    this.now = options.now ?? (() => new Date());
    this.timer = setInterval(() => this.beat(), options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.timer.unref();
  }

  get size(): number {
    return this.streams.size;
  }

  /** Whether one more stream may open (`maxStreams`, `maxPerUser`); a device's own oldest makes room for it. */
  hasRoomFor(session: SyncSession): boolean {
    if ((this.byDevice.get(session.deviceId)?.size ?? 0) >= this.maxPerDevice) return true;
    return this.streams.size < this.maxStreams && (this.perUser.get(session.userId) ?? 0) < this.maxPerUser;
  }

  /** Takes the request's connection over and streams the team's changes to it, starting from `version`. */
  open(request: FastifyRequest, reply: FastifyReply, session: SyncSession, version: number): void {
    reply.hijack();
    const response = reply.raw;
    const socket = request.raw.socket;
    // The server's idle timeout is for requests; this one is meant to stay open (the pings keep it busy).
    socket.setTimeout(0);
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 60_000);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
      ...this.options.headers,
    });
    const device = this.byDevice.get(session.deviceId) ?? new Set<Stream>();
    this.byDevice.set(session.deviceId, device);
    for (const oldest of device) {
      if (device.size < this.maxPerDevice) break;
      this.end(oldest);
    }
    const stream: Stream = { response, session, stop: () => undefined };
    const unsubscribe = this.changes.subscribe(session.teamId, (changed) => this.send(stream, changedEvent(changed)));
    stream.stop = () => {
      unsubscribe();
      if (this.streams.delete(stream)) {
        const left = (this.perUser.get(session.userId) ?? 1) - 1;
        if (left > 0) this.perUser.set(session.userId, left);
        else this.perUser.delete(session.userId);
      }
      device.delete(stream);
      if (device.size === 0 && this.byDevice.get(session.deviceId) === device) this.byDevice.delete(session.deviceId);
    };
    this.streams.add(stream);
    this.perUser.set(session.userId, (this.perUser.get(session.userId) ?? 0) + 1);
    device.add(stream);
    response.on('close', stream.stop);
    response.on('error', () => this.end(stream));
    this.send(stream, `retry: ${RETRY_MS}\nevent: ready\ndata: {"version":${version}}\n\n`);
  }

  /** Ends every stream (shutdown): their laptops reconnect, to another process if this one is gone. */
  closeAll(): void {
    clearInterval(this.timer);
    for (const stream of [...this.streams]) this.end(stream);
  }

  private send(stream: Stream, text: string): void {
    if (stream.response.writableLength > MOST_UNSENT_BYTES) {
      stream.response.destroy();
      stream.stop();
      return;
    }
    stream.response.write(text);
  }

  private end(stream: Stream): void {
    stream.stop();
    stream.response.end();
  }

  private beat(): void {
    const nowSeconds = this.now().getTime() / 1000;
    for (const stream of [...this.streams]) {
      if (stream.session.exp <= nowSeconds) this.end(stream);
      else this.send(stream, ': ping\n\n');
    }
    void this.endRevoked();
  }

  /** Ends the streams whose device, user or password changed since they opened (one check at a time). */
  private async endRevoked(): Promise<void> {
    const check = this.options.stillActive;
    if (!check || this.checking || this.streams.size === 0) return;
    this.checking = true;
    // Only the streams open now are judged: one opened meanwhile was checked as it opened.
    const streams = [...this.streams];
    try {
      const isActive = await check(streams.map((s) => s.session));
      for (const stream of streams) if (this.streams.has(stream) && !isActive(stream.session)) this.end(stream);
    } catch (error) {
      this.options.onCheckFailed?.(error);
    } finally {
      this.checking = false;
    }
  }
}
