/**
 * How `rounds serve`, `rounds user` and `rounds share` reach the sync server's store. PostgreSQL takes
 * any number of processes. The embedded PGlite store may be opened by one process only (two corrupt
 * it), so whoever opens it holds its lock file; `rounds user` / `rounds share` finding it held by a
 * running `rounds serve` go through that server's admin routes instead, authenticated by the key it
 * published in a 0600 file beside the store.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { acquireLockFile, LockHeldError, type HeldLock } from '../host/lock.js';
import { ensurePrivateDir, tightenPrivateTree, writePrivateFile } from '../host/privateFiles.js';
import { storeAdmin, type ServerAdmin } from '../server/admin.js';
import { storeLocation } from '../server/cliSupport.js';
import { ServerError } from '../server/errors.js';
import { remoteAdmin, type AdminEndpoint } from '../server/http/adminClient.js';
import { openStore, type StoreLocation } from '../server/store/open.js';
import { CommandError, type CommandContext } from './command.js';
import { cliText } from './text.js';

/** The server commands' messages, in the language of the environment (LC_ALL, LC_MESSAGES, LANG). */
export const serverText = (env: NodeJS.ProcessEnv): TFunction => cliText(env);

export function commandStoreLocation({ values, dataDir, io }: Pick<CommandContext, 'values' | 'dataDir' | 'io'>): StoreLocation {
  return storeLocation({ databaseUrl: values['database-url'] as string | undefined, dataDir, env: io.env });
}

/**
 * The lock file of an embedded store, beside its folder (PGlite takes a folder without its files for a
 * new database, so nothing of ours goes inside). Holds the pid of the one process that has it open.
 */
const storeLockFile = (storeDir: string): string => `${storeDir}.lock`;

/** Beside the lock: how the `rounds serve` holding the store is reached, and its admin key (0600). */
const adminEndpointFile = (storeDir: string): string => `${storeDir}.admin.json`;

export interface PublishedEndpoint extends AdminEndpoint {
  /** the server's process, to tell this file from one a crashed server left behind */
  pid: number;
}

/** Written by `rounds serve` once it listens (readable by its OS user alone); the returned function removes it. */
export function publishAdminEndpoint(storeDir: string, endpoint: PublishedEndpoint): () => void {
  const file = adminEndpointFile(storeDir);
  writePrivateFile(file, JSON.stringify(endpoint));
  return () => fs.rmSync(file, { force: true });
}

/** What the server holding the store published, if that server is the process `pid`. */
function readAdminEndpoint(storeDir: string, pid: number): PublishedEndpoint | null {
  try {
    const endpoint = JSON.parse(fs.readFileSync(adminEndpointFile(storeDir), 'utf8')) as PublishedEndpoint;
    return endpoint.pid === pid && typeof endpoint.url === 'string' && typeof endpoint.adminKey === 'string' ? endpoint : null;
  } catch {
    return null;
  }
}

/** The URL this machine reaches a server on: a wildcard listening address becomes loopback. */
export function localUrl(listening: string): string {
  const url = new URL(listening);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  else if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
}

export type EmbeddedStoreAccess = { lock: HeldLock } | { server: PublishedEndpoint };

/**
 * Creates the data folder if need be (0700: the store and the admin key are this OS user's only) and
 * takes the store's lock, or names the running server that holds it. Held by any other process (a
 * `rounds user` at work, a server still starting), it refuses with what to do.
 */
export function lockEmbeddedStore(storeDir: string, t: TFunction): EmbeddedStoreAccess {
  const dataDir = path.dirname(storeDir);
  try {
    ensurePrivateDir(dataDir);
  } catch (error) {
    throw new CommandError(t('store.dataDir', { dir: dataDir, reason: (error as Error).message }));
  }
  try {
    return { lock: acquireLockFile(storeLockFile(storeDir)) };
  } catch (error) {
    if (!(error instanceof LockHeldError)) throw error;
    const server = readAdminEndpoint(storeDir, error.pid);
    if (!server) throw new CommandError(t('store.locked', { dir: storeDir, pid: error.pid }));
    return { server };
  }
}

export interface AdminSession {
  admin: ServerAdmin;
  close(): Promise<void>;
}

/** The administrator's operations on the store: opened here, or through the server that has it open. */
export async function openAdmin(context: CommandContext, t: TFunction): Promise<AdminSession> {
  const location = commandStoreLocation(context);
  if (!('dataDir' in location)) {
    const store = await openStore(location);
    return { admin: storeAdmin(store), close: () => store.close() };
  }
  const access = lockEmbeddedStore(location.dataDir, t);
  if ('server' in access) {
    const { server } = access;
    const unreachable = (reason: string) => new CommandError(t('store.unreachable', { dir: location.dataDir, pid: server.pid, url: server.url, reason }));
    return { admin: remoteAdmin(server, unreachable), close: async () => undefined };
  }
  try {
    const store = await openStore(location);
    return {
      admin: storeAdmin(store),
      async close() {
        await store.close();
        // PGlite creates its files 0666 whatever the umask (see `rounds serve`).
        tightenPrivateTree(location.dataDir);
        access.lock.release();
      },
    };
  } catch (error) {
    access.lock.release();
    throw error;
  }
}

const REFUSALS: Record<string, string> = {
  'sync.server.userExists': 'refused.userExists',
  'sync.server.noSuchUser': 'refused.noSuchUser',
  'sync.server.noSuchDevice': 'refused.noSuchDevice',
  'sync.server.noSuchAccount': 'refused.noSuchAccount',
  'sync.server.otherTeam': 'refused.otherTeam',
  'sync.server.noSuchShare': 'refused.noSuchShare',
  'sync.server.adminKeyRequired': 'refused.adminKeyRequired',
};

/** A refusal by the store or the server, as one line (a name two accounts share lists their ids). */
export function refusal(error: ServerError, argument: string, t: TFunction): CommandError {
  const issues = error.issues ?? [];
  if (error.message === 'sync.server.ambiguousAccount') return new CommandError(`${t('refused.ambiguousAccount')}${issues.map((issue) => `\n  ${issue.message}`).join('')}`);
  if (error.message === 'sync.server.invalidRequest') {
    return new CommandError(t('refused.invalidRequest', { details: issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') }));
  }
  const key = REFUSALS[error.message];
  return new CommandError(key ? t(key, { argument }) : t('refused.other', { key: error.message }));
}
