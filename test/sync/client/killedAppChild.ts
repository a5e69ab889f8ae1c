/**
 * The app's half of a `kill -9` test, as its own process (`killedApp.test.ts` SIGKILLs it): takes the
 * data folder's lock as the app does, writes a note and an account edit through the repo (each with its
 * outbox entry, in one transaction), reports them on stdout, then either waits to be killed (`write`)
 * or starts a sync and is killed while its push is in flight (`write-and-sync`).
 *
 * Usage: node --import tsx killedAppChild.ts DATA_DIR ACCOUNT_ID write|write-and-sync
 */
import { openDataFolderDatabase } from '../../../cli/database.js';
import { updateAccount } from '../../../db/repo/accounts.js';
import { insertNote } from '../../../db/repo/notes.js';
import { SyncController } from '../../../db/sync/controller.js';
import { fileTokenStore } from '../../../db/sync/tokens.js';
import { acquireDataDirLock } from '../../../host/lock.js';

const [dataDir, accountId, mode] = process.argv.slice(2);
if (!dataDir || !accountId || (mode !== 'write' && mode !== 'write-and-sync')) throw new Error('usage: killedAppChild.ts DATA_DIR ACCOUNT_ID write|write-and-sync');

acquireDataDirLock(dataDir);
const db = openDataFolderDatabase(dataDir);
const now = new Date().toISOString();
const note = insertNote(db, { accountId, visitId: null, contactId: null, body: `kill -9 之前写下的笔记 (${mode})` }, now);
const account = updateAccount(db, accountId, { city: `${mode} 之前的城市` }, now);
// What was written, for the test to look for on the server (one JSON line).
process.stdout.write(`${JSON.stringify({ noteId: note.id, body: note.body, city: account.city })}\n`);

if (mode === 'write') {
  // Nothing else to do: stay alive until the test kills us.
  setInterval(() => undefined, 60_000);
} else {
  const controller = new SyncController({ db, tokens: fileTokenStore(dataDir), autoSync: false });
  await controller.runOnce();
  // Reaching this means the push was answered, which the test's proxy never does.
  process.stdout.write('synced\n');
}
