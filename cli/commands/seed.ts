import fs from 'node:fs';
import type { TFunction } from 'i18next';
import type { Db } from '../../db/connection.js';
import { databasePathIn } from '../../db/paths.js';
import { SCALES, seedDatabase, type Scale } from '../../db/seed/index.js';
import { acquireDataDirLock } from '../../host/lock.js';
import { CommandError, UsageError, type CommandContext } from '../command.js';
import { openDataFolderDatabase } from '../database.js';
import { cliText } from '../text.js';

/**
 * What `--force` empties before seeding, children first. The outbox goes too: its entries describe
 * edits to rows that no longer exist. Settings (language, the rep's name) stay.
 */
const DATA_TABLES = ['greetings', 'complaints', 'orders', 'tier_suggestion_ignores', 'snoozes', 'note_revisions', 'notes', 'visits', 'important_dates', 'family_members', 'contacts', 'accounts', 'outbox'];

function parseScale(value: string, t: TFunction): Scale {
  if (!(SCALES as readonly string[]).includes(value)) throw new UsageError(t('seed.badScale', { value, scales: SCALES.join(', ') }));
  return value as Scale;
}

function parseSeed(value: string, t: TFunction): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(t('seed.badSeed', { value }));
  return Number(value);
}

function hasAccounts(db: Db): boolean {
  return (db.prepare('SELECT EXISTS (SELECT 1 FROM accounts) AS found').get() as { found: number }).found === 1;
}

function emptyDataTables(db: Db): void {
  db.transaction(() => {
    for (const table of DATA_TABLES) db.prepare(`DELETE FROM ${table}`).run();
  })();
}

export async function run({ values, dataDir, io }: CommandContext) {
  const t = cliText(io.env);
  const scale = parseScale(String(values.scale), t);
  const seed = parseSeed(String(values.seed), t);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const file = databasePathIn(dataDir);
    const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
    try {
      if (hasAccounts(db)) {
        if (values.force !== true) throw new CommandError(t('seed.notEmpty', { file }));
        emptyDataTables(db);
      }
      io.stdout(`${t('seed.seeding', { scale, seed, file })}\n`);
      const started = performance.now();
      const counts = seedDatabase(db, { scale, seed, now: io.now() });
      io.stdout(`${t('seed.done', { ...counts, seconds: ((performance.now() - started) / 1000).toFixed(1) })}\n`);
    } finally {
      db.close();
    }
  } finally {
    lock.release();
  }
}
