/**
 * Every `rounds` subcommand: what `--help` shows and how its options parse, here; its code in its own
 * module, loaded by `run` when the command runs — so `rounds --help` (and a command) loads no other
 * command's code. A new command is one more entry and one module exporting `run`.
 */
import type { Command } from '../command.js';
import { AGENDA_MAX_DAYS } from '../../core/agenda/range.js';

export const COMMANDS: readonly Command[] = [
  {
    name: 'seed',
    summary: 'fill the database with a deterministic data set (生成示例数据)',
    usage: 'seed --scale demo|rep|lead --seed N [--force]',
    optionHelp: [
      '  --scale demo|rep|lead  demo ≈ 60 accounts; rep ≈ 2,000 accounts, 100,000 notes; lead = 20 reps (default: demo)',
      '  --seed N               the same N gives the same data, ids included (default: 42)',
      '  --force                replace the data of a database that already holds accounts',
    ],
    options: {
      scale: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '42' },
      force: { type: 'boolean', default: false },
    },
    run: async (context) => (await import('./seed.js')).run(context),
  },
  {
    name: 'backup',
    summary: 'copy the database to a backup file, safe while the app runs (备份)',
    usage: 'backup [--out FILE]',
    optionHelp: ['  --out FILE   where to write the copy (default: <data dir>/backups/rounds-<time>.sqlite)'],
    options: { out: { type: 'string' } },
    run: async (context) => (await import('./backup.js')).run(context),
  },
  {
    name: 'recovery-key',
    summary: 'show the database’s recovery key, or open a database from another laptop with it (恢复密钥)',
    usage: 'recovery-key [--use KEY]',
    optionHelp: ['  --use KEY    open the database with this recovery key and keep it on this laptop'],
    options: { use: { type: 'string' } },
    run: async (context) => (await import('./recoveryKey.js')).run(context),
  },
  {
    name: 'export',
    summary: 'export the visit log, the period report or the calendar (导出)',
    usage: 'export visits|report|calendar --from D --to D [--rep R] [--format csv|xlsx|pdf|ics] [--lang zh-CN|en] --out FILE',
    optionHelp: [
      '  visits | report | calendar   the visit log (csv, xlsx), the coverage report (pdf, xlsx), or planned visits, dates and festivals (ics)',
      '  --from D, --to D   the days to export, both included (YYYY-MM-DD); a whole month, quarter, half-year or year is titled as such',
      '  --rep R            one rep: "me", a rep id, or the short id shown in exports (default: the whole team)',
      '  --format F         visits: csv (default) or xlsx; report: pdf (default) or xlsx; calendar: ics',
      '  --lang L           zh-CN or en (default: the app’s language)',
      '  --tz ZONE          the time zone the days are in (default: this computer’s)',
      '  --out FILE         where to write; replaced only when the export succeeds',
    ],
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      rep: { type: 'string' },
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
    summary: 'import accounts, contacts or visits from a CSV or XLSX file, all valid rows or nothing (导入)',
    usage: 'import FILE [--mapping FILE] [--dry-run] [--skip-invalid] [--date-order MDY|DMY] [--lang zh-CN|en]',
    optionHelp: [
      '  FILE                  .csv/.tsv/.txt (UTF-8, GB18030/GBK, UTF-16; any delimiter) or .xlsx',
      '  --mapping FILE        column mapping as JSON {"source header": "field" | null} (default: detected from the headers)',
      '  --save-mapping FILE   write the mapping used to FILE, to edit and reuse',
      '  --dry-run             report what would be imported; change nothing',
      '  --skip-invalid        import the valid rows even if some are invalid (else nothing is imported, exit 3)',
      '  --date-order MDY|DMY  how to read 3/5/2026 (default: only unambiguous dates)',
      '  --sheet NAME          the sheet of a workbook (default: the first)',
      '  --header-row N        the line holding the headers (default: detected; a title row above is skipped)',
      '  --max-mb N            refuse files larger than N MB (default: 50)',
      '  --tz ZONE             time zone of visit times in the file (default: this computer’s)',
      '  --lang zh-CN|en       language of the report (default: en)',
    ],
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
    summary: 'print the Today agenda for a day or a range of days (今日待办)',
    usage: 'agenda [--date YYYY-MM-DD] [--days N] [--json] [--lang en|zh-CN]',
    optionHelp: [
      '  --date YYYY-MM-DD  first day (default: today in the local time zone)',
      `  --days N           how many days, 1–${AGENDA_MAX_DAYS} (default: 1)`,
      '  --json             print JSON: { from, days: [{ day, items: [...] }] }',
      '  --lang en|zh-CN    labels of the table (default: en)',
    ],
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
    summary: 'run the team sync server (同步服务器) until stopped',
    usage: 'serve [--port 8787] [--host 127.0.0.1] [--database-url URL | --data-dir DIR] [--tls-cert FILE --tls-key FILE] [--trust-proxy LIST]',
    optionHelp: [
      '  --port N            port to listen on (0 picks a free one; default 8787)',
      '  --host ADDRESS      address to listen on (default 127.0.0.1)',
      '  --database-url URL  PostgreSQL server (default: $DATABASE_URL, else embedded PGlite in <data dir>/sync-server, one process only)',
      '  --tls-cert FILE     serve HTTPS with this PEM certificate (chain: server certificate first); needs --tls-key',
      '  --tls-key FILE      the certificate’s PEM private key; needs --tls-cert',
      '  --trust-proxy LIST  reverse proxies (addresses, CIDR ranges, loopback) whose X-Forwarded-For names the client; default none',
      '  environment: ROUNDS_TOKEN_SECRET (shared token secret, default kept in the database), ROUNDS_TOMBSTONE_DAYS (default 90),',
      '    ROUNDS_SIGNIN_PER_ADDRESS (sign-ins and refreshes a minute per address, default 20)',
    ],
    options: { port: { type: 'string' }, host: { type: 'string' }, 'database-url': { type: 'string' }, 'tls-cert': { type: 'string' }, 'tls-key': { type: 'string' }, 'trust-proxy': { type: 'string' } },
    run: async (context) => (await import('./serve.js')).run(context),
  },
  {
    name: 'user',
    summary: 'manage the sync server’s users and teams (用户管理)',
    usage:
      'user add --role rep|lead|admin --team NAME USERNAME [--password-stdin] | user list | user disable USERNAME | user reset-password USERNAME' +
      ' | user devices USERNAME | user revoke-device DEVICE_ID | user restore-device DEVICE_ID',
    optionHelp: [
      '  --role rep|lead|admin  the new user’s role (add)',
      '  --team NAME            the new user’s team, created on first use (add)',
      '  --name TEXT            display name (add; default: the username)',
      '  --password-stdin       read the password from the first line of stdin (else ROUNDS_PASSWORD, else a prompt)',
      '  --database-url URL     PostgreSQL server (default: $DATABASE_URL, else PGlite in <data dir>/sync-server;',
      '                         while `rounds serve` runs on that folder, the command goes through it)',
    ],
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
    summary: 'share an account with another rep of its team, on the sync server (共享客户)',
    usage: 'share add ACCOUNT USERNAME | share remove ACCOUNT USERNAME | share list',
    optionHelp: [
      '  ACCOUNT                an account id, or its exact name within the user’s team',
      '  --database-url URL     PostgreSQL server (default: $DATABASE_URL, else PGlite in <data dir>/sync-server;',
      '                         while `rounds serve` runs on that folder, the command goes through it)',
    ],
    options: { 'database-url': { type: 'string' } },
    takesArgs: true,
    run: async (context) => (await import('./share.js')).run(context),
  },
  {
    name: 'login',
    summary: 'sign this data folder in to a sync server (登录同步服务器)',
    usage: 'login --server URL --user NAME [--password-stdin]',
    optionHelp: [
      '  --server URL       the sync server, e.g. https://sync.example.com',
      '  --user NAME        your user name on it',
      '  --password-stdin   read the password from the first line of stdin (else $ROUNDS_PASSWORD, else a prompt)',
    ],
    options: { server: { type: 'string' }, user: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
    run: async (context) => (await import('./login.js')).run(context),
  },
  {
    name: 'sync',
    summary: 'push local changes to the sync server and pull the team’s (同步)',
    usage: 'sync',
    optionHelp: [],
    options: {},
    run: async (context) => (await import('./sync.js')).run(context),
  },
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
