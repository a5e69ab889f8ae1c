/**
 * Side by side with the classic offline-first sync in JavaScript: the rows Rounds synced in
 * `syncClient.bench.ts` as PouchDB documents (`_id` = `table/id`, the same camelCase fields) in a
 * PouchDB on laptop A (LevelDB in a temp folder), replicated to pouchdb-server (a child process, LevelDB
 * on disk), then from it into a fresh PouchDB on laptop B. Both servers sit behind the same kind of
 * byte-counting proxy; both legs are timed the same way as Rounds' push and pull. Replication runs
 * with PouchDB's default options, as an app using it would.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { openBenchDatabase } from './foundation.js';
import { startCountingProxy, type WireBytes } from './countingProxy.js';
import type { BenchModule, Measurement } from './harness.js';
import { startPouchdbServer } from './pouchdbServer.js';
import { megabytes, repDataDir, ROUNDS_SYNC_LEGS, type RoundsSyncLegs, type SyncLeg } from './syncClient.bench.js';
import { syncedRecords } from './syncedRecords.js';

/** The little of PouchDB's API used here (the package ships no types). */
interface PouchDatabase {
  bulkDocs(docs: object[]): Promise<Array<{ ok?: boolean; error?: string }>>;
  info(): Promise<{ doc_count: number }>;
  replicate: {
    to(url: string): Promise<{ ok: boolean; docs_written: number }>;
    from(url: string): Promise<{ ok: boolean; docs_written: number }>;
  };
  close(): Promise<void>;
}
type PouchConstructor = new (name: string) => PouchDatabase;

const PouchDB = createRequire(import.meta.url)('pouchdb') as PouchConstructor;
const LOAD_CHUNK = 1000;

/** Laptop A's PouchDB holding the same live rows Rounds uploaded. */
async function loadLaptopA(repDir: string, location: string): Promise<{ pouch: PouchDatabase; docs: number }> {
  const pouch = new PouchDB(location);
  const db = openBenchDatabase(repDir);
  let docs = 0;
  try {
    let chunk: object[] = [];
    const flush = async () => {
      const failed = (await pouch.bulkDocs(chunk)).filter((result) => !result.ok);
      if (failed.length > 0) throw new Error(`PouchDB refused ${failed.length} documents: ${failed[0]?.error}`);
      docs += chunk.length;
      chunk = [];
    };
    for (const record of syncedRecords(db)) {
      chunk.push({ _id: `${record.table}/${record.id}`, ...record.fields });
      if (chunk.length === LOAD_CHUNK) await flush();
    }
    if (chunk.length > 0) await flush();
  } finally {
    db.close();
  }
  return { pouch, docs };
}

const seconds = (leg: SyncLeg): number => leg.ms / 1000;
const totalOf = (...legs: SyncLeg[]): SyncLeg => ({
  ms: legs.reduce((sum, l) => sum + l.ms, 0),
  bytes: legs.reduce<WireBytes>((sum, l) => ({ sent: sum.sent + l.bytes.sent, received: sum.received + l.bytes.received }), { sent: 0, received: 0 }),
});

/** Seconds and MB of both systems for one leg, and the two ratios with their goals. */
function compare(label: string, rounds: SyncLeg, pouch: SyncLeg): Measurement[] {
  return [
    { name: `${label}: Rounds`, value: seconds(rounds), unit: 's', note: `${megabytes(rounds.bytes).toFixed(1)} MB on the wire` },
    { name: `${label}: PouchDB`, value: seconds(pouch), unit: 's', note: `${megabytes(pouch.bytes).toFixed(1)} MB on the wire` },
    { name: `${label}: Rounds MB`, value: megabytes(rounds.bytes), unit: 'MB' },
    { name: `${label}: PouchDB MB`, value: megabytes(pouch.bytes), unit: 'MB' },
    { name: `${label}: speed-up (PouchDB time / Rounds)`, value: pouch.ms / rounds.ms, unit: '×', min: 3 },
    // Strictly fewer bytes: a tie is not "fewer".
    { name: `${label}: bytes ratio (PouchDB / Rounds)`, value: megabytes(pouch.bytes) / megabytes(rounds.bytes), unit: '×', min: 1.000001, note: 'above 1: Rounds sends fewer' },
  ];
}

export const pouchdbBenchmark: BenchModule = {
  name: 'sync client beside PouchDB (pouchdb-server, LevelDB)',
  async run(context) {
    const rounds = context.shared.get(ROUNDS_SYNC_LEGS) as RoundsSyncLegs | undefined;
    if (!rounds) throw new Error('needs the Rounds legs: run the "sync client: first sync …" benchmark first');
    const folder = path.join(context.workDir, 'pouchdb');
    const server = await startPouchdbServer(path.join(folder, 'server'));
    const proxy = await startCountingProxy({ host: server.host, port: server.port });
    const remote = `${proxy.url}/rep`;
    let a: PouchDatabase | undefined;
    let b: PouchDatabase | undefined;
    try {
      const loaded = await loadLaptopA(await repDataDir(context), path.join(folder, 'laptop-a'));
      a = loaded.pouch;
      if (loaded.docs !== rounds.rows) throw new Error(`PouchDB holds ${loaded.docs} documents, Rounds uploaded ${rounds.rows} rows`);

      proxy.reset();
      let started = performance.now();
      const pushed = await a.replicate.to(remote);
      const push: SyncLeg = { ms: performance.now() - started, bytes: proxy.bytes() };
      if (!pushed.ok || pushed.docs_written !== loaded.docs) throw new Error(`PouchDB push wrote ${pushed.docs_written} of ${loaded.docs} documents`);

      b = new PouchDB(path.join(folder, 'laptop-b'));
      proxy.reset();
      started = performance.now();
      await b.replicate.from(remote);
      const pull: SyncLeg = { ms: performance.now() - started, bytes: proxy.bytes() };
      const pulledDocs = (await b.info()).doc_count;
      if (pulledDocs !== loaded.docs) throw new Error(`PouchDB pull brought ${pulledDocs} of ${loaded.docs} documents`);

      const rows = rounds.rows.toLocaleString('en');
      return [
        ...compare(`push A → server (${rows} rows)`, rounds.upload, push),
        ...compare('pull server → new laptop B', rounds.firstSync, pull),
        ...compare('both legs', totalOf(rounds.upload, rounds.firstSync), totalOf(push, pull)),
      ];
    } finally {
      await a?.close();
      await b?.close();
      await proxy.close();
      await server.close();
    }
  },
};
