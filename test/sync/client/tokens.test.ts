import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { fileTokenStore, TOKEN_FILE } from '../../../db/sync/tokens.js';

describe('fileTokenStore', () => {
  const tempDir = useTempDir();

  it('keeps tokens in a file only the user can read, and forgets them on clear', () => {
    const dir = tempDir();
    const store = fileTokenStore(dir);
    expect(store.load()).toBeNull();
    const tokens = { accessToken: 'a', refreshToken: 'r'.repeat(20), accessExpiresAt: '2026-11-23T02:15:00.000Z' };
    store.save(tokens);
    expect(fs.statSync(path.join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600);
    expect(fileTokenStore(dir).load()).toEqual(tokens);
    store.clear();
    expect(store.load()).toBeNull();
    expect(fs.existsSync(path.join(dir, TOKEN_FILE))).toBe(false);
  });
});
