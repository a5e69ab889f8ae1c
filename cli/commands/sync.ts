import fs from 'node:fs';
import type { TFunction } from 'i18next';
import { databasePathIn } from '../../db/paths.js';
import { SyncController } from '../../db/sync/controller.js';
import { SyncError } from '../../db/sync/http.js';
import { fileTokenStore } from '../../db/sync/tokens.js';
import { acquireDataDirLock } from '../../host/lock.js';
import { CommandError, type CommandContext } from '../command.js';
import type { SyncReport } from '../../db/sync/run.js';
import { openDataFolderDatabase } from '../database.js';
import { cliText } from '../text.js';

/**
 * What `rounds login` and `rounds sync` say, from the locale resources: a sync error in the app's words
 * (`sync:errors.*`), except where the command line has its own next step (`cli:sync.errors.*`).
 */
export const syncText = (t: TFunction) => ({
  noDatabase: (file: string) => t('sync.noDatabase', { file }),
  signedIn: (user: string, team: string, server: string) => t('sync.signedIn', { user, team, server }),
  report: (report: SyncReport) => t(report.reset ? 'sync.reportReset' : 'sync.report', { ...report }),
  /** the command's failure in plain words; anything but a SyncError is unexpected and rethrown */
  failure: (error: unknown): CommandError => {
    if (error instanceof SyncError && error.code === 'too_many_attempts' && error.retryAfterSeconds !== undefined) {
      return new CommandError(t('sync:errors.too_many_attempts_wait', { minutes: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) }));
    }
    if (error instanceof SyncError) {
      const message = t([`sync.errors.${error.code}`, `sync:errors.${error.code}`]);
      return new CommandError(error.message !== error.code ? t('sync.detail', { message, detail: error.message }) : message);
    }
    throw error;
  },
});

/**
 * Opens the data folder's database under its lock (the app must not sync it at the same time);
 * `create` makes a new one where there is none (signing in on a fresh laptop).
 */
export async function withSyncController<T>(dataDir: string, work: (controller: SyncController) => Promise<T>, options: { create?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<T> {
  const text = syncText(cliText(options.env ?? process.env));
  const file = databasePathIn(dataDir);
  if (options.create) fs.mkdirSync(dataDir, { recursive: true });
  else if (!fs.existsSync(file)) throw new CommandError(text.noDatabase(file));
  const lock = acquireDataDirLock(dataDir);
  const db = openDataFolderDatabase(dataDir);
  try {
    return await work(new SyncController({ db, tokens: fileTokenStore(dataDir), autoSync: false }));
  } catch (error) {
    throw text.failure(error);
  } finally {
    db.close();
    lock.release();
  }
}

export async function run({ dataDir, io }: CommandContext) {
  const report = await withSyncController(dataDir, (controller) => controller.runOnce(), { env: io.env });
  io.stdout(`${syncText(cliText(io.env)).report(report)}\n`);
}
