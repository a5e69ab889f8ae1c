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

  it('`rounds login --server` without a scheme says to write https://', async () => {
    const run = await runRounds(['--data-dir', tempDir(), 'login', '--server', '127.0.0.1:9', '--user', 'wang'], { env: { ROUNDS_PASSWORD: 'secret' }, now: new Date() });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('https://');
    expect(run.stderr).toContain('服务器地址请以 https:// 开头');
    expect(run.stderr).not.toContain('cannot be reached');
  });
});
