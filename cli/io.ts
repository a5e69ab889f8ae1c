/** What a command may touch of the outside world; tests pass their own to capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

export function processIo(): CliIo {
  return {
    // Braces: write() returns a boolean, and a command that ends with `return io.stdout(…)` must not
    // hand it on as the exit code.
    stdout: (text) => {
      process.stdout.write(text);
    },
    stderr: (text) => {
      process.stderr.write(text);
    },
    env: process.env,
    now: () => new Date(),
  };
}
