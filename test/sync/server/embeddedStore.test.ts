/**
 * The embedded (PGlite) store of `rounds serve` is one process's alone: a second process on the same
 * folder is refused with what to do, never let in to corrupt it; `rounds user` and `rounds share` go
 * through the running server instead. Real processes: the servers are `rounds serve` children, the
 * commands run in this process (the store's lock is per process).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { uuidv7 } from 'uuidv7';
import { afterEach, describe, expect, it } from 'vitest';
import { runRounds } from '../../../cli/testing.js';
import { useTempDir } from '../../../db/testing/tempDir.js';
import { ROUNDS, spawnEmbeddedServe, type ServeProcess } from './serveProcess.js';

const PASSWORD = 'correct horse battery';
const tempDir = useTempDir();
const servers: ServeProcess[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function serve(dataDir: string): Promise<ServeProcess> {
  const server = await spawnEmbeddedServe(dataDir);
  servers.push(server);
  return server;
}

const rounds = (dataDir: string, argv: string[], env: NodeJS.ProcessEnv = {}) =>
  runRounds(['--data-dir', dataDir, ...argv], { env: { LANG: 'en_US.UTF-8', ROUNDS_PASSWORD: PASSWORD, ...env }, now: new Date() });

async function login(url: string, username: string): Promise<number> {
  const response = await fetch(new URL('/v1/auth/login', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD, deviceName: 'test laptop', clientId: uuidv7() }),
  });
  return response.status;
}

/** `rounds …` as a process of its own; resolves with its exit code and output. */
function roundsProcess(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ROUNDS, ...args], { env: { ...process.env, DATABASE_URL: '', LC_ALL: 'en_US.UTF-8' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Files under `dir` that anyone but their owner may read (group or other bits set). */
function loosePaths(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => (fs.statSync(path.join(dir, name)).mode & 0o077) !== 0);
}

describe('rounds serve on the embedded store', () => {
  it('creates a data folder that does not exist (0700) and starts', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tempDir(), 'not', 'yet');
    const server = await serve(dataDir);
    expect((await fetch(new URL('/health', server.url))).status).toBe(200);
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('a user added while the server runs can sign in at once, and after a restart', { timeout: 180_000 }, async () => {
    const dataDir = tempDir();
    const server = await serve(dataDir);
    expect(await rounds(dataDir, ['user', 'add', '--role', 'rep', '--team', 'north', 'bob'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Added rep bob') });
    expect(await login(server.url, 'bob')).toBe(200);
    expect((await rounds(dataDir, ['user', 'list'])).stdout).toMatch(/^bob\s+rep\s+north$/m);

    await server.stop();
    const restarted = await serve(dataDir);
    expect(await login(restarted.url, 'bob')).toBe(200);
    // and the server's admin routes want the key that only its OS user can read
    expect((await fetch(new URL('/v1/admin/users', restarted.url))).status).toBe(401);
    expect(fs.statSync(path.join(dataDir, 'sync-server.admin.json')).mode & 0o777).toBe(0o600);
  });

  it('refuses a second process on the same store with what to do; the store stays intact and is free once the first exits', { timeout: 240_000 }, async () => {
    const dataDir = tempDir();
    const storeDir = path.join(dataDir, 'sync-server');
    const first = await serve(dataDir);
    expect(await rounds(dataDir, ['user', 'add', '--role', 'admin', '--team', 'north', 'alice'])).toMatchObject({ code: 0 });

    const second = await roundsProcess(['--data-dir', dataDir, 'serve', '--port', '0']);
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `rounds: The server store ${storeDir} is in use by the Rounds server running as pid ${first.child.pid} (${first.url}). ` +
        `Only one process may open it: stop that server first (Ctrl-C where it runs, or kill ${first.child.pid}), or start this one with another --data-dir. ` +
        'While it runs, `rounds user` and `rounds share` on this folder go through it.',
    ]);
    expect(await login(first.url, 'alice')).toBe(200);

    await first.stop();
    expect((await rounds(dataDir, ['user', 'list'])).stdout).toMatch(/^alice\s+admin\s+north$/m);
    // PGlite writes its files 0666 whatever the umask; each process leaves them to its OS user alone.
    expect(loosePaths(storeDir)).toEqual([]);
    const next = await serve(dataDir);
    expect(await login(next.url, 'alice')).toBe(200);
  });

  it('refuses while another command holds the store, in the user’s language, and takes over a lock left by a dead process', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const storeDir = path.join(dataDir, 'sync-server');
    fs.writeFileSync(`${storeDir}.lock`, String(process.ppid));
    const refused = await rounds(dataDir, ['user', 'list'], { LANG: 'zh_CN.UTF-8' });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining(`服务器数据 ${storeDir} 正被另一个 Rounds 进程（进程 ${process.ppid}）使用`) });
    expect((await rounds(dataDir, ['share', 'list'])).stderr).toContain(`is in use by another Rounds process (pid ${process.ppid})`);

    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.on('exit', resolve));
    fs.writeFileSync(`${storeDir}.lock`, String(gone.pid));
    expect(await rounds(dataDir, ['user', 'list'])).toMatchObject({ code: 0, stdout: expect.stringContaining('No users yet') });
    expect(fs.existsSync(`${storeDir}.lock`)).toBe(false);
  });

  it('reports a failed start in one line, no stack, and leaves the store free', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const failed = await rounds(dataDir, ['serve', '--port', String(port)]);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toMatch(/^rounds: The sync server could not start: .*EADDRINUSE.*\n$/);
    } finally {
      blocker.close();
    }
    expect(await rounds(dataDir, ['user', 'list'])).toMatchObject({ code: 0 });

    const file = path.join(tempDir(), 'a file');
    fs.writeFileSync(file, '');
    const notAFolder = await rounds(path.join(file, 'data'), ['serve', '--port', '0']);
    expect(notAFolder.stderr).toMatch(/^rounds: Cannot create the data folder .*a file\/data: .*\n$/);
  });
});
