/**
 * Sync tokens in Electron: encrypted with `safeStorage` (the OS keychain's key) and kept as ciphertext
 * in the data folder, so a copied folder carries no usable session. Where the OS offers no encryption
 * (a Linux session without a keyring), the 0600 file store of the other hosts, with one warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { TOKEN_FILE, fileTokenStore, type SyncTokens, type TokenStore } from '../db/sync/tokens.js';

export const ENCRYPTED_TOKEN_FILE = 'sync-tokens.bin';

/** Call after `app.whenReady()`: before it, Linux reports no encryption even when it has some. */
export function electronTokenStore(dataDir: string, warn: (message: string) => void = console.warn): TokenStore {
  if (!safeStorage.isEncryptionAvailable()) {
    warn('[rounds] safeStorage encryption is unavailable: sync tokens are kept in a file readable by this user only');
    return fileTokenStore(dataDir);
  }
  const file = path.join(dataDir, ENCRYPTED_TOKEN_FILE);
  return {
    load() {
      try {
        return JSON.parse(safeStorage.decryptString(fs.readFileSync(file))) as SyncTokens;
      } catch {
        return null; // none yet, or encrypted under another OS account's key: signed out
      }
    },
    save(tokens) {
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, safeStorage.encryptString(JSON.stringify(tokens)), { mode: 0o600 });
      fs.renameSync(temp, file);
      // Tokens saved in plain text while encryption was unavailable must not outlive the switch.
      fs.rmSync(path.join(dataDir, TOKEN_FILE), { force: true });
    },
    clear() {
      fs.rmSync(file, { force: true });
    },
  };
}
