/**
 * The data folder holds customers' personal data: only the user may read it. Folders are 0700 and
 * files 0600 — by the process umask for everything the app, `rounds` and `rounds serve` create
 * (SQLite's WAL and journals, backups, exports, PGlite's files), and explicitly for folders that may
 * already exist with looser modes from older versions.
 */
import fs from 'node:fs';
import path from 'node:path';

export const PRIVATE_UMASK = 0o077;

/** Call once at process start (entry points only: a worker thread may not change the umask). */
export function usePrivateFileModes(): void {
  process.umask(PRIVATE_UMASK);
}

/** Creates the folder (and missing parents) as 0700, and tightens it if it already existed. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
}

/** Writes a file readable by the user alone, atomically (never briefly world-readable, never half-written). */
export function writePrivateFile(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, content, { mode: 0o600 });
  fs.renameSync(temp, file);
}

/** Folders 0700 and files 0600 throughout `dir`: a data folder written by an older version (0755/0644). */
export function tightenPrivateTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(target, 0o700);
      tightenPrivateTree(target);
    } else if (entry.isFile()) {
      fs.chmodSync(target, 0o600);
    }
  }
}
