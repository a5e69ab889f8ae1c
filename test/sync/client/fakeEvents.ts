/**
 * A real HTTP server speaking the team change stream (`GET /v1/sync/events`, Server-Sent Events) for
 * client tests, and a `fetch` that sends that route to it and everything else to the in-memory
 * `FakeSyncServer`, so the client reads a real chunked stream through Node's fetch.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeSyncServer } from './fakeServer.js';

export class FakeEventsServer {
  private server = http.createServer((request, response) => this.handle(request, response));
  private readonly open = new Set<http.ServerResponse>();
  private port = 0;
  /** the team version announced in `ready` and bumped by `changed()` */
  version = 0;
  /** streams opened so far (answered with 200) */
  connections = 0;
  /** every request, with the token it carried */
  readonly requests: Array<{ token: string | null }> = [];
  /** answer every request with this status instead of a stream */
  failWith: number | null = null;
  /** whether a bearer token is accepted (401 otherwise) */
  authorize: (token: string | null) => boolean = (token) => token !== null;
  /** sent first on every stream */
  preamble = (): string => `retry: 5000\n\nevent: ready\ndata: {"version":${this.version}}\n\n`;

  async listen(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** streams open now */
  get openStreams(): number {
    return this.open.size;
  }

  /** Writes raw bytes to every open stream. */
  send(raw: string): void {
    for (const response of this.open) response.write(raw);
  }

  /** The team's version advances: every stream hears of it. */
  changed(): void {
    this.version += 1;
    this.send(`event: changed\ndata: {"version":${this.version}}\n\n`);
  }

  /** Ends every open stream at once (a server restart). */
  closeAll(): void {
    for (const response of this.open) response.end();
    this.open.clear();
  }

  async close(): Promise<void> {
    for (const response of this.open) response.destroy();
    this.open.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A fetch for clients: the change stream here, the rest to `sync` (when given). */
  fetchWith(sync?: FakeSyncServer): typeof fetch {
    return async (input, init) => {
      const url = new URL(String(input));
      if (url.pathname === '/v1/sync/events') return fetch(`${this.url}${url.pathname}`, init);
      if (!sync) throw new TypeError('fetch failed');
      return sync.fetch(input, init);
    };
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? null;
    this.requests.push({ token });
    if (this.failWith !== null) {
      response.writeHead(this.failWith, { 'content-type': 'application/json' }).end('{"error":"internal"}');
      return;
    }
    if (!this.authorize(token)) {
      response.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"unauthorized"}');
      return;
    }
    this.connections += 1;
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    response.flushHeaders();
    this.open.add(response);
    response.on('close', () => this.open.delete(response));
    response.write(this.preamble());
  }
}
