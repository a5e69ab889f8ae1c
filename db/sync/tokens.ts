/**
 * Where the sync tokens live. Never in the renderer and never in the database (a backup or a copied
 * database file must not carry a live session): the Electron host passes a `TokenStore` backed by
 * `safeStorage`; browser mode and the CLI use a file in the data folder readable by the user alone.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SyncTokens {
  accessToken: string;
  refreshToken: string;
  /** instant the access token stops working (refreshed a little before) */
  accessExpiresAt: string;
}

export interface TokenStore {
  load(): SyncTokens | null;
  save(tokens: SyncTokens): void;
  clear(): void;
}

export const TOKEN_FILE = 'sync-tokens.json';

/** Tokens in `<dataDir>/sync-tokens.json`, mode 0600 (rewritten atomically, so never briefly world-readable). */
export function fileTokenStore(dataDir: string): TokenStore {
  const file = path.join(dataDir, TOKEN_FILE);
  return {
    load() {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as SyncTokens;
      } catch {
        return null;
      }
    },
    save(tokens) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(tokens), { mode: 0o600 });
      fs.renameSync(temp, file);
    },
    clear() {
      fs.rmSync(file, { force: true });
    },
  };
}

/** For tests and for a host that keeps tokens only for the life of the process. */
export function memoryTokenStore(): TokenStore {
  let tokens: SyncTokens | null = null;
  return {
    load: () => tokens,
    save: (next) => {
      tokens = next;
    },
    clear: () => {
      tokens = null;
    },
  };
}
