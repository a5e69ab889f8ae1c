/**
 * Export benchmarks: the visit log of a million rows as CSV (≤ 15 s) and XLSX (≤ 90 s) with
 * peak memory ≤ 400 MB, and the period report PDF on `lead` data (≤ 5 s).
 *
 * The `lead` data set (20 reps × the `rep` book, ≈ 1,000,000 visits) is built by seeding one `rep`
 * book and copying it in SQL for 19 more reps — minutes faster than seeding 20 books, same shape.
 * Each export runs in a child process (this file, run directly), so its peak RSS is the export's own.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { todayIn } from '../../core/calendar/day.js';
import { customPeriod, presetPeriod } from '../../core/reports/period.js';
import type { Db } from '../../db/connection.js';
import { openDatabase } from '../../db/openDatabase.js';
import { exportLabels } from '../../db/export/wording.js';
import { repNamer } from '../../db/export/reps.js';
import { runExport, type ExportFormat, type ExportKind } from '../../db/export/run.js';
import { seedDatabase } from '../../db/seed/index.js';
import type { BenchContext, BenchModule, Measurement } from './harness.js';

const LEAD_DB = 'export-lead-db';
const REPS = 20;
const NOW = new Date('2026-11-22T01:00:00.000Z');
const TIME_ZONE = 'Asia/Shanghai';
/** A range wide enough to hold every seeded visit. */
const ALL_TIME = customPeriod('2000-01-01', '2099-12-31');

/** Copies every row of `table` for another rep: ids (and the ids they point to) get a suffix. */
function copyTable(db: Db, table: string, ownerId: string, rewrite: Record<string, string>): void {
  const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[];
  const select = columns.map((column) => (column === 'owner_id' ? '?' : (rewrite[column] ?? column)));
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select.join(', ')} FROM ${table} WHERE owner_id IS NULL`).run(ownerId);
}

/** Seeds one `rep` book and copies it for 19 more reps; returns the number of visits. */
export function buildLeadDatabase(file: string): number {
  const db = openDatabase(file);
  try {
    seedDatabase(db, { scale: 'rep', seed: 42, now: NOW });
    for (let copy = 1; copy < REPS; copy += 1) {
      const suffix = `'-r${copy}'`;
      const ownerId = `01900000-0000-7000-8000-${String(copy).padStart(12, '0')}`;
      db.transaction(() => {
        copyTable(db, 'accounts', ownerId, { id: `id || ${suffix}` });
        copyTable(db, 'contacts', ownerId, { id: `id || ${suffix}`, account_id: `account_id || ${suffix}` });
        copyTable(db, 'family_members', ownerId, { id: `id || ${suffix}`, contact_id: `contact_id || ${suffix}` });
        copyTable(db, 'important_dates', ownerId, {
          id: `id || ${suffix}`,
          account_id: `account_id || ${suffix}`,
          contact_id: `contact_id || ${suffix}`,
          family_member_id: `family_member_id || ${suffix}`,
        });
        copyTable(db, 'visits', ownerId, {
          id: `id || ${suffix}`,
          account_id: `account_id || ${suffix}`,
          met_contact_ids: `(SELECT json_group_array(met.value || ${suffix}) FROM json_each(met_contact_ids) AS met)`,
        });
      })();
    }
    return db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
  } finally {
    db.close();
  }
}

function leadDatabase(context: BenchContext): string {
  const known = context.shared.get(LEAD_DB);
  if (typeof known === 'string') return known;
  const file = path.join(context.workDir, 'export-lead', 'rounds.sqlite');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  buildLeadDatabase(file);
  context.shared.set(LEAD_DB, file);
  return file;
}

interface WorkerResult {
  ms: number;
  rows: number;
  peakRssMb: number;
}

/** Runs one export in a child process (this file) and reads its time, row count and peak RSS. */
function exportInChild(dbFile: string, kind: ExportKind, format: ExportFormat, out: string): Promise<WorkerResult> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, dbFile, kind, format, out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`export ${kind} ${format} exited ${code}: ${stderr.trim()}`));
      resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as WorkerResult);
    });
  });
}

/** The child's side: one export, then its figures as a JSON line. */
async function workerMain([dbFile, kind, format, out]: string[]): Promise<void> {
  const db = openDatabase(dbFile!);
  try {
    const labels = exportLabels('zh-CN');
    const period = kind === 'report' ? presetPeriod('year', todayIn(TIME_ZONE, NOW)) : ALL_TIME;
    const started = performance.now();
    const rows = await runExport(db, kind as ExportKind, {
      period,
      today: todayIn(TIME_ZONE, NOW),
      timeZone: TIME_ZONE,
      subject: labels.allReps,
      labels,
      repName: repNamer(db, labels),
      format: format as ExportFormat,
      out: out!,
      now: NOW,
    });
    const ms = performance.now() - started;
    // maxRSS is in kilobytes.
    process.stdout.write(`${JSON.stringify({ ms, rows, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
  } finally {
    db.close();
  }
}

function exportBenchmark(kind: ExportKind, format: ExportFormat, maxSeconds: number, label: string, withMemory: boolean): BenchModule {
  return {
    name: `export ${label}`,
    async run(context) {
      const dbFile = leadDatabase(context);
      const out = path.join(context.workDir, `export.${format}`);
      const result = await exportInChild(dbFile, kind, format, out);
      fs.rmSync(out, { force: true });
      const measurements: Measurement[] = [{ name: `${label}: time (${result.rows.toLocaleString('en')} rows)`, value: result.ms / 1000, unit: 's', max: maxSeconds }];
      if (withMemory) measurements.push({ name: `${label}: peak memory (RSS)`, value: result.peakRssMb, unit: 'MB', max: 400 });
      return measurements;
    },
  };
}

export const exportBenchmarks: BenchModule[] = [
  exportBenchmark('visits', 'csv', 15, 'visit log CSV, lead data', true),
  exportBenchmark('visits', 'xlsx', 90, 'visit log XLSX, lead data', true),
  exportBenchmark('report', 'pdf', 5, 'year report PDF, lead data', false),
];

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await workerMain(process.argv.slice(2));
}
