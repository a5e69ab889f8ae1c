import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../db/testing/tempDir.js';
import { runRounds } from '../testing.js';

const tempDir = useTempDir();
const rounds = (argv: string[]) => runRounds(argv, { now: new Date('2026-11-22T01:00:00.000Z') });

describe('rounds export', () => {
  // One seeded data folder for the whole file: seeding is the slow part.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-export-data-'));
  beforeAll(async () => {
    expect((await rounds(['seed', '--data-dir', dataDir, '--scale', 'demo'])).code).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const range = ['--from', '2026-01-01', '--to', '2026-12-31', '--data-dir'];

  it('exports the visit log as CSV with a Chinese header', async () => {
    const out = path.join(tempDir(), 'visits.csv');
    const result = await rounds(['export', 'visits', ...range, dataDir, '--lang', 'zh-CN', '--tz', 'Asia/Shanghai', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const records = parse(fs.readFileSync(out), { bom: true }) as string[][];
    expect(records[0]![0]).toBe('客户');
    expect(records.length).toBeGreaterThan(10);
    expect(result.stdout).toContain(`Exported ${records.length - 1} visits`);
  });

  it('exports the year report as PDF and XLSX and the calendar as ICS', async () => {
    const dir = tempDir();
    for (const [kind, file, format] of [['report', 'report.pdf', 'pdf'], ['report', 'report.xlsx', 'xlsx'], ['calendar', 'rounds.ics', 'ics']] as const) {
      const result = await rounds(['export', kind, ...range, dataDir, '--rep', 'me', '--format', format, '--out', path.join(dir, file)]);
      expect(result.code, result.stderr).toBe(0);
    }
    expect(fs.readFileSync(path.join(dir, 'report.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(fs.readFileSync(path.join(dir, 'rounds.ics'), 'utf8')).toContain('BEGIN:VEVENT');
    expect(fs.statSync(path.join(dir, 'report.xlsx')).size).toBeGreaterThan(1000);
  });

  it('refuses wrong arguments with exit code 2 and a clear message', async () => {
    const out = path.join(tempDir(), 'x.csv');
    const cases: Array<[string[], string]> = [
      [['export', ...range, dataDir, '--out', out], 'Say what to export'],
      [['export', 'accounts', ...range, dataDir, '--out', out], '(got "accounts")'],
      [['export', 'visits', ...range, dataDir], '--out is required'],
      [['export', 'visits', '--from', '2026-02-30', '--to', '2026-03-01', '--out', out], '--from must be a calendar day'],
      [['export', 'visits', '--from', '2026-03-02', '--to', '2026-03-01', '--out', out], 'is after --to'],
      [['export', 'calendar', ...range, dataDir, '--format', 'csv', '--out', out], 'calendar can be exported as ics'],
      [['export', 'visits', ...range, dataDir, '--lang', 'fr', '--out', out], '--lang must be'],
      [['export', 'visits', ...range, dataDir, '--tz', 'Mars/Base', '--out', out], '--tz must be'],
    ];
    for (const [argv, message] of cases) {
      const result = await rounds(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('fails with exit code 1 for an unknown rep or a missing database', async () => {
    const out = path.join(tempDir(), 'x.csv');
    const unknownRep = await rounds(['export', 'visits', ...range, dataDir, '--rep', 'nobody', '--out', out]);
    expect(unknownRep.code).toBe(1);
    expect(unknownRep.stderr).toContain('No rep "nobody"');
    const noDatabase = await rounds(['export', 'visits', ...range, tempDir(), '--out', out]);
    expect(noDatabase.code).toBe(1);
    expect(noDatabase.stderr).toContain('No database');
  });
});
