import crypto from 'node:crypto';
import fs from 'node:fs';
import tls from 'node:tls';
import type { TFunction } from 'i18next';
import type { HeldLock } from '../../host/lock.js';
import type { TlsCredentials } from '../../server/http/app.js';
import { parseTrustedProxies } from '../../server/http/trustedProxies.js';
import { startSyncServer, type RunningServer } from '../../server/run.js';
import { DatabaseNewerError } from '../../server/store/migrate.js';
import { DEFAULT_TOMBSTONE_DAYS } from '../../server/sync/purge.js';
import { CommandError, UsageError, type OptionValues, type CommandContext } from '../command.js';
import { tightenPrivateTree } from '../../host/privateFiles.js';
import { commandStoreLocation, localUrl, lockEmbeddedStore, publishAdminEndpoint, serverText } from '../serverStore.js';

function portOf(value: string | boolean | undefined, t: TFunction): number {
  const port = value === undefined ? 8787 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t('serve.badPort', { value: String(value) }));
  return port;
}

function tombstoneDays(value: string | undefined, t: TFunction): number {
  const days = value === undefined ? DEFAULT_TOMBSTONE_DAYS : Number(value);
  if (!Number.isFinite(days) || days <= 0) throw new UsageError(t('serve.badTombstoneDays', { value }));
  return days;
}

function readPem(file: string, what: 'certificate' | 'key', t: TFunction): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    throw new CommandError(t(what === 'certificate' ? 'serve.unreadableCert' : 'serve.unreadableKey', { file, reason: (error as Error).message }));
  }
}

/** `--tls-cert` and `--tls-key` together (HTTPS), or neither (plain HTTP, e.g. behind a TLS-terminating proxy). */
function tlsOf(values: OptionValues, t: TFunction): TlsCredentials | undefined {
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if (certFile === undefined && keyFile === undefined) return undefined;
  if (typeof certFile !== 'string' || typeof keyFile !== 'string') throw new UsageError(t('serve.tlsPair'));
  const credentials = { cert: readPem(certFile, 'certificate', t), key: readPem(keyFile, 'key', t) };
  try {
    // Checked here so that a wrong file is named plainly instead of failing deep inside the server's start.
    tls.createSecureContext(credentials);
  } catch (error) {
    throw new CommandError(t('serve.badTls', { cert: certFile, key: keyFile, reason: (error as Error).message }));
  }
  return credentials;
}

/** A failed start is one line for the operator, not a stack trace. */
function startFailure(error: unknown, t: TFunction): CommandError {
  if (error instanceof DatabaseNewerError) return new CommandError(t('serve.databaseNewer'));
  return new CommandError(t('serve.startFailed', { reason: error instanceof Error ? error.message : String(error) }));
}

/**
 * The embedded store is this process's alone: its lock, and the admin key that `rounds user` and
 * `rounds share` on the same folder will reach this server with (published once it listens).
 */
function takeEmbeddedStore(storeDir: string, t: TFunction): { storeDir: string; lock: HeldLock; adminKey: string } {
  const access = lockEmbeddedStore(storeDir, t);
  if ('server' in access) throw new CommandError(t('store.lockedByServer', { dir: storeDir, pid: access.server.pid, url: access.server.url }));
  return { storeDir, lock: access.lock, adminKey: crypto.randomBytes(32).toString('base64url') };
}

const untilStopped = () =>
  new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

export async function run(context: CommandContext) {
  const { values, io } = context;
  const t = serverText(io.env);
  const port = portOf(values.port, t);
  const tlsCredentials = tlsOf(values, t);
  const days = tombstoneDays(io.env.ROUNDS_TOMBSTONE_DAYS, t);
  const throttle = perAddressThrottle(io.env.ROUNDS_SIGNIN_PER_ADDRESS, t);
  const trustedProxies = trustedProxiesOf(values['trust-proxy'], t);
  const heartbeatMs = eventsHeartbeat(io.env.ROUNDS_EVENTS_HEARTBEAT_MS, t);
  const given = commandStoreLocation(context);
  // Behind PgBouncer in transaction mode, the LISTEN connection goes to PostgreSQL (or a session-mode pool) itself.
  const listenUrl = io.env.ROUNDS_LISTEN_DATABASE_URL;
  const location = 'databaseUrl' in given && listenUrl ? { ...given, listenDatabaseUrl: listenUrl } : given;
  const embedded = 'dataDir' in location ? takeEmbeddedStore(location.dataDir, t) : undefined;
  let server: RunningServer;
  try {
    server = await startSyncServer({
      location,
      host: typeof values.host === 'string' ? values.host : '127.0.0.1',
      port,
      logger: { level: io.env.ROUNDS_LOG_LEVEL ?? 'info' },
      tokenSecret: io.env.ROUNDS_TOKEN_SECRET,
      tombstoneDays: days,
      tls: tlsCredentials,
      adminKey: embedded?.adminKey,
      throttle,
      trustedProxies,
      events: heartbeatMs === undefined ? undefined : { heartbeatMs },
    });
  } catch (error) {
    embedded?.lock.release();
    throw startFailure(error, t);
  }
  // PGlite's WASM file system creates its files 0666 whatever the umask: the team's data is this OS
  // user's alone (the 0700 folder already keeps others out; the files say so themselves too).
  if (embedded) tightenPrivateTree(embedded.storeDir);
  const unpublish = embedded ? publishAdminEndpoint(embedded.storeDir, { pid: process.pid, url: localUrl(server.url), adminKey: embedded.adminKey }) : undefined;
  io.stdout(`${t('serve.listening', { url: server.url, store: embedded ? t('serve.pglite', { dir: embedded.storeDir }) : t('serve.postgres') })}\n`);
  await untilStopped();
  unpublish?.();
  await server.close();
  if (embedded) tightenPrivateTree(embedded.storeDir);
  embedded?.lock.release();
}

function trustedProxiesOf(value: string | boolean | undefined, t: TFunction): string[] | undefined {
  if (value === undefined) return undefined;
  const proxies = typeof value === 'string' ? parseTrustedProxies(value) : null;
  if (!proxies) throw new UsageError(t('serve.badTrustProxy', { value: String(value) }));
  return proxies;
}

/**
 * `ROUNDS_SIGNIN_PER_ADDRESS`: sign-ins (and refreshes) allowed per address a minute instead of 20 —
 * for a server behind a proxy whose clients all share its address, or a benchmark.
 */
function perAddressThrottle(value: string | undefined, t: TFunction): { maxPerAddress: number } | undefined {
  if (value === undefined) return undefined;
  const limit = Number(value);
  if (!Number.isSafeInteger(limit) || limit <= 0) throw new UsageError(t('serve.badSignInPerAddress', { value }));
  return { maxPerAddress: limit };
}

/** `ROUNDS_EVENTS_HEARTBEAT_MS`: the pause between pings on a team event stream instead of 15 s (a proxy that closes sooner, a test). */
function eventsHeartbeat(value: string | undefined, t: TFunction): number | undefined {
  if (value === undefined || value === '') return undefined;
  const ms = Number(value);
  if (!Number.isSafeInteger(ms) || ms < 100 || ms > 300_000) throw new UsageError(t('serve.badHeartbeat', { value }));
  return ms;
}
