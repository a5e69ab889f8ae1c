/**
 * The Team report's average gap between visits is one figure: the screen and every export (XLSX, PDF)
 * round it with the same function (core/reports/figures.ts), so 2.25, 2.35 and 10.05 days read 2.3,
 * 2.4 and 10.1 in both — the screen used to show whole days (2, 2, 10) beside the export's tenths.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '../../core/calendar/day.js';
import { translator } from '../../core/i18n/translator.js';
import { averageGapFigure } from '../../core/reports/figures.js';
import { presetPeriod } from '../../core/reports/period.js';
import type { Db } from '../connection.js';
import { openDatabase } from '../openDatabase.js';
import { useTempDir } from '../testing/tempDir.js';
import { pdfText } from '../../test/support/pdf.js';
import { runExport, type ExportRequest } from './run.js';
import { exportLabels } from './wording.js';

const SCREEN = fs.readFileSync(new URL('../../renderer/screens/team/CoverageTab.tsx', import.meta.url), 'utf8');

/** One account per tier, its visits this many days apart: averages of 9/4 = 2.25, 47/20 = 2.35 and 201/20 = 10.05 days. */
const GAPS = {
  A: [2, 2, 2, 3],
  B: [...Array<number>(13).fill(2), ...Array<number>(7).fill(3)],
  C: [...Array<number>(19).fill(10), 11],
} as const;
const AVERAGES = { A: 2.25, B: 2.35, C: 10.05 };
const SHOWN = { A: 2.3, B: 2.4, C: 10.1 };

function teamWithGaps(dir: string): Db {
  const db = openDatabase(path.join(dir, 'rounds.sqlite'));
  const stamp = '2025-11-01T00:00:00.000Z';
  const account = db.prepare(`INSERT INTO accounts (id, name, tier, status, city, owner_id, created_at, updated_at) VALUES (?, ?, ?, 'active', NULL, NULL, ?, ?)`);
  const visit = db.prepare(
    `INSERT INTO visits (id, account_id, kind, status, planned_at, done_at, met_contact_ids, owner_id, created_at, updated_at)
     VALUES (?, ?, 'routine', 'done', ?, ?, '[]', NULL, ?, ?)`,
  );
  db.transaction(() => {
    for (const [tier, gaps] of Object.entries(GAPS)) {
      const id = `acc-${tier}`;
      account.run(id, `${tier} 客户`, tier, stamp, stamp);
      let day = '2026-01-05';
      for (let i = 0; i <= gaps.length; i += 1) {
        const at = `${day}T02:00:00.000Z`;
        visit.run(`v-${tier}-${i}`, id, at, at, stamp, stamp);
        day = addDays(day, gaps[i] ?? 0);
      }
    }
  })();
  return db;
}

describe.each(['zh-CN', 'en'] as const)('average gap on screen and in the export (%s)', (language) => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());
  const labels = exportLabels(language);
  /** the average gap cell as the screen writes it (`t('coverage.days', { count: averageGapFigure(…) })`) */
  const onScreen = (days: number) => translator(language, 'team')('coverage.days', { count: averageGapFigure(days) });

  async function exported(format: 'xlsx' | 'pdf'): Promise<string> {
    db = teamWithGaps(tempDir());
    const out = path.join(tempDir(), `report.${format}`);
    const request: ExportRequest = {
      period: presetPeriod('year', '2026-06-01'),
      today: '2027-01-10',
      timeZone: 'Asia/Shanghai',
      subject: labels.allReps,
      labels,
      repName: () => '王小明',
      format,
      out,
      now: new Date('2027-01-10T02:00:00.000Z'),
    };
    await runExport(db, 'report', request);
    return out;
  }

  it('the screen rounds the average gap with the report’s function', () => {
    expect(SCREEN).toContain("t('coverage.days', { count: averageGapFigure(row.counts.averageGapDays) })");
    expect(Object.values(AVERAGES).map(onScreen)).toEqual(language === 'zh-CN' ? ['2.3 天', '2.4 天', '10.1 天'] : ['2.3 days', '2.4 days', '10.1 days']);
  });

  it('the report workbook shows the screen’s figure for each tier', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await exported('xlsx'));
    const sheet = workbook.getWorksheet(translator(language, 'team')('coverage.byTier'))!;
    const header = (sheet.getRow(4).values as unknown[]).slice(1);
    const column = header.indexOf(labels.report.columns.averageGap) + 1;
    expect(column).toBeGreaterThan(0);
    const figures = [5, 6, 7].map((row) => sheet.getRow(row).getCell(column).value);
    expect(figures).toEqual([SHOWN.A, SHOWN.B, SHOWN.C]);
    expect(figures).toEqual(Object.values(AVERAGES).map((days) => averageGapFigure(days)));
  });

  it('the report PDF shows the screen’s figure for each tier', async () => {
    const text = await pdfText(await exported('pdf'));
    for (const tier of ['A', 'B', 'C'] as const) {
      const row = text.split('\n').find((line) => line.includes(translator(language, 'common')('tier.label', { tier }).replace(/\s+/g, ' ')) || line.replace(/\s+/g, '').includes(translator(language, 'common')('tier.label', { tier }).replace(/\s+/g, '')));
      expect(row, `the ${tier} row`).toBeDefined();
      expect(row!.trim().split(/\s+/).at(-1), `the ${tier} row ends with its average gap`).toBe(String(SHOWN[tier]));
    }
  });
});
