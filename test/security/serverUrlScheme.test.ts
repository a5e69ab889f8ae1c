/** A server address without http:// or https:// is refused, never silently taken as plain http://. */
import { describe, expect, it } from 'vitest';
import { runRounds } from '../../cli/testing.js';
import { normalizeServerUrl, SyncError } from '../../db/sync/http.js';
import { useTempDir } from '../../db/testing/tempDir.js';

const tempDir = useTempDir();

describe('server address scheme', () => {
  it('refuses an address without a scheme and keeps explicit http:// and https://', () => {
    for (const bare of ['sync.example.com', '127.0.0.1:8080', ' localhost:3000/ ']) {
      expect(() => normalizeServerUrl(bare)).toThrow(SyncError);
      try {
        normalizeServerUrl(bare);
      } catch (error) {
        expect((error as SyncError).messageKey).toBe('sync:errors.scheme_required');
      }
    }
    expect(normalizeServerUrl('http://127.0.0.1:8080/')).toBe('http://127.0.0.1:8080');
    expect(normalizeServerUrl(' https://sync.example.com ')).toBe('https://sync.example.com');
  });

  it('refuses an address with a user name or password in it, and names neither in the error', () => {
    for (const withCredentials of ['https://wang:secret@sync.example.com', 'http://wang@127.0.0.1:8080', 'https://:secret@sync.example.com/']) {
      let refused: unknown;
      try {
        normalizeServerUrl(withCredentials);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(SyncError);
      expect((refused as SyncError).messageKey).toBe('sync:errors.credentials_in_url');
      expect((refused as SyncError).message).not.toMatch(/secret|wang/);
    }
  });

  it('`rounds login --server` without a scheme says to write https://', async () => {
    const login = (env: Record<string, string>) => runRounds(['--data-dir', tempDir(), 'login', '--server', '127.0.0.1:9', '--user', 'wang'], { env: { ROUNDS_PASSWORD: 'secret', ...env }, now: new Date() });
    const english = await login({ LANG: 'en_US.UTF-8' });
    expect(english.code).not.toBe(0);
    expect(english.stderr).toContain('Start the server address with https://');
    expect(english.stderr).not.toContain('cannot be reached');
    // In the user's language, like every message of the command line.
    const chinese = await login({ LANG: 'zh_CN.UTF-8' });
    expect(chinese.code).not.toBe(0);
    expect(chinese.stderr).toContain('服务器地址请以 https:// 开头');
  });
});
