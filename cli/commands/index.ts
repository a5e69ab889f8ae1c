/**
 * Every `rounds` subcommand: what `--help` shows and how its options parse, here; its code in its own
 * module, loaded by `run` when the command runs — so `rounds --help` (and a command) loads no other
 * command's code. A new command is one more entry and one module exporting `run`.
 */
import type { Command } from '../command.js';

export const COMMANDS: readonly Command[] = [
  {
    name: 'seed',
    usage: 'seed --scale demo|rep|lead --seed N [--force]',
    optionHelp: [['--scale demo|rep|lead', 'scale'], ['--seed N', 'seed'], ['--force', 'force']],
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '42' },
      force: { type: 'boolean', default: false },
    },
    run: async (context) => (await import('./seed.js')).run(context),
  },
  {
    name: 'backup',
    usage: 'backup [--out FILE]',
    optionHelp: [['--out FILE', 'out']],
    options: { out: { type: 'string' } },
    run: async (context) => (await import('./backup.js')).run(context),
  },
  {
    name: 'recovery-key',
    usage: 'recovery-key [--use KEY]',
    optionHelp: [['--use KEY', 'use']],
    options: { use: { type: 'string' } },
    run: async (context) => (await import('./recoveryKey.js')).run(context),
  },
  {
    name: 'export',
    usage: 'export visits|report|calendar --from D --to D [--rep R] [--format csv|xlsx|pdf|ics] [--include visits,dates,festivals] [--per-rep] [--lang zh-CN|en] --out FILE',
    optionHelp: [
      ['visits | report | calendar', 'kind'],
      ['--from D, --to D', 'period'],
      ['--rep R', 'rep'],
      ['--format F', 'format'],
      ['--include LIST', 'include'],
      ['--per-rep', 'perRep'],
      ['--lang L', 'lang'],
      ['--tz ZONE', 'tz'],
      ['--out FILE', 'out'],
    ],
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      rep: { type: 'string' },
      include: { type: 'string' },
      'per-rep': { type: 'boolean', default: false },
      format: { type: 'string' },
      lang: { type: 'string' },
      tz: { type: 'string' },
      out: { type: 'string' },
    },
    takesArgs: true,
    run: async (context) => (await import('./export.js')).run(context),
  },
  {
    name: 'import',
    usage: 'import FILE [--mapping FILE] [--dry-run] [--skip-invalid] [--date-order MDY|DMY] [--lang zh-CN|en]',
    optionHelp: [['FILE', 'file'], ['--mapping FILE', 'mapping'], ['--save-mapping FILE', 'saveMapping'], ['--dry-run', 'dryRun'], ['--skip-invalid', 'skipInvalid'], ['--date-order MDY|DMY', 'dateOrder'], ['--sheet NAME', 'sheet'], ['--header-row N', 'headerRow'], ['--max-mb N', 'maxMb'], ['--tz ZONE', 'tz'], ['--lang zh-CN|en', 'lang']],
    options: {
      mapping: { type: 'string' },
      'save-mapping': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'skip-invalid': { type: 'boolean', default: false },
      'date-order': { type: 'string' },
      sheet: { type: 'string' },
      'header-row': { type: 'string' },
      'max-mb': { type: 'string' },
      tz: { type: 'string' },
      lang: { type: 'string' },
    },
    takesArgs: true,
    run: async (context) => (await import('./import.js')).run(context),
  },
  {
    name: 'agenda',
    usage: 'agenda [--date YYYY-MM-DD] [--days N] [--json] [--lang en|zh-CN]',
    optionHelp: [['--date YYYY-MM-DD', 'date'], ['--days N', 'days'], ['--json', 'json'], ['--lang en|zh-CN', 'lang']],
    options: {
      date: { type: 'string' },
      days: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      lang: { type: 'string', default: 'en' },
    },
    run: async (context) => (await import('./agenda.js')).run(context),
  },
  {
    name: 'serve',
    usage: 'serve [--port 8787] [--host 127.0.0.1] [--database-url URL | --data-dir DIR] [--tls-cert FILE --tls-key FILE] [--trust-proxy LIST]',
    optionHelp: [['--port N', 'port'], ['--host ADDRESS', 'host'], ['--database-url URL', 'databaseUrl'], ['--tls-cert FILE', 'tlsCert'], ['--tls-key FILE', 'tlsKey'], ['--trust-proxy LIST', 'trustProxy'], ['environment', 'environment']],
    options: { port: { type: 'string' }, host: { type: 'string' }, 'database-url': { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'trust-proxy': { type: 'string' } },
    run: async (context) => (await import('./serve.js')).run(context),
  },
  {
    name: 'user',
    usage:
      'user add --role rep|lead|admin --team NAME USERNAME [--password-stdin] | user list | user disable USERNAME | user reset-password USERNAME' +
      ' | user devices USERNAME | user revoke-device DEVICE_ID | user restore-device DEVICE_ID',
    optionHelp: [['--role rep|lead|admin', 'role'], ['--team NAME', 'team'], ['--name TEXT', 'name'], ['--password-stdin', 'passwordStdin'], ['--database-url URL', 'databaseUrl']],
    options: {
      role: { type: 'string' },
      team: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'database-url': { type: 'string' },
    },
    takesArgs: true,
    run: async (context) => (await import('./user.js')).run(context),
  },
  {
    name: 'share',
    usage: 'share add ACCOUNT USERNAME | share remove ACCOUNT USERNAME | share list',
    optionHelp: [['ACCOUNT', 'account'], ['--database-url URL', 'databaseUrl']],
    options: { 'database-url': { type: 'string' } },
    takesArgs: true,
    run: async (context) => (await import('./share.js')).run(context),
  },
  {
    name: 'login',
    usage: 'login --server URL --user NAME [--password-stdin]',
    optionHelp: [['--server URL', 'server'], ['--user NAME', 'user'], ['--password-stdin', 'passwordStdin']],
    options: { server: { type: 'string' }, user: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
    run: async (context) => (await import('./login.js')).run(context),
  },
  {
    name: 'sync',
    usage: 'sync',
    optionHelp: [],
    options: {},
    run: async (context) => (await import('./sync.js')).run(context),
  },
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
