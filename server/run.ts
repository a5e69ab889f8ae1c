/** Starts a sync server process's worth of parts: store, migrations, secret, HTTP, the tombstone purge. */
import type { FastifyServerOptions } from 'fastify';
import { loadTokenSecret } from './auth/sessions.js';
import type { ThrottleOptions } from './auth/throttle.js';
import type { SyncServerOptions, TlsCredentials } from './http/app.js';
import { openStore, type StoreLocation } from './store/open.js';
import { DEFAULT_TOMBSTONE_DAYS, purgeTombstones } from './sync/purge.js';

const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;

export interface StartOptions {
  location: StoreLocation;
  host: string;
  port: number;
  logger?: FastifyServerOptions['logger'];
  /** HMAC secret shared by all processes; default: generated once and kept in the database */
  tokenSecret?: string;
  tombstoneDays?: number;
  /** serve HTTPS with this certificate and key (PEM); the returned url is then https:// */
  tls?: TlsCredentials;
  /** the key of the administrator's routes (`http/adminRoutes.ts`); without it they are closed */
  adminKey?: string;
  /** see `SyncServerOptions.requestTimeoutMs` (default 30 s) */
  requestTimeoutMs?: number;
  /** see `SyncServerOptions.throttle` */
  throttle?: ThrottleOptions;
  /** see `SyncServerOptions.trustedProxies` */
  trustedProxies?: string[];
  /** see `SyncServerOptions.events` */
  events?: SyncServerOptions['events'];
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startSyncServer(options: StartOptions): Promise<RunningServer> {
  // The store starts first (PGlite: its WASM PostgreSQL, much of it waiting on files and on WASM compiled
  // in the background); the HTTP layer (Fastify and its plugins) loads meanwhile instead of before it.
  const opening = openStore(options.location);
  const loadingHttp = import('./http/app.js');
  loadingHttp.catch(() => {}); // awaited below; not an unhandled rejection while the store opens
  const store = await opening;
  let buildSyncServer: typeof import('./http/app.js').buildSyncServer;
  try {
    ({ buildSyncServer } = await loadingHttp);
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = buildSyncServer({
    store,
    tokenSecret: await loadTokenSecret(store, options.tokenSecret),
    logger: options.logger ?? false,
    tls: options.tls,
    adminKey: options.adminKey,
    requestTimeoutMs: options.requestTimeoutMs,
    throttle: options.throttle,
    trustedProxies: options.trustedProxies,
    events: options.events,
  });
  const purge = () =>
    purgeTombstones(store, { olderThanDays: options.tombstoneDays ?? DEFAULT_TOMBSTONE_DAYS, now: new Date() }).then(
      (count) => app.log.info({ purgedTombstones: count }, 'tombstone purge'),
      (error: unknown) => app.log.error({ err: error }, 'tombstone purge failed'),
    );
  const timer = setInterval(purge, PURGE_EVERY_MS);
  timer.unref();
  try {
    const url = await app.listen({ host: options.host, port: options.port });
    void purge();
    return {
      url,
      async close() {
        clearInterval(timer);
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    clearInterval(timer);
    await store.close();
    throw error;
  }
}
