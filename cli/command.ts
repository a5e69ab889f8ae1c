import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.js';

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** Wrong arguments: the user gets the message and the command's usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Something went wrong doing the work: the user gets the message, exit code 1. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  values: OptionValues;
  /** words after the command name that are not options (`rounds export visits` → ['visits']); empty unless the command takes them */
  args: string[];
  /** the resolved data folder (`--data-dir`, else ROUNDS_DATA_DIR, else the OS folder) */
  dataDir: string;
  io: CliIo;
}

/** One `rounds <name>` subcommand. Register it in `commands/index.ts`. */
export interface Command {
  name: string;
  /** the synopsis after `rounds`, e.g. `seed --scale demo|rep|lead --seed N [--force]` */
  usage: string;
  /**
   * One line per option shown by `rounds <name> --help`: the option as typed (`--scale demo|rep|lead`) and the
   * key of what it does under `cli:commands.<name>.options` (its one-line summary is `cli:commands.<name>.summary`).
   */
  optionHelp: ReadonlyArray<readonly [syntax: string, key: string]>;
  options: NonNullable<ParseArgsConfig['options']>;
  /** whether the command takes words that are not options (else any such word is a usage error) */
  takesArgs?: boolean;
  /** resolves to the exit code when the command has one of its own (e.g. `import`: 3 = invalid rows); nothing = 0 */
  run(context: CommandContext): Promise<void | number>;
}
