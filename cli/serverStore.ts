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
import { defaultLanguage } from '../host/environment.js';
import { storeAdmin, type ServerAdmin } from '../server/admin.js';
import { readAdminEndpoint, storeLocation, storeLockFile, type PublishedEndpoint } from '../server/cliSupport.js';
import { ServerError } from '../server/errors.js';
import { remoteAdmin } from '../server/http/adminClient.js';
import { openStore, type StoreLocation } from '../server/store/open.js';
import { CommandError, type CommandContext } from './command.js';
import { cliTranslator } from './i18n.js';
import { SERVER_CLI_MESSAGES } from './locales/server.js';

/** The server commands' messages, in the language of the environment (LC_ALL, LC_MESSAGES, LANG). */
export const serverText = (env: NodeJS.ProcessEnv): TFunction => cliTranslator(SERVER_CLI_MESSAGES, defaultLanguage(env));

export function commandStoreLocation({ values, dataDir, io }: Pick<CommandContext, 'values' | 'dataDir' | 'io'>): StoreLocation {
  return storeLocation({ databaseUrl: values['database-url'] as string | undefined, dataDir, env: io.env });
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
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
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
