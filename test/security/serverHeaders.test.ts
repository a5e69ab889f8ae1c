/**
 * Security headers on the server's answers: no content sniffing on every one, no caching of token
 * answers, and Strict-Transport-Security when the server speaks HTTPS itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSyncServer } from '../../server/http/app.js';
import { BACKENDS, type TestDatabase } from '../sync/server/backends.js';
import { PASSWORD, TEST_SECRET, useSyncServer } from '../sync/server/fixture.js';
import { writeSelfSignedCertificate } from '../support/certificate.js';

const pglite = BACKENDS.find((b) => b.name === 'pglite')!;

describe('security headers', () => {
  const server = useSyncServer(pglite, [['lin', 'rep', 'west']]);

  it('every answer, errors and unknown routes included, says nosniff', async () => {
    const { app } = server.fixture;
    const answers = [
      await app.inject({ method: 'GET', url: '/health' }),
      await app.inject({ method: 'GET', url: '/no/such/route' }),
      await app.inject({ method: 'POST', url: '/v1/sync/pull', payload: '{not json', headers: { 'content-type': 'application/json' } }),
      await app.inject({ method: 'POST', url: '/v1/sync/pull', payload: {} }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 404, 400, 401]);
    for (const answer of answers) expect(answer.headers['x-content-type-options']).toBe('nosniff');
    // Plain HTTP: HSTS would be meaningless (and ignored) there.
    expect(answers[0]!.headers['strict-transport-security']).toBeUndefined();
  });

  it('token answers (login, refresh) are never cached', async () => {
    const { app } = server.fixture;
    const login = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'lin', password: PASSWORD, deviceName: 'laptop', clientId: uuidv7() } });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const refresh = await app.inject({ method: 'POST', url: '/v1/auth/refresh', payload: { refreshToken: (login.json() as { refreshToken: string }).refreshToken } });
    expect(refresh.statusCode).toBe(200);
    expect(refresh.headers['cache-control']).toBe('no-store');
  });
});

describe('security headers under TLS', () => {
  let dir: string;
  let db: TestDatabase;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-hsts-'));
    await writeSelfSignedCertificate(dir);
    db = await pglite.create();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers carry Strict-Transport-Security', async () => {
    const tls = { cert: fs.readFileSync(path.join(dir, 'cert.pem')), key: fs.readFileSync(path.join(dir, 'key.pem')) };
    const app = buildSyncServer({ store: db.store, tokenSecret: TEST_SECRET, tls });
    try {
      for (const url of ['/health', '/no/such/route']) {
        const answer = await app.inject({ method: 'GET', url });
        expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
      }
    } finally {
      await app.close();
    }
  });
});
