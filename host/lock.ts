import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'rounds.lock';

/** A lock file held by a live process: whoever comes second must say so and stop. */
export class LockHeldError extends Error {
  readonly pid: number;
  readonly file: string;
  constructor(pid: number, file: string, message = `${file} is held by the running process ${pid}`) {
    super(message);
    this.name = 'LockHeldError';
    this.pid = pid;
    this.file = file;
  }
}

/** A second instance on the same data folder: it must say so and exit non-zero. */
export class DataDirLockedError extends LockHeldError {
  constructor(pid: number, file = LOCK_FILE) {
    super(pid, file, `Rounds is already running on this data folder (pid ${pid})`);
    this.name = 'DataDirLockedError';
  }
}

export interface HeldLock {
  readonly file: string;
  release(): void;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLockPid(file: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** The live process holding the lock file, or null when nobody does (no file, or its process is gone). */
export function lockHolder(file: string): number | null {
  const pid = readLockPid(file);
  return pid !== null && isProcessAlive(pid) ? pid : null;
}

/**
 * Takes a single-process lock: a lock file created exclusively (`wx`) holding our pid. A lock left
 * behind by a process that is gone (crash, kill -9) is taken over; a live one throws `LockHeldError`.
 * Note the check is per file, not per machine (a folder shared over the network is not covered).
 */
export function acquireLockFile(file: string, pid: number = process.pid): HeldLock {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, String(pid), { flag: 'wx' });
      let released = false;
      return {
        file,
        release() {
          if (released) return;
          released = true;
          if (readLockPid(file) === pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(file);
      if (holder !== null) throw new LockHeldError(holder, file);
      // Stale (or half-written) lock: remove it and try again; another starter may race us, hence the loop.
      fs.rmSync(file, { force: true });
    }
  }
  throw new LockHeldError(readLockPid(file) ?? 0, file);
}

/** The single-instance lock of a data folder (the app, browser mode, the CLI's database commands). */
export function acquireDataDirLock(dataDir: string, pid: number = process.pid): HeldLock {
  try {
    return acquireLockFile(path.join(dataDir, LOCK_FILE), pid);
  } catch (error) {
    if (error instanceof LockHeldError) throw new DataDirLockedError(error.pid, error.file);
    throw error;
  }
}
