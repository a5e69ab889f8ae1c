/**
 * The `rounds` command line: global options, then one subcommand from `commands/index.ts`.
 * Exit codes: 0 done, 1 the work failed, 2 the arguments were wrong.
 */
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { TFunction } from 'i18next';
import { AGENDA_MAX_DAYS } from '../core/agenda/range.js';
import { ApiError } from '../core/api/errors.js';
import { isDiskFull } from '../db/diskFull.js';
import { resolveDataDir } from '../db/paths.js';
import { DataDirLockedError } from '../host/lock.js';
import { CommandError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type Command, type OptionValues } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { processIo, type CliIo } from './io.js';
import { cliText } from './text.js';

const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const satisfies ParseArgsConfig['options'];

function programVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

const summaryOf = (command: Command, t: TFunction) => t(`commands.${command.name}.summary`);

/** Options and what they do, in two columns. */
function optionLines(options: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(0, ...options.map(([syntax]) => syntax.length));
  return options.map(([syntax, text]) => `  ${syntax.padEnd(width)}  ${text}`);
}

function globalOptions(t: TFunction): Array<[string, string]> {
  return [
    ['--data-dir DIR', t('program.global.dataDir')],
    ['-h, --help', t('program.global.help')],
    ['-v, --version', t('program.global.version')],
  ];
}

function programHelp(t: TFunction): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    t('program.summary'),
    '',
    t('program.usage'),
    '',
    t('program.commandsHeading'),
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${summaryOf(c, t)}`),
    '',
    t('program.optionsHeading'),
    ...optionLines(globalOptions(t)),
    '',
    t('program.moreHelp'),
    '',
  ].join('\n');
}

function commandHelp(command: Command, t: TFunction): string {
  const own = command.optionHelp.map(([syntax, key]): [string, string] => [syntax, t(`commands.${command.name}.options.${key}`, { max: AGENDA_MAX_DAYS })]);
  return [`rounds ${command.name} — ${summaryOf(command, t)}`, '', t('program.usageHint', { usage: command.usage }), '', t('program.optionsHeading'), ...optionLines([...own, ...globalOptions(t)]), ''].join('\n');
}

/** An error the service reported, as the user can act on it. */
function apiErrorText(code: string, detail: string, t: TFunction): string {
  return ['database_newer', 'database_corrupt', 'database_key_unknown', 'disk_full'].includes(code) ? t(`apiError.${code}`, { detail }) : t('apiError.other', { code, detail });
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
  const t = cliText(io.env);
  const at = commandIndex(argv);
  const globals = parseStrict(at === -1 ? argv : argv.slice(0, at), GLOBAL_OPTIONS).values;
  if (at === -1) {
    if (globals.version) return io.stdout(`${programVersion()}\n`);
    if (globals.help) return io.stdout(programHelp(t));
    throw new UsageError(t('program.missingCommand'));
  }
  const name = argv[at]!;
  const command = findCommand(name);
  if (!command) throw new UsageError(t('program.unknownCommand', { name }));
  // Global options may also follow the command: `rounds seed --data-dir x`.
  const parsed = parseStrict(argv.slice(at + 1), { ...GLOBAL_OPTIONS, ...command.options }, command.takesArgs === true);
  const values = { ...globals, ...parsed.values };
  if (values.help) return io.stdout(commandHelp(command, t));
  if (values.version) return io.stdout(`${programVersion()}\n`);
  const dataDir = resolveDataDir({ flag: values['data-dir'] as string | undefined, env: io.env });
  return command.run({ values, args: parsed.positionals, dataDir, io });
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const t = cliText(io.env);
  const failed = (message: string) => io.stderr(`${t('program.error', { message })}\n`);
  try {
    return (await run(argv, io)) ?? EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError) {
      const command = findCommand(argv[commandIndex(argv)] ?? '');
      failed(error.message);
      io.stderr(`${command ? t('program.usageHint', { usage: command.usage }) : t('program.usage')}\n${t('program.moreHelp')}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof CommandError) failed(error.message);
    else if (error instanceof DataDirLockedError) failed(t('program.lockHeld', { pid: error.pid }));
    else if (error instanceof ApiError) failed(apiErrorText(error.code, error.message, t));
    else if (isDiskFull(error)) failed(apiErrorText('disk_full', '', t));
    else io.stderr(`${t('program.unexpected', { message: error instanceof Error ? (error.stack ?? error.message) : String(error) })}\n`);
    return EXIT_FAILURE;
  }
}
