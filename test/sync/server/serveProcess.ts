/** A `rounds serve` child process, as deployed: its own process, on PostgreSQL or on an embedded store. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROUNDS = fileURLToPath(new URL('../../../cli/bin/rounds.mjs', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** SIGTERM and wait for the exit */
  stop(): Promise<void>;
}

/** `rounds serve` on a PostgreSQL database. */
export function spawnServe(databaseUrl: string, env: Record<string, string> = {}, extraArgs: string[] = []): Promise<ServeProcess> {
  return spawnRoundsServe(['serve', '--port', '0', '--database-url', databaseUrl, ...extraArgs], env);
}

/** `rounds serve` on the embedded PGlite store of a data folder (no DATABASE_URL from the environment), in English. */
export function spawnEmbeddedServe(dataDir: string): Promise<ServeProcess> {
  return spawnRoundsServe(['--data-dir', dataDir, 'serve', '--port', '0'], { DATABASE_URL: '', LC_ALL: 'en_US.UTF-8' });
}

async function spawnRoundsServe(args: string[], env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, [ROUNDS, ...args], {
    env: { ...process.env, ROUNDS_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`rounds serve did not start: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`rounds serve exited ${code}: ${output}`)));
  });
  return {
    child,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
