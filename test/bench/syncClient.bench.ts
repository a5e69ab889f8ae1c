/**
 * The sync client's figures, on PostgreSQL (a scratch database at ROUNDS_TEST_DATABASE_URL)
 * with the server in a `rounds serve` process of its own (as deployed, and as pouchdb-server runs beside
 * it) on 127.0.0.1 and a byte-counting proxy in front of it:
 * laptop A (the `rep` data set, signed in as the rep) uploads everything through the real push path,
 * a new laptop B pulls it all (first sync), then A writes 100 notes and syncs, and B pulls them.
 * The upload and first-sync legs are kept in `context.shared` for the PouchDB comparison.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection.js';
import { databasePathIn } from '../../db/paths.js';
import { keyFilePathFor } from '../../host/databaseKey.js';
import { insertNote } from '../../db/repo/notes.js';
import { SyncController } from '../../db/sync/controller.js';
import { SyncConnection } from '../../db/sync/http.js';
import { pullChanges } from '../../db/sync/pull.js';
import { pushOutbox } from '../../db/sync/push.js';
import { syncOnce } from '../../db/sync/run.js';
import { readSyncState } from '../../db/sync/state.js';
import { memoryTokenStore } from '../../db/sync/tokens.js';
import { openStore } from '../../server/store/open.js';
import { addUser } from '../../server/users.js';
import { createScratchDatabase } from '../sync/server/backends.js';
import { spawnServe } from '../sync/server/serveProcess.js';
import { startCountingProxy, type CountingProxy, type WireBytes } from './countingProxy.js';
import { REP_DATA_DIR, openBenchDatabase, seedRep } from './foundation.js';
import { timed, type BenchContext, type BenchModule, type Measurement } from './harness.js';
import { countSyncedRows, enqueueAllSyncedRows } from './syncedRecords.js';

const REP_USER = 'rep';
const PASSWORD = 'bench password';
const NEW_NOTES = 100;
/** `context.shared` key of the Rounds legs the PouchDB comparison stands beside */
export const ROUNDS_SYNC_LEGS = 'rounds-sync-legs';

export interface SyncLeg {
  ms: number;
  bytes: WireBytes;
}

export interface RoundsSyncLegs {
  /** live synced rows uploaded by A and pulled by B */
  rows: number;
  /** push A → server */
  upload: SyncLeg;
  /** pull server → B (the first sync of a new laptop) */
  firstSync: SyncLeg;
}

export const megabytes = (bytes: WireBytes): number => (bytes.sent + bytes.received) / 1e6;

/** The `rep` data folder: the foundation bench's, or seeded here when only the sync benches run. */
export async function repDataDir(context: BenchContext): Promise<string> {
  if (!context.shared.has(REP_DATA_DIR)) await seedRep.run(context);
  return context.shared.get(REP_DATA_DIR) as string;
}

interface Laptop {
  db: Db;
  connection: SyncConnection;
}

async function signedInLaptop(dataDir: string, serverUrl: string): Promise<Laptop> {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openBenchDatabase(dataDir);
  const tokens = memoryTokenStore();
  await new SyncController({ db, tokens, autoSync: false }).signIn({ serverUrl, username: REP_USER, password: PASSWORD });
  return { db, connection: new SyncConnection({ serverUrl, clientId: readSyncState(db).clientId, tokens }) };
}

/** Times one leg and counts its bytes on the wire. */
async function leg<T>(proxy: CountingProxy, work: () => Promise<T>): Promise<{ result: T } & SyncLeg> {
  proxy.reset();
  const { result, ms } = await timed(work);
  return { result, ms, bytes: proxy.bytes() };
}

function requireSameCounts(expected: Record<string, number>, actual: Record<string, number>, what: string): void {
  const differing = Object.keys(expected).filter((table) => expected[table] !== actual[table]);
  if (differing.length > 0) {
    throw new Error(`${what}: row counts differ (${differing.map((t) => `${t}: ${expected[t]} vs ${actual[t]}`).join(', ')})`);
  }
}

/** Laptop A: a copy of the rep data set whose every live row waits in the outbox. */
function laptopAData(repDir: string, dataDir: string, now: string): number {
  fs.mkdirSync(dataDir, { recursive: true });
  const source = openBenchDatabase(repDir);
  try {
    source.prepare('VACUUM INTO ?').run(databasePathIn(dataDir));
  } finally {
    source.close();
  }
  // The copy is encrypted under the rep folder's key: it goes with it.
  fs.copyFileSync(keyFilePathFor(repDir), keyFilePathFor(dataDir));
  const db = openBenchDatabase(dataDir);
  try {
    // Earlier benches wrote through the app (the heavy account): those rows are enqueued below with the rest.
    db.prepare('DELETE FROM outbox').run();
    return enqueueAllSyncedRows(db, now);
  } finally {
    db.close();
  }
}

