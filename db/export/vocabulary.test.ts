/**
 * One vocabulary: every export names a figure with the words the Team screens use for it. The screen's
 * keys are read from the screen's source, so a screen that switches to another key fails this test too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../../core/i18n/translator.js';
import type { Language } from '../../core/model/enums.js';
import { presetPeriod } from '../../core/reports/period.js';
import type { Db } from '../connection.js';
import { openFixtureDatabase, REP_ONE } from '../reports/testFixture.js';
import { useTempDir } from '../testing/tempDir.js';
import { pdfText } from '../../test/support/pdf.js';
import { runExport, type ExportRequest } from './run.js';
import { exportLabels } from './wording.js';

const screenSource = (file: string) => fs.readFileSync(new URL(`../../renderer/screens/team/${file}`, import.meta.url), 'utf8');
const COVERAGE_SCREEN = screenSource('CoverageTab.tsx');
const LOG_SCREEN = screenSource('VisitLogTab.tsx');

/** `t('key')` as the screen calls it: the key must be in the screen's source, and this is its text. */
function screenWord(source: string, language: Language, key: string, options?: Record<string, unknown>): string {
  expect(source, `the screen uses ${key}`).toContain(`t('${key}'`);
  return translator(language, 'team')(key, options ?? {});
}

/** 485.4 minutes from complaint to first response: the screen says 8.1 hours. */
const RESPONSE_MINUTES = 485.4;

function addComplaint(db: Db): void {
  const received = Date.parse('2026-01-12T01:00:00.000Z');
  db.prepare(
    `INSERT INTO complaints (id, account_id, channel, severity, description, received_at, target_hours, first_responded_at, owner_id, created_at, updated_at)
     VALUES ('cmp-1', 'acc-1', 'phone', 'high', '交货延迟', ?, 4, ?, ?, ?, ?)`,
  ).run(new Date(received).toISOString(), new Date(received + RESPONSE_MINUTES * 60_000).toISOString(), REP_ONE, '2026-01-12T01:00:00.000Z', '2026-01-12T01:00:00.000Z');
}

