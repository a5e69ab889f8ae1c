/** Every line the `rounds` command prints, in one place (English, with Chinese where it helps). */
import type { SeedCounts } from '../db/seed/index.js';

export const messages = {
  programSummary: 'rounds — the Rounds (巡访) command line: data sets, backups and more, on a data folder.',
  programUsage: 'Usage: rounds [--data-dir DIR] <command> [options]',
  globalOptions: [
    '  --data-dir DIR   data folder (default: $ROUNDS_DATA_DIR, else the per-user app-data folder)',
    '  -h, --help       show help (also: rounds <command> --help)',
    '  -v, --version    show the version',
  ],
  commandsHeading: 'Commands:',
  optionsHeading: 'Options:',
  moreHelp: 'Run `rounds <command> --help` for a command’s options.',
  missingCommand: 'No command given.',
  unknownCommand: (name: string) => `Unknown command "${name}".`,
  usageHint: (usage: string) => `Usage: rounds ${usage}`,
  error: (message: string) => `rounds: ${message}`,
  unexpected: (message: string) => `rounds: unexpected error: ${message}`,

  seed: {
    badScale: (value: string, scales: readonly string[]) => `--scale must be one of ${scales.join(', ')} (got "${value}").`,
    badSeed: (value: string) => `--seed must be a whole number (got "${value}").`,
    notEmpty: (file: string) =>
      `The database ${file} already holds accounts (数据库非空). Use --force to replace its data with the data set.`,
    seeding: (scale: string, seed: number, file: string) => `Seeding the ${scale} data set (seed ${seed}) into ${file} …`,
    done: (counts: SeedCounts, seconds: number) =>
      `Done in ${seconds.toFixed(1)} s: ${counts.accounts} accounts, ${counts.contacts} contacts, ${counts.dates} dates, ${counts.visits} visits, ${counts.notes} notes.`,
  },
  backup: {
    noDatabase: (file: string) => `No database at ${file} (找不到数据库); nothing to back up.`,
    done: (file: string, bytes: number) => `Backup written (备份完成): ${file} (${(bytes / 1e6).toFixed(1)} MB)`,
  },
  recoveryKey: {
    show: (key: string) =>
      `Recovery key (恢复密钥):\n  ${key}\nWrite it down and keep it away from this laptop: with it a backup opens on another laptop (请抄写并妥善保存).`,
    invalid: 'That is not a recovery key: it has 52 letters and digits in groups of four (恢复密钥格式不对).',
    wrong: 'This recovery key does not open this database (此恢复密钥打不开这个数据库).',
    kept: 'The database opens with this key; this laptop keeps it now (已保存密钥).',
  },
  apiError: (code: string, detail: string) =>
    code === 'database_newer'
      ? 'The database was written by a newer version of Rounds (数据库版本较新); update Rounds to open it.'
      : code === 'database_corrupt'
        ? `The database file is damaged (数据库已损坏): ${detail}. Start the app to restore a backup.`
        : code === 'database_key_unknown'
          ? 'The database is encrypted with a key this laptop does not have (数据库使用了本机没有的密钥加密). Run `rounds recovery-key --use KEY` (or start the app) with the recovery key shown in Settings on the laptop it came from.'
          : code === 'disk_full'
            ? 'The disk is full (磁盘已满): nothing was written. Free some space and try again.'
            : `${code}: ${detail}`,
  lockHeld: (pid: number) => `Rounds is running on this data folder (pid ${pid}); close it first (请先关闭应用).`,
};
