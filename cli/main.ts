/**
 * The `rounds` command line: global options, then one subcommand from `commands/index.ts`.
 * Exit codes: 0 done, 1 the work failed, 2 the arguments were wrong.
 */
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ApiError } from '../core/api/errors.js';
import { isDiskFull } from '../db/diskFull.js';
import { resolveDataDir } from '../db/paths.js';
import { DataDirLockedError } from '../host/lock.js';
import { CommandError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type Command, type OptionValues } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { processIo, type CliIo } from './io.js';
import { messages } from './messages.js';

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

function programVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

function programHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    messages.programSummary,
    '',
    messages.programUsage,
    '',
    messages.commandsHeading,
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    messages.optionsHeading,
    ...messages.globalOptions,
    '',
    messages.moreHelp,
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  return [`rounds ${command.name} — ${command.summary}`, '', messages.usageHint(command.usage), '', messages.optionsHeading, ...command.optionHelp, ...messages.globalOptions, ''].join('\n');
}

/** Index of the subcommand's name: the first word that is neither an option nor the value of `--data-dir`. */
function commandIndex(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--data-dir') i += 1;
    else if (!arg.startsWith('-')) return i;
  }
  return -1;
}

/** `parseArgs` reports bad arguments as TypeErrors with ERR_PARSE_ARGS_* codes; they are usage errors. */
function parseStrict(args: string[], options: NonNullable<ParseArgsConfig['options']>, allowPositionals = false): { values: OptionValues; positionals: string[] } {
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals });
    return { values: parsed.values as OptionValues, positionals: parsed.positionals };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('ERR_PARSE_ARGS_')) throw new UsageError((error as Error).message);
    throw error;
  }
}

async function run(argv: string[], io: CliIo): Promise<void | number> {
  const at = commandIndex(argv);
  const globals = parseStrict(at === -1 ? argv : argv.slice(0, at), GLOBAL_OPTIONS).values;
  if (at === -1) {
    if (globals.version) return io.stdout(`${programVersion()}\n`);
    if (globals.help) return io.stdout(programHelp());
    throw new UsageError(messages.missingCommand);
  }
  const name = argv[at]!;
  const command = findCommand(name);
  if (!command) throw new UsageError(messages.unknownCommand(name));
  // Global options may also follow the command: `rounds seed --data-dir x`.
  const parsed = parseStrict(argv.slice(at + 1), { ...GLOBAL_OPTIONS, ...command.options }, command.takesArgs === true);
  const values = { ...globals, ...parsed.values };
  if (values.help) return io.stdout(commandHelp(command));
  if (values.version) return io.stdout(`${programVersion()}\n`);
  const dataDir = resolveDataDir({ flag: values['data-dir'] as string | undefined, env: io.env });
  return command.run({ values, args: parsed.positionals, dataDir, io });
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    return (await run(argv, io)) ?? EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      const command = findCommand(argv[commandIndex(argv)] ?? '');
      io.stderr(`${messages.error(error.message)}\n${command ? messages.usageHint(command.usage) : messages.programUsage}\n${messages.moreHelp}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CommandError) io.stderr(`${messages.error(error.message)}\n`);
    else if (error instanceof DataDirLockedError) io.stderr(`${messages.error(messages.lockHeld(error.pid))}\n`);
    else if (error instanceof ApiError) io.stderr(`${messages.error(messages.apiError(error.code, error.message))}\n`);
    else if (isDiskFull(error)) io.stderr(`${messages.error(messages.apiError('disk_full', ''))}\n`);
    else io.stderr(`${messages.unexpected(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return EXIT_FAILURE;
  }
}
