/**
 * The cost of encryption at rest, beside each local figure: the `rep` data set as one plain and one
 * encrypted copy (same content, both freshly vacuumed), and the same work timed on each — opening
 * (with its integrity check), account search, Today, a full read of the notes (every page decrypted:
 * the page cache holds 2 MB), single writes, a backup. The other benches measure the encrypted
 * database as reps run it; these lines say how much of each figure encryption is.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApiHandlers, ApiMethod } from '../../core/api/contract.js';
import { openDatabase } from '../../db/connection.js';
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
  open: number;
  search: number;
  today: number;
  scan: number;
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

async function measure(file: string, key: DatabaseKey | undefined, scratch: string): Promise<Figures> {
  const { result: db, ms: open } = await timed(() => openDatabase(file, key ? { key } : {}));
  try {
    const service = createService({ db, dataDir: scratch, host: 'browser', version: 'bench' });
    for (const search of QUERIES) await call(service, 'accounts.list', { search });
    await call(service, 'agenda.today', {});
    const searches: number[] = [];
    const todays: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const search of QUERIES) searches.push((await timed(() => call(service, 'accounts.list', { search }))).ms);
      todays.push((await timed(() => call(service, 'agenda.today', {}))).ms);
    }
    const scan = (await timed(() => db.prepare('SELECT count(*), sum(length(body)) FROM notes').get())).ms;
    const writes: number[] = [];
    for (let i = 0; i < WRITES; i += 1) writes.push((await timed(() => call(service, 'accounts.create', { name: `加密基准 ${i}`, tier: 'C' }))).ms);
    const backupFile = path.join(scratch, `${path.basename(file)}.backup`);
    const backup = (await timed(() => writeBackup(db, backupFile))).ms;
    fs.rmSync(backupFile);
    return { open, search: percentile(searches, 95), today: percentile(todays, 50), scan, write: percentile(writes, 95), backup };
  } finally {
    db.close();
  }
}

const LABELS: Record<keyof Figures, string> = {
  open: 'open + quick_check',
  search: `search p95 (${QUERIES.length} queries × ${ROUNDS})`,
  today: 'Today p50',
  scan: 'full read of the notes',
  write: `accounts.create p95 (× ${WRITES}, each a commit)`,
  backup: 'backup (VACUUM INTO)',
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

    const plainFigures = await measure(plain, undefined, dir);
    const encryptedFigures = await measure(encrypted, key, dir);
    const size = (file: string) => fs.statSync(file).size / 1e6;
    const lines: Measurement[] = [];
    for (const figure of Object.keys(LABELS) as Array<keyof Figures>) {
      lines.push({ name: `${LABELS[figure]}: plain`, value: plainFigures[figure], unit: 'ms' });
      lines.push({ name: `${LABELS[figure]}: encrypted`, value: encryptedFigures[figure], unit: 'ms' });
      lines.push({ name: `${LABELS[figure]}: encryption cost`, value: encryptedFigures[figure] / plainFigures[figure], unit: '×', note: 'encrypted ÷ plain' });
    }
    lines.push({ name: 'database size: plain', value: size(plain), unit: 'MB' });
    lines.push({ name: 'database size: encrypted', value: size(encrypted), unit: 'MB', note: 'SQLCipher keeps 80 bytes per 4 KB page for IV and HMAC' });
    return lines;
  },
};
