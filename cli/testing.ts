/** Runs `rounds` in-process for tests, capturing what it prints. */
import type { CliIo } from './io.js';
import { main } from './main.js';

export interface RoundsRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runRounds(argv: string[], options: { env?: NodeJS.ProcessEnv; now: Date }): Promise<RoundsRun> {
  let stdout = '';
  let stderr = '';
  // The key file, never the developer's OS keyring, keeps the test data folders' database keys.
  const env = { ROUNDS_KEY_STORE: 'file', ...options.env };
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, now: () => options.now };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
