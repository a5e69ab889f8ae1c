/** What `rounds serve` and `rounds user` share: where the store is, and reading a password. */
import path from 'node:path';
import readline from 'node:readline';
import type { StoreLocation } from './store/open.js';

/** `--database-url`, else DATABASE_URL, else PGlite in `<data dir>/sync-server`. */
export function storeLocation(options: { databaseUrl?: string; dataDir: string; env: NodeJS.ProcessEnv }): StoreLocation {
  const databaseUrl = options.databaseUrl ?? options.env.DATABASE_URL;
  return databaseUrl ? { databaseUrl } : { dataDir: path.join(options.dataDir, 'sync-server') };
}

/**
 * The first line of stdin with `--password-stdin`; else ROUNDS_PASSWORD; else asked for on the terminal
 * (`prompt` gets a bilingual prompt, or writes its own).
 */
export async function readPassword(options: { fromStdin: boolean; env: NodeJS.ProcessEnv; prompt: (text: string) => void }): Promise<string> {
  if (!options.fromStdin && options.env.ROUNDS_PASSWORD) return options.env.ROUNDS_PASSWORD;
  if (!options.fromStdin && process.stdin.isTTY) options.prompt('Password (密码): ');
  const lines = readline.createInterface({ input: process.stdin, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}
