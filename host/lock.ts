import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'rounds.lock';

/** A second instance on the same data folder: it must say so and exit non-zero. */
export class DataDirLockedError extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(`Rounds is already running on this data folder (pid ${pid})`);
    this.name = 'DataDirLockedError';
    this.pid = pid;
  }
}

export interface DataDirLock {
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

/**
 * Takes the single-instance lock on a data folder: a lock file created exclusively (`wx`) holding our
 * pid. A lock left behind by a process that is gone (crash, kill -9) is taken over; a live one throws
 * `DataDirLockedError`. Note the check is per data folder, not per machine.
 */
export function acquireDataDirLock(dataDir: string, pid: number = process.pid): DataDirLock {
  const file = path.join(dataDir, LOCK_FILE);
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
      const holder = readLockPid(file);
      if (holder !== null && isProcessAlive(holder)) throw new DataDirLockedError(holder);
      // Stale (or half-written) lock: remove it and try again; another starter may race us, hence the loop.
      fs.rmSync(file, { force: true });
    }
  }
  throw new DataDirLockedError(readLockPid(file) ?? 0);
}
