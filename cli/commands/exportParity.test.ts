/**
 * `rounds export` and the app's Export buttons are one use case: for the same data and choices they
 * write the same file, reps named by their display names (not the short ids the CLI once printed).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers, ExportJobView } from '../../core/api/contract.js';
import type { Db } from '../../db/connection.js';
import { hostTimeZone } from '../../db/service/reports.js';
import { createService } from '../../db/service/index.js';
import { callApi } from '../../db/service/dispatch.js';
import { readStoredZip } from '../../db/export/zip.js';
import { useTempDir } from '../../db/testing/tempDir.js';
import { openDataFolderDatabase } from '../database.js';
import { runRounds } from '../testing.js';

const NOW = new Date('2026-11-22T01:00:00.000Z');
const ENV = { ROUNDS_KEY_STORE: 'file' };
const OTHER_REP = '01900000-0000-7000-8000-00000000f00d';
const OTHER_NAME = '李雷 Lei, "East"';
const rounds = (argv: string[]) => runRounds(argv, { now: NOW, env: ENV });

async function call<T>(handlers: ApiHandlers, method: string, input: unknown): Promise<T> {
  const result = await callApi(handlers, method as never, input as never);
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The app's export: start the job through the API as the screens do, wait for it, return its file. */
async function appExport(handlers: ApiHandlers, input: unknown): Promise<string> {
  const { jobId } = await call<{ jobId: string }>(handlers, 'exports.start', input);
  for (;;) {
    const view = await call<ExportJobView>(handlers, 'exports.status', { jobId });
    if (view.state === 'done') return view.file!.path;
    if (view.state !== 'running') throw new Error(`export ${view.state}: ${view.error}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function cells(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book.worksheets.map((sheet) => {
    const rows: string[] = [sheet.name];
    sheet.eachRow((row) => rows.push(JSON.stringify(row.values)));
    return rows;
  });
}

describe('rounds export and the app export the same', () => {
  const tempDir = useTempDir();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-export-parity-'));
  let db: Db;
  let handlers: ApiHandlers;
  beforeAll(async () => {
    expect((await rounds(['seed', '--data-dir', dataDir, '--scale', 'demo'])).code).toBe(0);
    // a second rep, named by the team server, owns a third of the accounts; this device's user has a name
    db = openDataFolderDatabase(dataDir, ENV);
    db.prepare('INSERT INTO sync_owners (id, display_name) VALUES (?, ?)').run(OTHER_REP, OTHER_NAME);
    db.prepare('UPDATE accounts SET owner_id = ? WHERE rowid % 3 = 0').run(OTHER_REP);
    db.prepare('UPDATE visits SET owner_id = (SELECT owner_id FROM accounts WHERE accounts.id = visits.account_id)').run();
    handlers = createService({ db, dataDir, host: 'browser', version: '0.0.0-test', now: () => NOW, defaultLanguage: 'en' });
    await call(handlers, 'settings.update', { repName: '王芳' });
  }, 60_000);
  afterAll(() => {
    db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const cli = async (kind: string, format: string, extra: string[] = []) => {
    const out = path.join(tempDir(), `cli.${format}`);
    const result = await rounds(['export', kind, '--data-dir', dataDir, '--from', '2026-01-01', '--to', '2026-12-31', '--tz', hostTimeZone(), '--lang', 'zh-CN', '--format', format, '--out', out, ...extra]);
    expect(result.code, result.stderr).toBe(0);
    return out;
  };
  const year = { preset: 'year', day: '2026-01-01' };

  it('the year report (XLSX), cell for cell, names reps as the app does', async () => {
    const fromCli = await cells(await cli('report', 'xlsx'));
    const fromApp = await cells(await appExport(handlers, { kind: 'report', format: 'xlsx', period: year, language: 'zh-CN' }));
    expect(fromCli).toEqual(fromApp);
    const text = JSON.stringify(fromCli);
    expect(text).toContain('王芳');
    expect(text).toContain('李雷 Lei');
    expect(text).not.toContain('f00d');
  }, 60_000);

  it('the calendar of the team’s planned visits and dates, one file per rep, as the app’s dialog makes it', async () => {
    const fromCli = readStoredZip(fs.readFileSync(await cli('calendar', 'ics', ['--include', 'visits,dates', '--per-rep'])));
    const calendar = { visits: true, dates: true, festivals: false, perRep: true };
    const fromApp = readStoredZip(fs.readFileSync(await appExport(handlers, { kind: 'calendar', format: 'ics', period: year, language: 'zh-CN', calendar })));
    expect(fromCli.map((file) => file.name).sort()).toEqual(['李雷 Lei, _East_.ics', '王芳.ics']);
    expect(fromCli).toEqual(fromApp);
    const wrong = await rounds(['export', 'calendar', '--data-dir', dataDir, '--from', '2026-01-01', '--to', '2026-01-31', '--include', 'visits,birthdays', '--out', path.join(tempDir(), 'x.ics')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--include takes one or more of visits, dates, festivals');
    const notCalendar = await rounds(['export', 'visits', '--data-dir', dataDir, '--from', '2026-01-01', '--to', '2026-01-31', '--per-rep', '--out', path.join(tempDir(), 'x.csv')]);
    expect(notCalendar.code).toBe(2);
  }, 60_000);

  it('the visit log (CSV) of one rep named by display name, byte for byte', async () => {
    const fromCli = fs.readFileSync(await cli('visits', 'csv', ['--rep', '李雷 lei, "east"']));
    const fromApp = fs.readFileSync(await appExport(handlers, { kind: 'visits', format: 'csv', period: year, ownerIds: [OTHER_REP], language: 'zh-CN' }));
    expect(fromCli.equals(fromApp)).toBe(true);
    expect(fromCli.toString('utf8')).toContain('East');
  }, 60_000);
});
