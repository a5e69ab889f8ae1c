import type { ApiHandlers } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { SCHEMA_VERSION } from '../connection.js';
import { countAccounts } from '../repo/accounts.js';
import { markDemoRows, removeDemoData, summarizeDemoData } from '../sync/demo.js';
import { advanceGeneration } from '../sync/identity.js';
import { createBackup } from './backup.js';
import type { ServiceContext } from './context.js';

type AppHandlers = Pick<ApiHandlers, 'app.info' | 'app.status' | 'app.recover' | 'demo.load' | 'demo.status' | 'demo.remove' | 'backup.create'>;

export function appHandlers({ db, deps, now, today, stamp }: ServiceContext): AppHandlers {
  return {
    'app.info': () => ({
      version: deps.version,
      host: deps.host,
      dataDir: deps.dataDir,
      databasePath: db.name,
      schemaVersion: SCHEMA_VERSION,
      today: today(),
    }),
    // The host owns recovery (it runs before a database is open); with an open database all is well.
    'app.status': () => ({ state: 'ready' }),
    'app.recover': () => ({ state: 'ready' }),
    'demo.load': async () => {
      // Demo data is for a first run: mixing it into a rep's real accounts would pollute them.
      if (countAccounts(db) > 0) throw new ApiError('conflict', { detail: 'demo data needs an empty database' });
      // Loaded on demand: the generator and its vocabularies are not needed for everyday use.
      const { seedDatabase } = await import('../seed/index.js');
      const counts = db.transaction(() => {
        const seeded = seedDatabase(db, { scale: 'demo', seed: 42, now: now() });
        // Listed as demo data, so that it never goes to the team's server (db/sync/demo.ts).
        markDemoRows(db);
        return seeded;
      })();
      return { accounts: counts.accounts, contacts: counts.contacts, visits: counts.visits, notes: counts.notes };
    },
    'demo.status': () => summarizeDemoData(db),
    'demo.remove': () => removeDemoData(db, stamp()),
    'backup.create': async () => {
      const backup = await createBackup(db, deps.dataDir, now());
      advanceGeneration(db);
      return backup;
    },
  };
}
