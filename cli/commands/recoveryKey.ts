import fs from 'node:fs';
import { ApiError } from '../../core/api/errors.js';
import { databaseKeyOf } from '../../db/connection.js';
import { openDatabase } from '../../db/openDatabase.js';
import { formatRecoveryKey, parseRecoveryKey } from '../../db/encryption.js';
import { databasePathIn } from '../../db/paths.js';
import { CommandError, type CommandContext } from '../command.js';
import { dataFolderKeys, openDataFolderDatabase } from '../database.js';
import { cliText } from '../text.js';

/** The command line's side of the recovery key: show it (as Settings does), or open a database from elsewhere with it. */
export async function run({ values, dataDir, io }: CommandContext) {
  const t = cliText(io.env);
  const file = databasePathIn(dataDir);
  if (!fs.existsSync(file)) throw new CommandError(t('program.noDatabase', { file }));
  const notice = (line: string) => io.stderr(`${line}\n`);
  if (typeof values.use !== 'string') {
    const db = openDataFolderDatabase(dataDir, io.env, notice);
    try {
      io.stdout(`${t('recoveryKey.show', { key: formatRecoveryKey(databaseKeyOf(db)!) })}\n`);
    } finally {
      db.close();
    }
    return;
  }
  const key = parseRecoveryKey(values.use);
  if (!key) throw new CommandError(t('recoveryKey.invalid'));
  try {
    openDatabase(file, { key }).close();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'database_key_unknown') throw new CommandError(t('recoveryKey.wrong'));
    throw error;
  }
  dataFolderKeys(dataDir, io.env, notice).remember(key);
  io.stdout(`${t('recoveryKey.kept')}\n`);
}
