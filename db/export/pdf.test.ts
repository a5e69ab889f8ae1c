import fs from 'node:fs';
import path from 'node:path';
import { format, parseISO } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import { afterEach, describe, expect, it } from 'vitest';
import { presetPeriod } from '../../core/reports/period.js';
import type { Db } from '../connection.js';
import { coverageFromDb } from '../reports/coverage.js';
import { openFixtureDatabase, REP_ONE } from '../reports/testFixture.js';
import { useTempDir } from '../testing/tempDir.js';
import { embeddedFonts, pdfText } from '../../test/support/pdf.js';
import { installedCjkFont } from './fonts.js';
import { ExportAbortedError } from './job.js';
import { exportLabels } from './wording.js';
import { writeReportPdf, type ReportPdfInput } from './pdf.js';

describe('period report PDF', () => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());

  function input(language: 'zh-CN' | 'en'): ReportPdfInput {
    const period = presetPeriod('quarter', '2026-02-15');
    const timeZone = 'Asia/Shanghai';
    return {
      report: coverageFromDb(db!, { from: period.from, to: period.to, asOf: '2026-06-01', timeZone }),
      period,
      labels: exportLabels(language),
      repName: (ownerId) => (ownerId === REP_ONE ? '王小明' : '李四'),
      subject: exportLabels(language).allReps,
      generatedAt: new Date('2026-06-01T02:00:00.000Z'),
      timeZone,
    };
  }

  it('has selectable Chinese headings, account and rep names, the period and page numbers, in the shipped Noto Sans SC', async () => {
    db = openFixtureDatabase(tempDir());
    const out = path.join(tempDir(), 'report.pdf');
    const steps: number[] = [];
    // The app's own font, as the packaged app passes it (not a system font such as Debian's Noto CJK).
    await writeReportPdf(out, { ...input('zh-CN'), font: { bundled: installedCjkFont() } }, { onProgress: (done) => steps.push(done) });
    expect(embeddedFonts(out)).toEqual(['NotoSansSC-Regular']);
    const text = await pdfText(out);
    for (const expected of ['季报', '按等级', '各等级拜访覆盖率', '按销售', '逾期客户', '中国石油天然气股份有限公司', '王小明', '李四', '2026年1月1日', '第 1 页，共']) {
      expect(text).toContain(expected);
    }
    expect(steps.at(-1)).toBe(7);
  });

  it.each(['zh-CN', 'en'] as const)('shows every header and every date in full, nothing cut (%s)', async (language) => {
    db = openFixtureDatabase(tempDir());
    // Two-digit months and days: the widest dates there are.
    db.prepare("INSERT INTO accounts (id, name, tier, status, owner_id, created_at, updated_at) VALUES ('acc-9', '上海浦东发展银行股份有限公司信用卡中心华东区域分部', 'A', 'active', ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run(REP_ONE);
    db.prepare("INSERT INTO visits (id, account_id, kind, status, done_at, owner_id, created_at, updated_at) VALUES ('v-9', 'acc-9', 'routine', 'done', '2025-10-25T02:00:00.000Z', ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')").run(REP_ONE);
    const out = path.join(tempDir(), 'report.pdf');
    const report = input(language);
    await writeReportPdf(out, report);
    // A header or date cut short, or broken over two lines, would not be found.
    const text = await pdfText(out);
    const locale = language === 'zh-CN' ? zhCN : enUS;
    const day = (value: string) => format(parseISO(value), 'PPP', { locale });
    const overdue = report.report.accounts.filter((account) => account.daysOverdue > 0 && account.lastVisitDay !== null);
    expect(overdue.map((account) => account.lastVisitDay)).toContain('2025-10-25');
    for (const expected of [...Object.values(report.labels.report.columns), ...overdue.map((account) => day(account.lastVisitDay!))]) expect(text, expected).toContain(expected);
    expect(text).toContain(`${day(report.period.from)} – ${day(report.period.to)}`);
    expect(text).toContain('上海浦东发展银行');
    expect(text).not.toContain('…');
    // The time it was made on a 24-hour clock (10:00 in Shanghai).
    expect(text).toContain(`${day('2026-06-01')} 10:00`);
  });

  it('repeats the header with period and rep on every page of a long report', async () => {
    db = openFixtureDatabase(tempDir());
    const insert = db.prepare("INSERT INTO accounts (id, name, tier, status, owner_id, created_at, updated_at) VALUES (?, ?, 'A', 'active', ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')");
    const visit = db.prepare("INSERT INTO visits (id, account_id, kind, status, done_at, owner_id, created_at, updated_at) VALUES (?, ?, 'routine', 'done', '2025-10-01T02:00:00.000Z', ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')");
    for (let i = 0; i < 120; i += 1) {
      insert.run(`extra-${i}`, `华东客户${i}`, REP_ONE);
      visit.run(`extra-visit-${i}`, `extra-${i}`, REP_ONE);
    }
    const out = path.join(tempDir(), 'long.pdf');
    await writeReportPdf(out, input('en'));
    const pages = (await pdfText(out)).split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, index) => {
      expect(page).toContain('Quarterly report');
      expect(page).toContain('Rep: All reps');
      expect(page).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    expect(pages.join('')).toContain('华东客户119');
  });

  it('steps over a configured font that does not exist to the shipped one', async () => {
    db = openFixtureDatabase(tempDir());
    const out = path.join(tempDir(), 'r.pdf');
    const missing = path.join(tempDir(), 'missing.ttf');
    await writeReportPdf(out, { ...input('zh-CN'), font: { explicit: missing, bundled: missing } });
    expect(embeddedFonts(out)).toEqual(['NotoSansSC-Regular']);
    expect(await pdfText(out)).toContain('中国石油天然气股份有限公司');
  });

  it('leaves no file when cancelled', async () => {
    db = openFixtureDatabase(tempDir());
    const dir = tempDir();
    const controller = new AbortController();
    await expect(writeReportPdf(path.join(dir, 'r.pdf'), input('en'), { signal: controller.signal, onProgress: (done) => done === 2 && controller.abort() })).rejects.toBeInstanceOf(ExportAbortedError);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
