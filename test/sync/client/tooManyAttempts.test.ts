/** A sign-in the server throttles (429, issue 11) is told to wait, on the password field, in minutes. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiErrorBody } from '../../../core/api/errors.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { callApi } from '../../../db/service/dispatch.js';
import { createService } from '../../../db/service/index.js';
import { memoryTokenStore } from '../../../db/sync/tokens.js';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { syncText } from '../../../cli/commands/sync.js';
import { translator } from '../../../core/i18n/translator.js';
import { SyncError } from '../../../db/sync/http.js';
import { syncFailure } from '../../../db/service/sync.js';

const tempDir = useTempDir();

function throttledFetch(body: object): typeof fetch {
  return async () => new Response(JSON.stringify(body), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '840' } });
}

async function signIn(body: object): Promise<ApiErrorBody> {
  const dataDir = tempDir();
  const db = openDatabase(path.join(dataDir, 'rounds.sqlite'));
  try {
    const handlers = createService({ db, dataDir, host: 'browser', version: '0.0.0-test', sync: { fetch: throttledFetch(body), tokens: memoryTokenStore() } });
    const result = await callApi(handlers, 'sync.signIn', { serverUrl: 'https://sync.example.com', username: 'wang', password: 'secret' }, () => {});
    if (result.ok) throw new Error('sign-in should have failed');
    return result.error;
  } finally {
    db.close();
  }
}

describe('too many sign-in attempts', () => {
  it('puts "wait N minutes" on the password field', async () => {
    const refused = await signIn({ error: 'too_many_attempts', message: 'sync.server.tooManyAttempts', retryAfter: 840 });
    expect(refused).toMatchObject({ code: 'validation', issues: [{ path: ['password'], message: 'sync:errors.too_many_attempts_wait' }], params: { minutes: 14 } });
  });

  it('without a wait from the server, says to wait a few minutes', async () => {
    const refused = await signIn({ error: 'too_many_attempts', message: 'sync.server.tooManyAttempts' });
    expect(refused.issues).toEqual([{ path: ['password'], message: 'sync:errors.too_many_attempts' }]);
  });

  it('rounds sync says it in both languages, without the server’s log key', () => {
    const [en, zh] = [syncText(translator('en', 'cli')), syncText(translator('zh-CN', 'cli'))];
    const throttled = syncFailure(new SyncError('too_many_attempts', 'sync.server.tooManyAttempts', 840));
    expect(en.failure(throttled)).toBe('Too many sign-in attempts. Wait 14 min, then try again.');
    expect(zh.failure(throttled)).toBe(translator('zh-CN', 'sync')('errors.too_many_attempts_wait', { minutes: 14 }));
    expect(en.failure(syncFailure(new SyncError('too_many_attempts')))).toMatch(/Wait a few minutes/);
    expect(zh.failure(syncFailure(new SyncError('too_many_attempts')))).toBe(translator('zh-CN', 'sync')('errors.too_many_attempts'));
    // the command line's own next step where the app's would point at a screen
    expect(en.failure(syncFailure(new SyncError('signed_out')))).toContain('rounds login');
  });
});
