/** A laptop's side of `GET /v1/sync/events` for tests and benchmarks: a plain HTTP request read as Server-Sent Events. */
import http from 'node:http';

export interface ServerEvent {
  /** `ready`, `changed`, or `comment` for a `: ping` */
  event: string;
  data: string;
  /** `performance.now()` when it was read */
  at: number;
}

export interface EventStreamReader {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: ServerEvent[];
  /** resolves when the server (or something between) ends the stream */
  ended: Promise<void>;
  readonly isEnded: boolean;
  /** the first event (from the start, or after `from`) that `matches`; rejects after `timeoutMs` */
  next(matches: (event: ServerEvent) => boolean, timeoutMs?: number, from?: number): Promise<ServerEvent>;
  close(): void;
}

export const versionOf = (event: ServerEvent): number => (JSON.parse(event.data) as { version: number }).version;

/** Opens the stream; resolves once the response headers arrive (any status). */
export function openEventStream(baseUrl: string, token: string, options: { path?: string } = {}): Promise<EventStreamReader> {
  const url = new URL(options.path ?? '/v1/sync/events', baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent: false, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } }, (response) => {
      const events: ServerEvent[] = [];
      const waiters = new Set<() => void>();
      let text = '';
      let isEnded = false;
      const ended = new Promise<void>((done) => {
        const finish = () => {
          isEnded = true;
          waiters.forEach((w) => w());
          done();
        };
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      });
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        text += chunk;
        let split: number;
        while ((split = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, split);
          text = text.slice(split + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) event = 'comment';
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          events.push({ event, data: data.join('\n'), at: performance.now() });
        }
        waiters.forEach((w) => w());
      });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        ended,
        get isEnded() {
          return isEnded;
        },
        next(matches, timeoutMs = 10_000, from = 0) {
          return new Promise((found, fail) => {
            const check = () => {
              const event = events.slice(from).find(matches);
              if (event) {
                done();
                found(event);
              } else if (isEnded) {
                done();
                fail(new Error(`the stream ended without the event; it had ${JSON.stringify(events.map((e) => e.event))}`));
              }
            };
            const timer = setTimeout(() => {
              done();
              fail(new Error(`no such event within ${timeoutMs} ms; the stream had ${JSON.stringify(events.map((e) => e.event))}`));
            }, timeoutMs);
            const done = () => {
              clearTimeout(timer);
              waiters.delete(check);
            };
            waiters.add(check);
            check();
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}
