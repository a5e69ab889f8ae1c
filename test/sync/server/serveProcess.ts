/** A `rounds serve` child process on a PostgreSQL database, as deployed: its own process, its own pool. */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROUNDS = fileURLToPath(new URL('../../../cli/bin/rounds.mjs', import.meta.url));

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** SIGTERM and wait for the exit */
  stop(): Promise<void>;
}

export async function spawnServe(databaseUrl: string, env: Record<string, string> = {}, extraArgs: string[] = []): Promise<ServeProcess> {
  const child = spawn(process.execPath, [ROUNDS, 'serve', '--port', '0', '--database-url', databaseUrl, ...extraArgs], {
    env: { ...process.env, ROUNDS_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`rounds serve did not start: ${output}`)), 20_000);
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
