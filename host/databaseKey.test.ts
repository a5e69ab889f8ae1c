import fs from 'node:fs';
import path from 'node:path';
import type { Entry } from '@napi-rs/keyring';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../core/api/errors.js';
import { openDatabase } from '../db/openDatabase.js';
import { newDatabaseKey } from '../db/encryption.js';
import { useTempDir } from '../db/testing/tempDir.js';
import { databaseKeys, keyFilePathFor, keyFileVault, keyringVault, memoryKeyVault, nodeKeyVaults, type KeyVault } from './databaseKey.js';

const keyringEntries: unknown[][] = [];
/** The keyring addon's stand-in: records how each entry is asked for, and holds no password. */
const fakeKeyring = () => ({
  Entry: class {
    constructor(...args: unknown[]) {
      keyringEntries.push(args);
    }
    getPassword() {
      return null;
    }
  } as unknown as typeof Entry,
});

/** The OS keyring of a headless machine, as @napi-rs/keyring behaves there: nothing stored, nothing storable. */
const headlessKeyring: KeyVault = {
  name: 'keyring',
  load: () => null,
  save: () => {
    throw new Error("Couldn't access platform storage: AccessDenied");
  },
};

describe('database keys', () => {
  const tempDir = useTempDir();

  it('falls back to a 0600 key file beside the data folder, says so in one line, and finds the key again', () => {
    const dataDir = path.join(tempDir(), 'Rounds');
    const notice = vi.fn();
    const keys = databaseKeys({ dataDir, vaults: [headlessKeyring, keyFileVault(dataDir)], language: 'en', notice });
    const key = keys.obtain(path.join(dataDir, 'rounds.sqlite'));

    const file = keyFilePathFor(dataDir);
    expect(path.dirname(file)).toBe(path.dirname(dataDir));
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'));
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(notice).toHaveBeenCalledTimes(1);
    expect(notice.mock.calls[0]?.[0]).toContain(file);

    const again = databaseKeys({ dataDir, vaults: [headlessKeyring, keyFileVault(dataDir)], language: 'zh-CN', notice });
    expect(again.obtain(path.join(dataDir, 'rounds.sqlite'))).toEqual(key);
    expect(notice).toHaveBeenCalledTimes(1);
  });

  it('asks only the Secret Service on Linux: the kernel keyring fallback would forget the key at reboot', () => {
    const dataDir = tempDir();
    expect(keyringVault(dataDir, fakeKeyring).load()).toBeNull();
    expect(keyringEntries.at(-1)).toEqual(['Rounds database key', path.resolve(dataDir), { linux: { store: 'secret-service' } }]);
  });

  it('prefers the keyring when it works, and ROUNDS_KEY_STORE=file skips it', () => {
    const dataDir = tempDir();
    const keyring = memoryKeyVault();
    const key = databaseKeys({ dataDir, vaults: [keyring, keyFileVault(dataDir)], language: 'en' }).obtain(path.join(dataDir, 'rounds.sqlite'));
    expect(keyring.key).toEqual(key);
    expect(fs.existsSync(keyFilePathFor(dataDir))).toBe(false);
    expect(nodeKeyVaults(dataDir, { ROUNDS_KEY_STORE: 'file' }).map((vault) => vault.name)).toEqual(['file']);
  });

  it('never makes a new key for an encrypted database it has no key for', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'rounds.sqlite');
    openDatabase(file, { key: newDatabaseKey() }).close();
    const keys = databaseKeys({ dataDir, vaults: [memoryKeyVault()], language: 'en' });
    expect(() => keys.obtain(file)).toThrow(ApiError);
    try {
      keys.obtain(file);
    } catch (error) {
      expect((error as ApiError).code).toBe('database_key_unknown');
    }
  });

  it('keeps an app-only key (safeStorage) in the keyring too, so `rounds` on this laptop opens the same database', () => {
    const dataDir = tempDir();
    const appOnly = { ...memoryKeyVault(), name: 'safeStorage' as const, appOnly: true };
    const keyring = memoryKeyVault();
    const key = databaseKeys({ dataDir, vaults: [appOnly, keyring, keyFileVault(dataDir)], language: 'en' }).obtain(path.join(dataDir, 'rounds.sqlite'));
    expect(keyring.key).toEqual(key);
    expect(fs.existsSync(keyFilePathFor(dataDir))).toBe(false);
  });
});
