import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/connection.js';
import { databasePathIn } from '../../db/paths.js';
import { createBackup } from '../../db/service/backup.js';
import { advanceGeneration } from '../../db/sync/identity.js';
import { CommandError, type Command } from '../command.js';
import { messages } from '../messages.js';

async function backupTo(db: ReturnType<typeof openDatabase>, out: string): Promise<{ path: string; bytes: number }> {
  const target = path.resolve(out);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  await db.backup(target);
  return { path: target, bytes: fs.statSync(target).size };
}

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the database to a backup file, safe while the app runs (备份)',
  usage: 'backup [--out FILE]',
  optionHelp: ['  --out FILE   where to write the copy (default: <data dir>/backups/rounds-<time>.sqlite)'],
  options: { out: { type: 'string' } },
  async run({ values, dataDir, io }) {
    const file = databasePathIn(dataDir);
    if (!fs.existsSync(file)) throw new CommandError(messages.backup.noDatabase(file));
    const db = openDatabase(file);
    try {
      // SQLite's online backup gives a consistent copy even while the app keeps writing.
      const result = typeof values.out === 'string' ? await backupTo(db, values.out) : await createBackup(db, dataDir, io.now());
      // The copy keeps the generation the file had; the live file moves on, so the copy is known if put back.
      advanceGeneration(db);
      io.stdout(`${messages.backup.done(result.path, result.bytes)}\n`);
    } finally {
      db.close();
    }
  },
};
