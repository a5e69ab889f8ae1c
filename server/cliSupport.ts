/**
 * What `rounds serve`, `rounds user` and `rounds share` share: where the store is, how the running
 * server is found by the others, and reading a password.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { AdminEndpoint } from './http/adminClient.js';
import type { StoreLocation } from './store/open.js';

/** `--database-url`, else DATABASE_URL, else PGlite in `<data dir>/sync-server`. */
export function storeLocation(options: { databaseUrl?: string; dataDir: string; env: NodeJS.ProcessEnv }): StoreLocation {
  const databaseUrl = options.databaseUrl ?? options.env.DATABASE_URL;
  return databaseUrl ? { databaseUrl } : { dataDir: path.join(options.dataDir, 'sync-server') };
}

/**
 * The lock file of an embedded store, beside its folder (PGlite treats a folder with foreign files as
 * its own, so nothing of ours goes inside). Holds the pid of the one process that has it open.
 */
export const storeLockFile = (storeDir: string): string => `${storeDir}.lock`;

/** Beside the lock: how the `rounds serve` holding the store is reached, and its admin key (0600). */
const adminEndpointFile = (storeDir: string): string => `${storeDir}.admin.json`;

export interface PublishedEndpoint extends AdminEndpoint {
  /** the server's process, to tell this file from one a crashed server left behind */
  pid: number;
}

/**
 * Written once the server listens. Mode 0600 from creation and renamed into place, so no other OS user
 * can read the key and no reader sees half a file.
 */
export function publishAdminEndpoint(storeDir: string, endpoint: PublishedEndpoint): () => void {
  const file = adminEndpointFile(storeDir);
  const partial = `${file}.${endpoint.pid}.tmp`;
  fs.writeFileSync(partial, JSON.stringify(endpoint), { mode: 0o600 });
  fs.renameSync(partial, file);
  return () => fs.rmSync(file, { force: true });
}

/** What the server holding the store published, if that server is the process `pid`. */
export function readAdminEndpoint(storeDir: string, pid: number): PublishedEndpoint | null {
  try {
    const endpoint = JSON.parse(fs.readFileSync(adminEndpointFile(storeDir), 'utf8')) as PublishedEndpoint;
    return endpoint.pid === pid && typeof endpoint.url === 'string' && typeof endpoint.adminKey === 'string' ? endpoint : null;
  } catch {
    return null;
  }
}

/** The URL this machine reaches a server on: a wildcard listening address becomes loopback. */
export function localUrl(listening: string): string {
  const url = new URL(listening);
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  else if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.origin;
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
