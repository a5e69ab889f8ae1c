/**
 * `rounds serve --tls-cert FILE --tls-key FILE`: HTTPS with a self-signed certificate (made in Node,
 * test/support/certificate.ts), and the sync client trusting it through
 * NODE_EXTRA_CA_CERTS, as a laptop trusts a company CA.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRounds } from '../../../cli/testing.js';
import { addUser } from '../../../server/users.js';
import { BACKENDS, type TestDatabase } from './backends.js';
import { PASSWORD } from './fixture.js';
import { spawnServe, type ServeProcess } from './serveProcess.js';
import { writeSelfSignedCertificate, type CertificateFiles } from '../../support/certificate.js';

const ROUNDS = fileURLToPath(new URL('../../../cli/bin/rounds.mjs', import.meta.url));

function getHealth(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(`${url}/health`, ca === undefined ? {} : { ca: fs.readFileSync(ca) }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

/** `rounds …` in a child process: NODE_EXTRA_CA_CERTS is read only when a process starts. */
function roundsChild(argv: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ROUNDS, ...argv], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('rounds serve over HTTPS', () => {
  let dir: string;
  let certificate: CertificateFiles;
  let db: TestDatabase;
  let server: ServeProcess;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-https-'));
    certificate = await writeSelfSignedCertificate(dir);
    db = await BACKENDS.find((b) => b.name === 'postgres')!.create();
    await addUser(db.store, { username: 'lin', role: 'rep', teamName: 'west', password: PASSWORD });
    server = await spawnServe(db.databaseUrl!, {}, ['--tls-cert', certificate.cert, '--tls-key', certificate.key]);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers /health over HTTPS to a client that trusts the certificate, and to no other', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await getHealth(server.url, certificate.cert);
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' });
    await expect(getHealth(server.url, undefined)).rejects.toThrow(/self-signed|self signed/i);
  });

  it('rounds login and rounds sync work over https when Node trusts the CA (NODE_EXTRA_CA_CERTS)', async () => {
    const laptop = path.join(dir, 'laptop');
    const env = { ROUNDS_PASSWORD: PASSWORD, NODE_EXTRA_CA_CERTS: certificate.cert };
    const login = await roundsChild(['--data-dir', laptop, 'login', '--server', server.url, '--user', 'lin'], env);
    expect(login).toMatchObject({ code: 0, output: expect.stringContaining(`Signed in as lin (team west) to ${server.url}`) });
    expect(await roundsChild(['--data-dir', laptop, 'sync'], env)).toMatchObject({ code: 0, output: expect.stringContaining('Synced: ') });

    const untrusting = await roundsChild(['--data-dir', path.join(dir, 'untrusting'), 'login', '--server', server.url, '--user', 'lin'], { ROUNDS_PASSWORD: PASSWORD });
    expect(untrusting).toMatchObject({ code: 1, output: expect.stringContaining('cannot be reached') });
  }, 60_000);

  it('refuses one TLS flag without the other, an unreadable file and a file that is not PEM, before opening the store', async () => {
    const serveIn = (LANG: string, ...argv: string[]) =>
      runRounds(['--data-dir', dir, 'serve', '--port', '0', '--database-url', 'postgres://nobody@127.0.0.1:1/none', ...argv], { env: { LANG }, now: new Date() });
    const serve = (...argv: string[]) => serveIn('en_US.UTF-8', ...argv);
    expect(await serve('--tls-cert', certificate.cert)).toMatchObject({ code: 2, stderr: expect.stringContaining('--tls-cert FILE and --tls-key FILE go together') });
    expect(await serve('--tls-key', certificate.key)).toMatchObject({ code: 2 });
    const missing = path.join(dir, 'missing.pem');
    expect(await serve('--tls-cert', missing, '--tls-key', certificate.key)).toMatchObject({ code: 1, stderr: expect.stringContaining(`Cannot read the TLS certificate ${missing}`) });
    expect(await serve('--tls-cert', certificate.cert, '--tls-key', missing)).toMatchObject({ code: 1, stderr: expect.stringContaining('Cannot read the TLS private key') });
    expect(await serve('--tls-cert', certificate.key, '--tls-key', certificate.cert)).toMatchObject({ code: 1, stderr: expect.stringContaining('are not a PEM certificate and its private key') });
    expect(await serveIn('zh_CN.UTF-8', '--tls-cert', certificate.key, '--tls-key', certificate.cert)).toMatchObject({ code: 1, stderr: expect.stringContaining('不是 PEM 证书及其私钥') });
  });
});
