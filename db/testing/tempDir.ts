import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** A fresh temporary folder per test, removed afterwards. Call at the top of a describe block. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true });
      // A test data folder's database key file, kept beside the folder (host/databaseKey.ts).
      fs.rmSync(`${dir}.key`, { force: true });
    }
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-db-'));
    dirs.push(dir);
    return dir;
  };
}
