/** What `rounds serve` and `rounds user` share: where the store is, and reading a password. */
import path from 'node:path';
import readline from 'node:readline';
import type { StoreLocation } from './store/open.js';

/** `--database-url`, else DATABASE_URL, else PGlite in `<data dir>/sync-server`. */
export function storeLocation(options: { databaseUrl?: string; dataDir: string; env: NodeJS.ProcessEnv }): StoreLocation {
  const databaseUrl = options.databaseUrl ?? options.env.DATABASE_URL;
  return databaseUrl ? { databaseUrl } : { dataDir: path.join(options.dataDir, 'sync-server') };
}

/** What `readPassword` reads: process.stdin, or a fake terminal in tests. */
export type PasswordInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/**
 * The first line of stdin with `--password-stdin`; else ROUNDS_PASSWORD; else asked for on the terminal
 * (`prompt` writes the caller's prompt, in the user's language), which then does not show what is typed.
 */
export async function readPassword(options: {
  fromStdin: boolean;
  env: NodeJS.ProcessEnv;
  prompt: () => void;
  /** ends the prompt's line once Enter is pressed (nothing typed was shown, not even the newline) */
  newline?: () => void;
  input?: PasswordInput;
}): Promise<string> {
  const input = options.input ?? process.stdin;
  if (!options.fromStdin && options.env.ROUNDS_PASSWORD) return options.env.ROUNDS_PASSWORD;
  if (!options.fromStdin && input.isTTY && input.setRawMode) {
    options.prompt();
    const password = await readHiddenLine(input as PasswordInput & { setRawMode(raw: boolean): unknown });
    (options.newline ?? (() => process.stderr.write('\n')))();
    return password;
  }
  const lines = readline.createInterface({ input, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}

/**
 * One line typed on a terminal in raw mode, so the terminal echoes nothing: Enter ends it, Backspace
 * takes back a character, Ctrl-D on an empty line gives '', Ctrl-C stops with an error. The terminal is
 * put back as it was whatever happens.
 */
function readHiddenLine(input: PasswordInput & { setRawMode(raw: boolean): unknown }): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      input.removeListener('data', onData);
      input.removeListener('end', onEnd);
      input.setRawMode(false);
      input.pause();
      if (error) reject(error);
      else resolve(typed);
    };
    const onEnd = () => finish(null);
    const onData = (chunk: Buffer | string) => {
      for (const char of String(chunk)) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003') return finish(new Error('interrupted'));
        if (char === '\u0004' && typed === '') return finish(null);
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.on('end', onEnd);
    input.resume();
  });
}
