/**
 * The desktop app keeps the database key encrypted by `safeStorage` (the OS keychain's key), as
 * ciphertext in the data folder: useless on another laptop or OS account. Where the OS offers no
 * encryption (Linux without a keyring) this place throws and the next one of host/databaseKey.ts is used.
 */
import fs from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { DATABASE_KEY_BYTES } from '../db/encryption.js';
import type { KeyVault } from '../host/databaseKey.js';
import { writePrivateFile } from '../host/privateFiles.js';

export const ENCRYPTED_KEY_FILE = 'database-key.bin';

/** Call after `app.whenReady()`: before it, Linux reports no encryption even when it has some. */
export function safeStorageVault(dataDir: string): KeyVault {
  const file = path.join(dataDir, ENCRYPTED_KEY_FILE);
  const available = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new Error('safeStorage encryption is unavailable');
    // Linux without a keyring: Electron "encrypts" with a fixed password. That protects nothing, and
    // only the app could read the key: the key file (which `rounds` reads too, and says what it is) is better.
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') throw new Error('safeStorage has no keyring here');
  };
  return {
    name: 'safeStorage',
    appOnly: true,
    load() {
      available();
      if (!fs.existsSync(file)) return null;
      const key = Buffer.from(safeStorage.decryptString(fs.readFileSync(file)), 'hex');
      return key.length === DATABASE_KEY_BYTES ? key : null;
    },
    save(key) {
      available();
      writePrivateFile(file, safeStorage.encryptString(key.toString('hex')));
    },
  };
}
