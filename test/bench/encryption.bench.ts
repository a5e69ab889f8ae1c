/**
 * The cost of encryption at rest, beside each local figure: the `rep` data set as one plain and one
 * encrypted copy (same content, both freshly vacuumed), and the same work timed on each, the two
 * taking turns so that load from elsewhere on the machine falls on both alike — opening (the first
 * time with the full integrity check, as after a crash or a restore; then after a clean close, as every
 * day), account search, Today, a full read of the notes (first every page decrypted, then again from
 * the page cache), single writes, a backup. The other benches measure the encrypted database as reps
 * run it; these lines say how much of each figure encryption is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers, ApiMethod } from '../../core/api/contract.js';
import type { Db } from '../../db/connection.js';
import { openDatabase } from '../../db/openDatabase.js';
import { isPlainDatabaseFile, type DatabaseKey } from '../../db/encryption.js';
import { writeBackup } from '../../db/service/backup.js';
import { callApi } from '../../db/service/dispatch.js';
import { createService } from '../../db/service/index.js';
import { keyFilePathFor } from '../../host/databaseKey.js';
import { REP_DATA_DIR, openBenchDatabase, seedRep } from './foundation.js';
import { percentile, timed, type BenchContext, type BenchModule, type Measurement } from './harness.js';

const QUERIES = ['华', '上海', '精密机械', 'zgsy', 'bosch'];
const ROUNDS = 20;
const WRITES = 200;

interface Figures {
  checkedOpen: number;
  open: number;
  search: number;
  today: number;
  scan: number;
  rescan: number;
  write: number;
  backup: number;
}

async function call(service: ApiHandlers, method: ApiMethod, input: unknown): Promise<unknown> {
  const result = await callApi(service, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Two copies of the rep database in `dir`: `plain.sqlite` and `encrypted.sqlite` (under `key`). */
function copies(repDir: string, dir: string, key: DatabaseKey): { plain: string; encrypted: string } {
  fs.mkdirSync(dir, { recursive: true });
  const plain = path.join(dir, 'plain.sqlite');
  const encrypted = path.join(dir, 'encrypted.sqlite');
  const source = openBenchDatabase(repDir);
  try {
    source.prepare('VACUUM INTO ?').run(encrypted);
  } finally {
    source.close();
  }
  // An empty rekey decrypts; VACUUM INTO from it gives a plain copy laid out like the encrypted one.
  const decrypting = path.join(dir, 'decrypting.sqlite');
  fs.copyFileSync(encrypted, decrypting);
  const db = openDatabase(decrypting, { key });
  db.pragma('journal_mode = DELETE');
  db.pragma("rekey = ''");
  db.close();
  const plainSource = openDatabase(decrypting);
  plainSource.prepare('VACUUM INTO ?').run(plain);
  plainSource.close();
  fs.rmSync(decrypting);
  return { plain, encrypted };
}

interface Side {
  file: string;
  options: { key?: DatabaseKey };
  samples: Record<'search' | 'today' | 'write', number[]>;
  figures: Partial<Figures>;
  db?: Db;
  service?: ApiHandlers;
}

const NOTES_SCAN = 'SELECT count(*), sum(length(body)) FROM notes';

