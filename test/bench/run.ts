/**
 * `npm run bench`: every benchmark module, each figure printed beside its target.
 * `npm run bench -- <word> …` runs only the modules whose name contains one of the words (any case),
 * e.g. `npm run bench -- "sync client"`. Exit code 1 if a figure misses its target or a benchmark fails.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { agendaBenchmark } from './agenda.bench.js';
import { browserBenchmark } from './browser.bench.js';
import { calendarBenchmark } from './calendar.bench.js';
import { cliBenchmark } from './cli.bench.js';
import { encryptionBenchmark } from './encryption.bench.js';
import { exportBenchmarks } from './export.bench.js';
import { foundationBenchmarks } from './foundation.js';
import { runBenchmarks, selectModules, type BenchModule } from './harness.js';
import { importBenchmarks } from './import.bench.js';
import { liveSyncBenchmarks } from './liveSync.bench.js';
import { pouchdbBenchmark } from './pouchdb.bench.js';
import { syncBenchmarks } from './sync.bench.js';
import { syncClientBenchmark } from './syncClient.bench.js';
import { provideTestPostgres } from '../support/testPostgres.js';

/** Add new benchmark modules here (browser timing, sync, export …). */
const MODULES: BenchModule[] = [...foundationBenchmarks, cliBenchmark, browserBenchmark, calendarBenchmark, agendaBenchmark, ...importBenchmarks, ...exportBenchmarks, encryptionBenchmark, ...syncBenchmarks, ...liveSyncBenchmarks, syncClientBenchmark, pouchdbBenchmark];

const selected = selectModules(MODULES, process.argv.slice(2));

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-bench-'));
const embeddedPostgres = !process.env.ROUNDS_TEST_DATABASE_URL;
const stopPostgres = await provideTestPostgres({ durable: true });
try {
  console.log(`Rounds benchmarks (work folder ${workDir}; PostgreSQL ${embeddedPostgres ? 'embedded, from npm' : 'at ROUNDS_TEST_DATABASE_URL'})`);
  const { misses, failures } = await runBenchmarks(selected, { workDir, shared: new Map() }, (line) => console.log(line));
  console.log(`\n${misses} missed, ${failures} failed`);
  process.exitCode = misses + failures > 0 ? 1 : 0;
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
  await stopPostgres();
}
