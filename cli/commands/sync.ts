/**
 * `rounds sync` (and `rounds login`): the app's own sync use cases (`sync.now`, `sync.signIn` in
 * db/service/sync.ts) on the data folder's database, held under its lock (the app must not sync it at
 * the same time). The command parses its arguments and puts the answer in the user's words.
 */
import fs from 'node:fs';
import type { TFunction } from 'i18next';
import type { ApiHandlers, ApiInput, ApiOutputs, SyncFailureView, SyncRunView } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { databasePathIn } from '../../db/paths.js';
import { contextOf } from '../../db/service/context.js';
import { callApi } from '../../db/service/dispatch.js';
import { syncHandlers } from '../../db/service/sync.js';
import { acquireDataDirLock } from '../../host/lock.js';
import { CommandError, type CommandContext } from '../command.js';
import type { CliIo } from '../io.js';
import { openDataFolderDatabase } from '../database.js';
import { cliText } from '../text.js';

/**
 * What `rounds login` and `rounds sync` say, from the locale resources: a sync failure in the app's
 * words (`sync:errors.*`), except where the command line has its own next step (`cli:sync.errors.*`).
 */
export const syncText = (t: TFunction) => ({
  noDatabase: (file: string) => t('sync.noDatabase', { file }),
  signedIn: (user: string, team: string, server: string) => t('sync.signedIn', { user, team, server }),
  report: (run: SyncRunView) => t(run.reset ? 'sync.reportReset' : 'sync.report', { ...run }),
  failure: (failure: SyncFailureView): string => {
    const message = t([`sync.errors.${failure.code}`, failure.message], failure.params ?? {});
    return failure.detail === undefined ? message : t('sync.detail', { message, detail: failure.detail });
  },
});

type SyncMethod = 'sync.now' | 'sync.signIn';

/**
 * Calls one sync use case of the service on the data folder, as the app calls it; `create` makes the
 * database where there is none (signing in on a fresh laptop). A refused call ends the command with
 * the service's error; an unexpected one is printed with its stack.
 */
export async function callSyncService<M extends SyncMethod>(dataDir: string, io: CliIo, method: M, input: ApiInput<M>, options: { create?: boolean } = {}): Promise<ApiOutputs[M]> {
  const file = databasePathIn(dataDir);
  if (options.create) fs.mkdirSync(dataDir, { recursive: true });
  else if (!fs.existsSync(file)) throw new CommandError(syncText(cliText(io.env)).noDatabase(file));
  const lock = acquireDataDirLock(dataDir);
  try {
    const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
    try {
      // The service's sync handlers alone: the CLI syncs when told, so its controller runs no loop.
      const handlers = syncHandlers(contextOf({ db, dataDir, host: 'browser', version: 'cli', now: io.now, sync: { autoSync: false } }));
      const result = await callApi(handlers as ApiHandlers, method, input, (message, error) => io.stderr(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`));
      if (!result.ok) throw ApiError.fromBody(result.error);
      return result.value as ApiOutputs[M];
    } finally {
      db.close();
    }
  } finally {
    lock.release();
  }
}

export async function run({ dataDir, io }: CommandContext) {
  const text = syncText(cliText(io.env));
  const { run: done, failure } = await callSyncService(dataDir, io, 'sync.now', {});
  if (failure) throw new CommandError(text.failure(failure));
  if (done) io.stdout(`${text.report(done)}\n`);
}
