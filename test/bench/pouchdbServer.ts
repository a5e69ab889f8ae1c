/**
 * pouchdb-server as a child process (the classic offline-first sync server in JavaScript), storing
 * its databases with LevelDB in a folder on disk, as our server stores rows in PostgreSQL on disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from './countingProxy.js';

const BIN = path.resolve('node_modules/pouchdb-server/bin/pouchdb-server');
const START_TIMEOUT_MS = 30_000;

export interface PouchdbServer {
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const until = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}: ${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pouchdb-server did not answer at ${url} within ${START_TIMEOUT_MS / 1000} s: ${output()}`);
}

/** Starts pouchdb-server on a free port with its data (and its log and config files) in `dir`. */
export async function startPouchdbServer(dir: string): Promise<PouchdbServer> {
  fs.mkdirSync(dir, { recursive: true });
  // Errors only: our server runs with logging off in the benches, so neither pays for request logs.
  fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ log: { file: path.join(dir, 'log.txt'), level: 'error' } }));
  const host = '127.0.0.1';
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, '--host', host, '--port', String(port), '--dir', dir, '--config', path.join(dir, 'config.json'), '--no-stdout-logs'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => void (errors = (errors + chunk.toString()).slice(-2000)));
  const url = `http://${host}:${port}`;
  const close = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilAnswering(url, child, () => errors);
  } catch (error) {
    await close();
    throw error;
  }
  return { host, port, url, close };
}