/** Plain and encrypted take turns at each step, so a busy moment on the machine hits both. */
async function measure(sides: Side[], scratch: string): Promise<void> {
  const each = async (work: (side: Side & { db: Db; service: ApiHandlers }) => Promise<void> | void) => {
    for (const side of sides) await work(side as Side & { db: Db; service: ApiHandlers });
  };
  for (const side of sides) {
    // The copies were never opened by the app, so this open checks every page; its clean close lets the next one skip that.
    const { result: first, ms } = await timed(() => openDatabase(side.file, side.options));
    first.close();
    side.figures.checkedOpen = ms;
  }
  for (const side of sides) {
    const { result: db, ms } = await timed(() => openDatabase(side.file, side.options));
    side.figures.open = ms;
    side.db = db;
    side.service = createService({ db, dataDir: scratch, host: 'browser', version: 'bench' });
  }
  try {
    await each(async ({ service }) => {
      for (const search of QUERIES) await call(service, 'accounts.list', { search });
      await call(service, 'agenda.today', {});
    });
    for (let round = 0; round < ROUNDS; round += 1) {
      await each(async ({ service, samples }) => {
        for (const search of QUERIES) samples.search.push((await timed(() => call(service, 'accounts.list', { search }))).ms);
        samples.today.push((await timed(() => call(service, 'agenda.today', {}))).ms);
      });
    }
    await each(async ({ db, figures }) => {
      figures.scan = (await timed(() => db.prepare(NOTES_SCAN).get())).ms;
    });
    await each(async ({ db, figures }) => {
      figures.rescan = (await timed(() => db.prepare(NOTES_SCAN).get())).ms;
    });
    for (let i = 0; i < WRITES; i += 1) {
      await each(async ({ service, samples }) => {
        samples.write.push((await timed(() => call(service, 'accounts.create', { name: `加密基准 ${i}`, tier: 'C' }))).ms);
      });
    }
    await each(async ({ db, file, figures }) => {
      const backupFile = path.join(scratch, `${path.basename(file)}.backup`);
      figures.backup = (await timed(() => writeBackup(db, backupFile))).ms;
      fs.rmSync(backupFile);
    });
  } finally {
    for (const side of sides) side.db?.close();
  }
  for (const side of sides) {
    side.figures.search = percentile(side.samples.search, 95);
    side.figures.today = percentile(side.samples.today, 50);
    side.figures.write = percentile(side.samples.write, 95);
  }
}

const LABELS: Record<keyof Figures, string> = {
  checkedOpen: 'open, full check (after a crash or restore)',
  open: 'open after a clean close',
  search: `search p95 (${QUERIES.length} queries × ${ROUNDS})`,
  today: 'Today p50',
  scan: 'full read of the notes',
  rescan: 'full read of the notes again (cached)',
  write: `accounts.create p95 (× ${WRITES}, each a commit)`,
  backup: 'backup (VACUUM INTO)',
};

/** Where the rest is SQLCipher's own per-page work (AES-256 and HMAC-SHA512 of each 4 KB page read or written). */
const PER_PAGE = 'every page read is decrypted and its HMAC checked';
const NOTES: Partial<Record<keyof Figures, string>> = {
  checkedOpen: `${PER_PAGE} (quick_check reads them all)`,
  scan: `${PER_PAGE} (27 MB of notes)`,
  backup: `${PER_PAGE}, and written again`,
};

export const encryptionBenchmark: BenchModule = {
  name: 'encryption cost (rep data, plain vs encrypted)',
  async run(context: BenchContext) {
    if (!context.shared.has(REP_DATA_DIR)) await seedRep.run(context);
    const repDir = context.shared.get(REP_DATA_DIR) as string;
    const key = Buffer.from(fs.readFileSync(keyFilePathFor(repDir), 'utf8').trim(), 'hex');
    const dir = path.join(context.workDir, 'encryption');
    const { plain, encrypted } = copies(repDir, dir, key);
    if (!isPlainDatabaseFile(plain) || isPlainDatabaseFile(encrypted)) throw new Error('the copies are not one plain and one encrypted database');

    const sides: Side[] = [plain, encrypted].map((file, index) => ({
      file,
      options: index === 0 ? {} : { key },
      samples: { search: [], today: [], write: [] },
      figures: {},
    }));
    await measure(sides, dir);
    const [plainFigures, encryptedFigures] = sides.map((side) => side.figures as Figures) as [Figures, Figures];
    const size = (file: string) => fs.statSync(file).size / 1e6;
    const lines: Measurement[] = [];
    for (const figure of Object.keys(LABELS) as Array<keyof Figures>) {
      lines.push({ name: `${LABELS[figure]}: plain`, value: plainFigures[figure], unit: 'ms' });
      lines.push({ name: `${LABELS[figure]}: encrypted`, value: encryptedFigures[figure], unit: 'ms' });
      const note = NOTES[figure] ? `encrypted ÷ plain; ${NOTES[figure]}` : 'encrypted ÷ plain';
      lines.push({ name: `${LABELS[figure]}: encryption cost`, value: encryptedFigures[figure] / plainFigures[figure], unit: '×', note });
    }
    lines.push({ name: 'database size: plain', value: size(plain), unit: 'MB' });
    lines.push({ name: 'database size: encrypted', value: size(encrypted), unit: 'MB', note: 'SQLCipher keeps 80 bytes per 4 KB page for IV and HMAC' });
    return lines;
  },
};
