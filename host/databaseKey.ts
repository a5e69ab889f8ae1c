/**
 * Where a data folder's database key is kept: never inside the data folder, so a copied folder or
 * backup carries no key. Places are tried in order — Electron's safeStorage in the app (electron/
 * passes it in), the OS keyring (macOS Keychain, Windows Credential Manager, Secret Service), and last
 * a file readable by the user alone beside the data folder, for machines with no keyring (headless Linux).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Keyring from '@napi-rs/keyring';
import { ApiError } from '../core/api/errors.js';
import { translator } from '../core/i18n/translator.js';
import { isPlainDatabaseFile, newDatabaseKey, DATABASE_KEY_BYTES, type DatabaseKey } from '../db/encryption.js';
import { writePrivateFile } from './privateFiles.js';

/** One place a key can be kept. Both methods throw when the place is not available on this machine. */
export interface KeyVault {
  readonly name: 'safeStorage' | 'keyring' | 'file';
  load(): DatabaseKey | null;
  save(key: DatabaseKey): void;
  /** only the desktop app can read it (safeStorage): a new key also goes to the next shared place, for `rounds` */
  readonly appOnly?: boolean;
}

const KEYRING_SERVICE = 'Rounds database key';

function asKey(hex: string | null): DatabaseKey | null {
  if (hex === null) return null;
  const key = Buffer.from(hex.trim(), 'hex');
  return key.length === DATABASE_KEY_BYTES ? key : null;
}

/**
 * The keyring's native addon, loaded when a keyring is first asked: a command run with
 * `ROUNDS_KEY_STORE=file` (CI, a headless server) never loads it (about 10 ms of `rounds` start-up).
 */
const nativeKeyring = (): Pick<typeof Keyring, 'Entry'> => createRequire(import.meta.url)('@napi-rs/keyring') as typeof Keyring;

/**
 * The OS keyring, one entry per data folder (its absolute path). On Linux only the Secret Service: the
 * library's fallback, the kernel keyring, lives in memory and would lose the key at the next reboot (or
 * with the login session) — and the database with it. `keyring`: the addon (tests pass a stand-in).
 */
export function keyringVault(dataDir: string, keyring: () => Pick<typeof Keyring, 'Entry'> = nativeKeyring): KeyVault {
  const entry = () => new (keyring().Entry)(KEYRING_SERVICE, path.resolve(dataDir), { linux: { store: 'secret-service' } });
  return {
    name: 'keyring',
    load: () => asKey(entry().getPassword() ?? null),
    save: (key) => entry().setPassword(key.toString('hex')),
  };
}

/** For tests, and a host that keeps the key only for the life of the process. */
export function memoryKeyVault(initial: DatabaseKey | null = null): KeyVault & { key: DatabaseKey | null } {
  const vault = {
    name: 'keyring' as const,
    key: initial,
    load: () => vault.key,
    save: (key: DatabaseKey) => {
      vault.key = key;
    },
  };
  return vault;
}

/** `<data folder>.key`: beside the folder, not in it, so copying the folder does not copy the key. */
export function keyFilePathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.key`;
}

export function keyFileVault(dataDir: string): KeyVault {
  const file = keyFilePathFor(dataDir);
  return {
    name: 'file',
    load() {
      try {
        return asKey(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    save: (key) => writePrivateFile(file, `${key.toString('hex')}\n`),
  };
}

/**
 * `ROUNDS_KEY_STORE=file` skips the OS keyring (CI, tests, a machine whose keyring prompts): the key
 * then lives in the key file.
 */
export function nodeKeyVaults(dataDir: string, env: NodeJS.ProcessEnv = process.env): KeyVault[] {
  return env.ROUNDS_KEY_STORE === 'file' ? [keyFileVault(dataDir)] : [keyringVault(dataDir), keyFileVault(dataDir)];
}

export interface DatabaseKeys {
  /**
   * The key for the database file: the one kept for this data folder, else a new one (saved before it
   * is used) when the file does not exist yet or is still plain. An encrypted file with no key kept
   * here is `ApiError('database_key_unknown')`: a new key would never open it.
   */
  obtain(databasePath: string): DatabaseKey;
  /** Keeps a key that opened the database (a recovery key typed in) for the next start. */
  remember(key: DatabaseKey): void;
}

export function databaseKeys(options: {
  dataDir: string;
  vaults: KeyVault[];
  language: 'zh-CN' | 'en';
  notice?: (line: string) => void;
}): DatabaseKeys {
  const { vaults, language } = options;
  const notice = options.notice ?? ((line: string) => console.warn(line));

  function load(): DatabaseKey | null {
    for (const vault of vaults) {
      try {
        const key = vault.load();
        if (key) return key;
      } catch {
        // Not available here (no keyring service, safeStorage off): the next place may have it.
      }
    }
    return null;
  }

  function save(key: DatabaseKey): void {
    let saved = false;
    let unavailable = false;
    for (const vault of vaults) {
      if (saved && vault.name === 'file') break;
      try {
        vault.save(key);
      } catch {
        unavailable = true;
        continue;
      }
      // Said once, when the key is made: the file is the fallback for a machine without a keychain
      // (not when ROUNDS_KEY_STORE chose it).
      if (vault.name === 'file' && unavailable) notice(translator(language, 'settings')('data.keyFileNotice', { file: keyFilePathFor(options.dataDir) }));
      saved = true;
      if (!vault.appOnly) return;
    }
    if (!saved) throw new Error('no place to keep the database key');
  }

  return {
    obtain(databasePath) {
      const kept = load();
      if (kept) return kept;
      if (fs.existsSync(databasePath) && fs.statSync(databasePath).size > 0 && !isPlainDatabaseFile(databasePath)) {
        throw new ApiError('database_key_unknown');
      }
      const key = newDatabaseKey();
      save(key);
      return key;
    },
    remember: save,
  };
}
