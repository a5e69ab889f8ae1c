import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { newDatabaseKey } from '../db/encryption.js';
import { useTempDir } from '../db/testing/tempDir.js';
import { databaseKeys, keyFilePathFor, keyFileVault } from '../host/databaseKey.js';
import { ENCRYPTED_KEY_FILE, safeStorageVault } from './databaseKey.js';
import { fakeSafeStorage } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

beforeEach(() => {
  fakeSafeStorage.isEncryptionAvailable.mockReturnValue(true);
  fakeSafeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('the database key in safeStorage', () => {
  const tempDir = useTempDir();

  it('keeps only ciphertext, 0600, and reads the key back', () => {
    const dataDir = tempDir();
    const key = newDatabaseKey();
    safeStorageVault(dataDir).save(key);
    const file = path.join(dataDir, ENCRYPTED_KEY_FILE);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(key.toString('hex'));
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(safeStorageVault(dataDir).load()).toEqual(key);
  });

  it.runIf(process.platform === 'linux')('treats Linux without a keyring (basic_text) as no safeStorage', () => {
    fakeSafeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(() => safeStorageVault(tempDir()).save(newDatabaseKey())).toThrow(/no keyring/);
    fakeSafeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
    expect(() => safeStorageVault(tempDir()).save(newDatabaseKey())).not.toThrow();
  });

  it('without OS encryption, the host falls back to the key file', () => {
    fakeSafeStorage.isEncryptionAvailable.mockReturnValue(false);
    const dataDir = path.join(tempDir(), 'Rounds');
    const notice = vi.fn();
    const key = databaseKeys({ dataDir, vaults: [safeStorageVault(dataDir), keyFileVault(dataDir)], language: 'en', notice }).obtain(path.join(dataDir, 'rounds.sqlite'));
    expect(fs.readFileSync(keyFilePathFor(dataDir), 'utf8').trim()).toBe(key.toString('hex'));
    expect(notice).toHaveBeenCalledTimes(1);
  });
});
