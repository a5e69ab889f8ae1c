import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOKEN_FILE, fileTokenStore } from '../db/sync/tokens.js';
import { fakeSafeStorage } from './electron-mock.js';
import { ENCRYPTED_TOKEN_FILE, electronTokenStore } from './syncTokens.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

const tokens = { accessToken: 'access-secret', refreshToken: 'refresh-secret', accessExpiresAt: '2026-09-21T10:00:00.000Z' };
let dataDir = '';

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-tokens-'));
  fakeSafeStorage.isEncryptionAvailable.mockReturnValue(true);
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('electronTokenStore', () => {
  it('keeps only ciphertext in the data folder and reads it back', () => {
    const store = electronTokenStore(dataDir, vi.fn());
    expect(store.load()).toBeNull();
    store.save(tokens);

    const stored = fs.readFileSync(path.join(dataDir, ENCRYPTED_TOKEN_FILE), 'utf8');
    expect(stored).not.toContain('secret');
    expect(fakeSafeStorage.encryptString).toHaveBeenCalled();
    expect(electronTokenStore(dataDir, vi.fn()).load()).toEqual(tokens);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dataDir, ENCRYPTED_TOKEN_FILE)).mode & 0o777).toBe(0o600);

    store.clear();
    expect(store.load()).toBeNull();
  });

  it('treats ciphertext it cannot decrypt as signed out', () => {
    fs.writeFileSync(path.join(dataDir, ENCRYPTED_TOKEN_FILE), 'from another account');
    expect(electronTokenStore(dataDir, vi.fn()).load()).toBeNull();
  });

  it('removes plain-text tokens left from a time without encryption once it saves encrypted ones', () => {
    fileTokenStore(dataDir).save(tokens);
    electronTokenStore(dataDir, vi.fn()).save(tokens);
    expect(fs.existsSync(path.join(dataDir, TOKEN_FILE))).toBe(false);
  });

  it('falls back to the 0600 file store with one warning when encryption is unavailable', () => {
    fakeSafeStorage.isEncryptionAvailable.mockReturnValue(false);
    const warn = vi.fn();
    const store = electronTokenStore(dataDir, warn);
    store.save(tokens);
    store.load();

    expect(warn).toHaveBeenCalledTimes(1);
    expect(fileTokenStore(dataDir).load()).toEqual(tokens);
    expect(fs.existsSync(path.join(dataDir, ENCRYPTED_TOKEN_FILE))).toBe(false);
  });
});
