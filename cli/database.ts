/** How every `rounds` command opens the data folder's database: with its key, from the OS keyring or the key file. */
import type { Db } from '../db/connection.js';
import { openDatabase } from '../db/openDatabase.js';
import { databasePathIn } from '../db/paths.js';
import { databaseKeys, nodeKeyVaults, type DatabaseKeys } from '../host/databaseKey.js';
import { defaultLanguage } from '../host/environment.js';
import { ensurePrivateDir } from '../host/privateFiles.js';

/** `notice` gets the one line that says the key is kept in a file (first use on a machine without a keyring). */
export function dataFolderKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env, notice?: (line: string) => void): DatabaseKeys {
  return databaseKeys({ dataDir, vaults: nodeKeyVaults(dataDir, env), language: defaultLanguage(env), ...(notice ? { notice } : {}) });
}

export function openDataFolderDatabase(dataDir: string, env: NodeJS.ProcessEnv = process.env, notice?: (line: string) => void): Db {
  ensurePrivateDir(dataDir);
  const file = databasePathIn(dataDir);
  return openDatabase(file, { key: dataFolderKeys(dataDir, env, notice).obtain(file) });
}
