/**
 * Starting a host (Electron, browser mode): lock the data folder, open the database, build the
 * service. A database that cannot be opened does not stop the host: it starts in the *problem* state,
 * where `app.status` explains and `app.recover` restores a backup, starts empty, or — for a database
 * encrypted with a key this laptop does not keep — opens it with the recovery key the user typed. A
 * damaged page first met by a call (an open after a clean close reads only what it needs) leads to the
 * same state.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { API_METHODS, type ApiHandlers, type AppStatus } from '../core/api/contract.js';
import { ApiError } from '../core/api/errors.js';
import { databasePathIn } from '../db/paths.js';
import type { RuntimeResources } from '../db/jobs/protocol.js';
import { parseRecoveryKey } from '../db/encryption.js';
import type { ApiResult, DatabaseBackend, ServiceDeps } from './backend.js';
import type { DatabaseKeys } from './databaseKey.js';
import { clockFromEnv, defaultLanguage } from './environment.js';
import { acquireDataDirLock } from './lock.js';
import { ensurePrivateDir, tightenPrivateTree } from './privateFiles.js';
import { moveDatabaseAside, restoreBackup } from './recovery.js';

export interface HostOptions {
  /** already resolved (see `resolveDataDir` in db/paths.ts) */
  dataDir: string;
  host: 'electron' | 'browser';
  version: string;
  /** Electron's better-sqlite3 build and shipped font; Node hosts leave it unset */
  resources?: RuntimeResources;
  env?: NodeJS.ProcessEnv;
  /** `sqliteBackend` from ./sqlite-backend.js in the real hosts */
  backend: DatabaseBackend;
  /** passed on to the service (see `ServiceDeps.sync`) */
  sync?: ServiceDeps['sync'];
  /** where the database key is kept (`databaseKeys` in ./databaseKey.js) */
  keys: DatabaseKeys;
}

export interface RoundsHost {
  readonly dataDir: string;
  readonly databasePath: string;
  status(): AppStatus;
  /** The one entry both transports use: validates method and input, never throws. */
  call(method: unknown, input: unknown): Promise<ApiResult>;
  /** Closes the database and releases the data-folder lock. Idempotent. */
  close(): void;
}

type ProblemCode = Extract<AppStatus, { state: 'problem' }>['code'];

function isProblemCode(code: string): code is ProblemCode {
  return code === 'database_newer' || code === 'database_corrupt' || code === 'database_key_unknown';
}

/** Every method answers with the problem, except the two that explain and fix it. */
function problemHandlers(problem: ProblemCode, appHandlers: Pick<ApiHandlers, 'app.status' | 'app.recover'>): ApiHandlers {
  const refuse = () => {
    throw new ApiError(problem);
  };
  const handlers = Object.fromEntries(API_METHODS.map((method) => [method, refuse]));
  return { ...handlers, ...appHandlers } as ApiHandlers;
}

/** Throws `DataDirLockedError` when another instance holds the data folder. */
export function startHost(options: HostOptions): RoundsHost {
  const env = options.env ?? process.env;
  const { backend } = options;
  const nativeBinding = options.resources?.nativeBinding;
  const now = clockFromEnv(env);
  const { dataDir } = options;
  const databasePath = databasePathIn(dataDir);

  ensurePrivateDir(dataDir);
  tightenPrivateTree(dataDir);
  const lock = acquireDataDirLock(dataDir);

  let db: Database.Database | null = null;
  let status: AppStatus = { state: 'ready' };
  let handlers: ApiHandlers;

  const appHandlers: Pick<ApiHandlers, 'app.status' | 'app.recover'> = {
    'app.status': () => status,
    'app.recover': ({ backup, recoveryKey }) => {
      if (status.state === 'ready') throw new ApiError('conflict');
      if (recoveryKey !== undefined) return openWithRecoveryKey(recoveryKey);
      const available = backend.listBackups(dataDir).map((b) => b.file);
      // Check the backup exists before touching anything, so a bad request leaves the files as they were.
      if (backup !== null && !available.includes(backup)) throw new ApiError('not_found', { params: { file: backup } });
      moveDatabaseAside(databasePath, now?.() ?? new Date());
      if (backup !== null) restoreBackup(dataDir, databasePath, backup, available);
      open();
      return status;
    },
  };

  /** The database as it is, with the key the user typed; kept for the next start once it opens. */
  function openWithRecoveryKey(text: string): AppStatus {
    const key = parseRecoveryKey(text);
    if (!key) throw new ApiError('validation', { messageKey: 'errors.recoveryKeyInvalid' });
    try {
      backend.open(databasePath, { ...(nativeBinding ? { nativeBinding } : {}), key }).close();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'database_key_unknown') throw new ApiError('validation', { messageKey: 'errors.recoveryKeyWrong' });
      throw error;
    }
    options.keys.remember(key);
    open();
    return status;
  }

  function enterProblem(code: ProblemCode): void {
    status = { state: 'problem', code, databasePath, backups: backend.listBackups(dataDir) };
    handlers = problemHandlers(code, appHandlers);
  }

  function open(): void {
    try {
      const key = options.keys.obtain(databasePath);
      db = backend.open(databasePath, { ...(nativeBinding ? { nativeBinding } : {}), key });
    } catch (error) {
      if (!(error instanceof ApiError && isProblemCode(error.code))) {
        lock.release();
        throw error;
      }
      enterProblem(error.code);
      return;
    }
    status = { state: 'ready' };
    const service = backend.createService({
      db,
      dataDir,
      host: options.host,
      version: options.version,
      defaultLanguage: defaultLanguage(env),
      ...(now ? { now } : {}),
      ...(options.sync ? { sync: options.sync } : {}),
      ...(options.resources ? { resources: options.resources } : {}),
    });
    handlers = { ...service, ...appHandlers };
  }

  open();
  let closed = false;
  return {
    dataDir,
    databasePath,
    status: () => status,
    call: async (method, input) => {
      if (closed) return { ok: false, error: new ApiError('internal').toBody() };
      const result = await backend.callApi(handlers, method, input);
      if (!result.ok && result.error.code === 'database_corrupt' && status.state === 'ready') {
        // Nothing more goes to the damaged file: it stays for the recovery screen to move aside.
        db?.close();
        db = null;
        enterProblem('database_corrupt');
      }
      return result;
    },
    close() {
      if (closed) return;
      closed = true;
      db?.close();
      lock.release();
    },
  };
}