export const syncClientBenchmark: BenchModule = {
  name: 'sync client: first sync and 100 new notes (Rounds, PostgreSQL)',
  async run(context) {
    const repDir = await repDataDir(context);
    const now = () => new Date().toISOString();
    const enqueued = laptopAData(repDir, path.join(context.workDir, 'sync-laptop-a'), now());

    const scratch = await createScratchDatabase();
    const setup = await openStore({ databaseUrl: scratch.databaseUrl });
    const server = await spawnServe(scratch.databaseUrl);
    const serverAddress = new URL(server.url);
    const proxy = await startCountingProxy({ host: serverAddress.hostname, port: Number(serverAddress.port) });
    const open: Db[] = [];
    try {
      await addUser(setup, { username: REP_USER, role: 'rep', teamName: 'bench', password: PASSWORD });
      const a = await signedInLaptop(path.join(context.workDir, 'sync-laptop-a'), proxy.url);
      const b = await signedInLaptop(path.join(context.workDir, 'sync-laptop-b'), proxy.url);
      open.push(a.db, b.db);

      const upload = await leg(proxy, () => pushOutbox(a.db, a.connection, now));
      if (upload.result.applied !== enqueued || upload.result.rejected > 0) {
        throw new Error(`upload: ${upload.result.applied} of ${enqueued} applied, ${upload.result.rejected} rejected`);
      }
      // A new laptop joins a server at rest, not one still digesting a 200,000-row load: what autovacuum
      // would do next (hint bits, visibility map, statistics) and laptop A's checkpoint happen before the clock starts.
      await setup.query('VACUUM (ANALYZE) sync_rows');
      a.db.pragma('wal_checkpoint(TRUNCATE)');
      // A first sync starts with its priority phase: the rows Today needs, then everything.
      let todayUsableMs = Number.NaN;
      const pullStarted = performance.now();
      const firstSync = await leg(proxy, () => pullChanges(b.db, b.connection, { onPriorityApplied: () => (todayUsableMs = performance.now() - pullStarted) }));
      requireSameCounts(countSyncedRows(a.db), countSyncedRows(b.db), 'first sync');
      context.shared.set(ROUNDS_SYNC_LEGS, { rows: enqueued, upload, firstSync } satisfies RoundsSyncLegs);

      // A catches up with its own upload, so that the next round is the steady state, not a full pull.
      await pullChanges(a.db, a.connection);
      const accountId = a.db.prepare('SELECT id FROM accounts WHERE deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get() as string;
      for (let i = 1; i <= NEW_NOTES; i += 1) {
        insertNote(a.db, { accountId, visitId: null, contactId: null, body: `基准同步备注 ${i}：客户希望下周演示新产品。Bench note ${i}.` }, now());
      }
      const round = await leg(proxy, () => syncOnce(a.db, a.connection));
      if (round.result.pushed !== NEW_NOTES) throw new Error(`100 notes: ${round.result.pushed} pushed`);
      const bringing = await leg(proxy, () => pullChanges(b.db, b.connection));
      requireSameCounts(countSyncedRows(a.db), countSyncedRows(b.db), '100 notes');

      return [
        { name: `upload: laptop A pushes ${enqueued.toLocaleString('en')} rows`, value: upload.ms / 1000, unit: 's', note: `${megabytes(upload.bytes).toFixed(1)} MB on the wire` },
        { name: 'first sync: Today usable (priority rows applied)', value: todayUsableMs, unit: 'ms', max: 1000, note: `${firstSync.result.prioritized.toLocaleString('en')} rows first` },
        { name: 'first sync to a new laptop (pull everything)', value: firstSync.ms / 1000, unit: 's', max: 4, note: `${megabytes(firstSync.bytes).toFixed(1)} MB on the wire` },
        // Both directions, headers included, per row of the data set the new laptop ends up with.
        { name: 'first sync: bytes per row on the wire', value: (firstSync.bytes.sent + firstSync.bytes.received) / enqueued, unit: 'B', max: 60, note: `${enqueued.toLocaleString('en')} rows` },
        { name: `${NEW_NOTES} new notes: one sync round on A (push + pull)`, value: round.ms, unit: 'ms', max: 300, note: `${(megabytes(round.bytes) * 1000).toFixed(0)} kB` },
        { name: `${NEW_NOTES} new notes: laptop B's pull that brings them`, value: bringing.ms, unit: 'ms', note: `${bringing.result.pulled} rows, ${(megabytes(bringing.bytes) * 1000).toFixed(0)} kB` },
      ] satisfies Measurement[];
    } finally {
      for (const db of open) db.close();
      await proxy.close();
      await server.stop();
      await setup.close();
      await scratch.drop();
    }
  },
};
