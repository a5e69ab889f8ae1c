import fs from 'node:fs';
import type { Db } from '../../db/connection.js';
import { databasePathIn } from '../../db/paths.js';
import { SCALES, seedDatabase, type Scale } from '../../db/seed/index.js';
import { acquireDataDirLock } from '../../host/lock.js';
import { CommandError, UsageError, type CommandContext } from '../command.js';
import { messages } from '../messages.js';
import { openDataFolderDatabase } from '../database.js';

/**
 * What `--force` empties before seeding, children first. The outbox goes too: its entries describe
 * edits to rows that no longer exist. Settings (language, the rep's name) stay.
 */
const DATA_TABLES = ['greetings', 'complaints', 'orders', 'tier_suggestion_ignores', 'snoozes', 'note_revisions', 'notes', 'visits', 'important_dates', 'family_members', 'contacts', 'accounts', 'outbox'];

function parseScale(value: string): Scale {
  if (!(SCALES as readonly string[]).includes(value)) throw new UsageError(messages.seed.badScale(value, SCALES));
  return value as Scale;
}

function parseSeed(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new UsageError(messages.seed.badSeed(value));
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
  const scale = parseScale(String(values.scale));
  const seed = parseSeed(String(values.seed));
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  try {
    const file = databasePathIn(dataDir);
    const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
    try {
      if (hasAccounts(db)) {
        if (values.force !== true) throw new CommandError(messages.seed.notEmpty(file));
        emptyDataTables(db);
      }
      io.stdout(`${messages.seed.seeding(scale, seed, file)}\n`);
      const started = performance.now();
      const counts = seedDatabase(db, { scale, seed, now: io.now() });
      io.stdout(`${messages.seed.done(counts, (performance.now() - started) / 1000)}\n`);
    } finally {
      db.close();
    }
  } finally {
    lock.release();
  }
}