describe.each(['zh-CN', 'en'] as const)('export words equal the screen’s (%s)', (language) => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());
  const labels = exportLabels(language);
  const tc = translator(language, 'common');
  const coverage = (key: string, options?: Record<string, unknown>) => screenWord(COVERAGE_SCREEN, language, key, options);
  const log = (key: string) => screenWord(LOG_SCREEN, language, key);

  function request(format: ExportRequest['format'], out: string): ExportRequest {
    return {
      period: presetPeriod('quarter', '2026-02-15'),
      today: '2026-06-01',
      timeZone: 'Asia/Shanghai',
      subject: labels.allReps,
      labels,
      repName: (ownerId) => (ownerId === REP_ONE ? '王小明' : '李四'),
      format,
      out,
      now: new Date('2026-06-01T02:00:00.000Z'),
    };
  }

  async function reportWorkbook(): Promise<ExcelJS.Workbook> {
    db = openFixtureDatabase(tempDir());
    addComplaint(db);
    const out = path.join(tempDir(), 'report.xlsx');
    await runExport(db, 'report', request('xlsx', out));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    return workbook;
  }

  /** A sheet's rows below its caption as plain values (row 4 is the header). */
  const rowsOf = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount - 3 }, (_, i) => (sheet.getRow(i + 4).values as unknown[]).slice(1));

  it('report workbook: the coverage table’s headers, tier rows and total row are the screen’s', async () => {
    const workbook = await reportWorkbook();
    const byTier = workbook.getWorksheet(coverage('coverage.byTier'))!;
    expect(byTier, 'the by-tier sheet is named as on screen').toBeDefined();
    const [header, ...rows] = rowsOf(byTier);
    expect(header).toEqual([
      coverage('coverage.group'),
      coverage('coverage.accounts'),
      coverage('coverage.due'),
      coverage('coverage.withinCadence'),
      coverage('coverage.coverage'),
      coverage('coverage.overdue'),
      coverage('coverage.visitsDone'),
      translator(language, 'team')('export.inDays', { label: coverage('coverage.averageGap') }),
    ]);
    // The screen's tier tag reads "A 级" / "Tier A"; its last row adds up every tier.
    expect(rows.map((row) => row[0])).toEqual([...(['A', 'B', 'C'] as const).map((tier) => tc('tier.label', { tier })), coverage('coverage.total')]);
    expect(workbook.getWorksheet(coverage('coverage.byRep'))).toBeDefined();
  });

  it('report workbook: complaints, lifecycle and greetings as the screen names them; the response time in hours', async () => {
    const workbook = await reportWorkbook();
    const complaints = rowsOf(workbook.getWorksheet(labels.report.complaints)!).slice(1);
    expect(complaints).toEqual([
      [coverage('coverage.complaintsOpened'), 1],
      [coverage('coverage.answeredWithinTarget'), 0],
      [coverage('coverage.resolved'), 0],
      [translator(language, 'team')('export.inHours', { label: coverage('coverage.medianResponse') }), 8.1],
    ]);
    // The screen shows the same figure: 8.1 hours.
    expect(coverage('coverage.hours', { count: 8.1 })).toBe(language === 'zh-CN' ? '8.1 小时' : '8.1 hours');
    const lifecycle = rowsOf(workbook.getWorksheet(labels.report.lifecycle)!).slice(1);
    expect(lifecycle.map((row) => row[0])).toEqual([coverage('coverage.lapsed'), coverage('coverage.wonBack')]);
    expect(workbook.getWorksheet(coverage('coverage.greetings'))).toBeDefined();
  });

  it('report PDF: the screen’s words, and none of the old ones', async () => {
    db = openFixtureDatabase(tempDir());
    addComplaint(db);
    const out = path.join(tempDir(), 'report.pdf');
    await runExport(db, 'report', request('pdf', out));
    // The PDF's text may drop the narrow space of "A 级": compare without white space.
    const squeeze = (words: string) => words.replace(/\s+/g, '');
    const text = squeeze(await pdfText(out));
    for (const key of ['coverage.due', 'coverage.withinCadence', 'coverage.total', 'coverage.byTier', 'coverage.byRep', 'coverage.visitsDone', 'coverage.lastVisit', 'coverage.daysOverdue']) {
      expect(text, key).toContain(squeeze(coverage(key)));
    }
    expect(text).toContain(squeeze(tc('tier.label', { tier: 'A' })));
    expect(text).toContain(squeeze(translator(language, 'team')('export.inHours', { label: coverage('coverage.medianResponse') })));
    expect(text).toContain('8.1');
    expect(text).not.toContain('485.4');
    const old = language === 'zh-CN' ? ['应访', '按时拜访', 'A类', '总览', '分钟'] : ['Withincadence', 'Overview', '(minutes)'];
    for (const word of old) expect(text, word).not.toContain(word);
  });

  it('visit log CSV: the columns the screen shows carry the screen’s headers, tiers and kinds', async () => {
    db = openFixtureDatabase(tempDir());
    const out = path.join(tempDir(), 'visits.csv');
    await runExport(db, 'visits', request('csv', out));
    const [header, ...rows] = parse(fs.readFileSync(out), { bom: true }) as string[][];
    for (const key of ['log.account', 'log.tier', 'log.city', 'log.rep', 'log.kind', 'log.status', 'log.outcome']) expect(header, key).toContain(log(key));
    const tiers = new Set(rows.map((row) => row[header!.indexOf(log('log.tier'))]));
    expect([...tiers].sort()).toEqual((['A', 'B', 'C'] as const).map((tier) => tc('tier.label', { tier })));
    expect(rows.map((row) => row[header!.indexOf(log('log.kind'))])).toContain(tc('enum.visitKind.routine'));
  });
});

describe('the five names the issue found two words for now have one', () => {
  const zh = translator('zh-CN', 'team');
  const labels = exportLabels('zh-CN');

  it('应拜访, 按周期完成, 全部等级, A 级 and hours on screen and in exports alike', () => {
    expect([zh('coverage.due'), labels.report.columns.due]).toEqual(['应拜访', '应拜访']);
    expect([zh('coverage.withinCadence'), labels.report.columns.withinCadence]).toEqual(['按周期完成', '按周期完成']);
    expect([zh('coverage.total'), labels.report.totals]).toEqual(['全部等级', '全部等级']);
    expect([translator('zh-CN')('tier.label', { tier: 'A' }), zh('coverage.tierSeries', { tier: 'A' }), labels.tier('A')]).toEqual(['A 级', 'A 级', 'A 级']);
    expect(labels.report.columns.medianResponse).toBe('首次响应中位时间（小时）');
  });

  it('the account tier filter has one name on the Team and Complaints screens', () => {
    const complaints = translator('zh-CN', 'complaints');
    expect([complaints('page.tier'), complaints('page.allTiers'), complaints('page.tierValue', { tier: 'A' })]).toEqual([zh('log.tier'), zh('log.allTiers'), labels.tier('A')]);
  });
});
