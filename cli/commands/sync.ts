import fs from 'node:fs';
import { databasePathIn } from '../../db/paths.js';
import { SyncController } from '../../db/sync/controller.js';
import { SyncError, type SyncErrorCode } from '../../db/sync/http.js';
import { fileTokenStore } from '../../db/sync/tokens.js';
import { acquireDataDirLock } from '../../host/lock.js';
import { CommandError, type CommandContext } from '../command.js';
import type { SyncReport } from '../../db/sync/run.js';
import { openDataFolderDatabase } from '../database.js';

const errorText: Record<SyncErrorCode, string> = {
  offline: 'The sync server cannot be reached (无法连接同步服务器).',
  signed_out: 'Not signed in, or the session ended (未登录). Run `rounds login --server URL --user NAME`.',
  bad_credentials: 'Wrong user name or password (用户名或密码错误).',
  device_revoked:
    'An administrator revoked this device, so it cannot sign in; ask them to restore it with `rounds user restore-device`, then sign in again (设备已被管理员撤销，请联系管理员恢复).',
  forbidden: 'The server refused this (无权限).',
  upgrade_required: 'The server needs a newer Rounds (请升级巡访).',
  invalid: 'The server did not accept the request (请求无效).',
  too_many_attempts: 'Too many sign-in attempts; wait a few minutes, then try again (登录尝试次数过多，请稍后再试).',
  payload_too_large: 'A change is too large for the server (数据过大).',
  out_of_order: 'Changes reached the server out of order; run sync again (顺序有误，请重新同步).',
  database_copied:
    'This database is an older copy (a restored backup, or copied from another laptop), so it now syncs as a new device; nothing was sent. Run `rounds login` again and its changes will upload (此数据库是旧副本，请重新登录).',
  scheme_required: 'Start the server address with https:// (or http:// explicitly, for a server without TLS), e.g. --server https://sync.example.com (服务器地址请以 https:// 开头).',
  server: 'The sync server had a problem (服务器错误).',
};

export const text = {
  noDatabase: (file: string) => `No database at ${file} (找不到数据库).`,
  signedIn: (user: string, team: string, server: string) => `Signed in as ${user} (team ${team}) to ${server} (已登录).`,
  report: (report: SyncReport) =>
    `Synced (同步完成): ${report.pushed} pushed, ${report.pulled} pulled${report.reset ? ' (full resync)' : ''}, ${report.conflicts} note conflicts, ${report.rejected} rejected.`,
  /** the command's failure in plain words; anything but a SyncError is unexpected and rethrown */
  failure: (error: unknown): CommandError => {
    if (error instanceof SyncError && error.code === 'too_many_attempts' && error.retryAfterSeconds !== undefined) {
      const minutes = Math.max(1, Math.ceil(error.retryAfterSeconds / 60));
      return new CommandError(`Too many sign-in attempts; wait ${minutes} min, then try again (登录尝试次数过多，请等 ${minutes} 分钟后再试).`);
    }
    if (error instanceof SyncError) return new CommandError(`${errorText[error.code]}${error.message !== error.code ? ` (${error.message})` : ''}`);
    throw error;
  },
};

/**
 * Opens the data folder's database under its lock (the app must not sync it at the same time);
 * `create` makes a new one where there is none (signing in on a fresh laptop).
 */
export async function withSyncController<T>(dataDir: string, work: (controller: SyncController) => Promise<T>, options: { create?: boolean } = {}): Promise<T> {
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
  const report = await withSyncController(dataDir, (controller) => controller.runOnce());
  io.stdout(`${text.report(report)}\n`);
}
