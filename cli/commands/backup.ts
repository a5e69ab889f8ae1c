import fs from 'node:fs';
import path from 'node:path';
import { databasePathIn } from '../../db/paths.js';
import { createBackup, writeBackup } from '../../db/service/backup.js';
import { advanceGeneration } from '../../db/sync/identity.js';
import { CommandError, type CommandContext } from '../command.js';
import { openDataFolderDatabase } from '../database.js';
import { cliText } from '../text.js';

export async function run({ values, dataDir, io }: CommandContext) {
  const t = cliText(io.env);
  const file = databasePathIn(dataDir);
  if (!fs.existsSync(file)) throw new CommandError(t('backup.noDatabase', { file }));
  const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
  try {
    // One read transaction gives a consistent copy even while the app keeps writing; it keeps the database's key.
    const result = typeof values.out === 'string' ? writeBackup(db, path.resolve(values.out)) : createBackup(db, dataDir, io.now());
    // The copy keeps the generation the file had; the live file moves on, so the copy is known if put back.
    advanceGeneration(db);
    io.stdout(`${t('backup.done', { file: result.path, megabytes: (result.bytes / 1e6).toFixed(1) })}\n`);
  } finally {
    db.close();
  }
}
