import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { presetPeriod } from '../../core/reports/period.js';
import type { Db } from '../connection.js';
import { iterateVisitLog, countVisitLog } from '../reports/visitLog.js';
import { FIXTURE_VISITS, openFixtureDatabase, REP_ONE } from '../reports/testFixture.js';
import { useTempDir } from '../testing/tempDir.js';
import { visitLogColumns, type Column, type Table } from './columns.js';
import { neutraliseFormula, quoteField, writeCsv } from './csv.js';
import { ExportAbortedError } from './job.js';
import { exportLabels } from './wording.js';
import { runExport } from './run.js';
import { writeXlsx } from './xlsx.js';

const labels = exportLabels('zh-CN');
const repName = (ownerId: string | null) => (ownerId === REP_ONE ? '王销售' : '李销售');

describe('tabular exports', () => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());

  function visitTable(): Table<ReturnType<typeof iterateVisitLog> extends Iterable<infer R> ? R : never> {
    return { columns: visitLogColumns(labels, repName, 'Asia/Shanghai'), rows: iterateVisitLog(db!, { sort: 'when' }), total: countVisitLog(db!, {}) };
  }

  it('quotes by RFC 4180 and neutralises formulas', () => {
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('plain')).toBe('plain');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(neutraliseFormula(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(neutraliseFormula('1+1')).toBe('1+1');
  });

  it('writes CSV with a BOM, a translated header and every row, read back by csv-parse', async () => {
    db = openFixtureDatabase(tempDir());
    const out = path.join(tempDir(), 'visits.csv');
    const progress: number[] = [];
    await writeCsv(out, visitTable(), { onProgress: (done) => progress.push(done) });
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, relax_column_count: false }) as string[][];
    expect(records[0]).toEqual(['客户', '等级', '城市', '销售', '类型', '状态', '计划时间', '完成时间', '目的', '见到的人', '结果', '下一步']);
    expect(records).toHaveLength(FIXTURE_VISITS.length + 1);
    const first = records.find((record) => record[7] === '2026-01-05 10:00')!;
    expect(first).toEqual(['中国石油天然气股份有限公司', 'A 级', '北京', '王销售', '例行拜访', '已完成', '2026-01-05 10:00', '2026-01-05 10:00', '', '张伟、李娜', '签了年度合同，\n下月交货', "'+86 安排培训"]);
    const acme = records.find((record) => record[0] === 'Acme, "Quoted" & Co')!;
    expect(acme[9]).toBe('Bob "Bobby" Smith');
    expect(acme[10]).toBe(`'-1 defect, "minor"`);
    expect(acme[11]).toBe("'@follow up");
    expect(records.some((record) => record[0] === `'=HYPERLINK("http://evil")`)).toBe(true);
    expect(records.some((record) => record[10] === "'\tTabbed")).toBe(true);
    expect(progress.at(-1)).toBe(FIXTURE_VISITS.length);
  });

  it('keeps negative numbers as numbers in CSV', async () => {
    const out = path.join(tempDir(), 'numbers.csv');
    const columns: Array<Column<number>> = [{ header: 'n', type: 'number', width: 5, value: (n) => n }];
    await writeCsv(out, { columns, rows: [-3, 1.5], total: 2 });
    expect(fs.readFileSync(out, 'utf8')).toBe('\uFEFFn\r\n-3\r\n1.5\r\n');
  });

  it('writes XLSX with typed cells and a frozen header, read back by exceljs', async () => {
    db = openFixtureDatabase(tempDir());
    const out = path.join(tempDir(), 'visits.xlsx');
    const numbers: Array<Column<{ n: number }>> = [{ header: '比例', type: 'percent', width: 8, value: (row) => row.n }];
    await writeXlsx(out, [
      { name: '拜访记录', table: visitTable() },
      { name: 'ratios: [a/b]', table: { columns: numbers, rows: [{ n: 0.25 }], total: 1 } },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('拜访记录')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('客户');
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.rowCount).toBe(FIXTURE_VISITS.length + 1);
    const rows = Array.from({ length: FIXTURE_VISITS.length }, (_, i) => sheet.getRow(i + 2));
    const first = rows.find((row) => row.getCell(2).value === 'A 级' && row.getCell(10).value === '张伟、李娜')!;
    expect(first.getCell(1).value).toBe('中国石油天然气股份有限公司');
    const doneAt = first.getCell(8).value;
    expect(doneAt).toBeInstanceOf(Date);
    expect((doneAt as Date).toISOString()).toBe('2026-01-05T10:00:00.000Z');
    expect(first.getCell(8).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(11).value).toBe('签了年度合同，\n下月交货');
    const ratios = workbook.getWorksheet('ratios   a b ')!;
    expect(ratios.getRow(2).getCell(1).value).toBe(0.25);
    expect(ratios.getRow(2).getCell(1).numFmt).toBe('0.0%');
  });

  it('puts the report’s title, period, rep and time above each table of the report workbook', async () => {
    db = openFixtureDatabase(tempDir());
    const out = path.join(tempDir(), 'report.xlsx');
    const request = { period: presetPeriod('quarter', '2026-02-15'), today: '2026-06-01', timeZone: 'Asia/Shanghai', subject: labels.allReps, labels, repName, format: 'xlsx' as const, out, now: new Date('2026-06-01T02:00:00.000Z') };
    await runExport(db, 'report', request);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('按等级')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('季报 · 按等级');
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    expect(sheet.getRow(2).getCell(1).value).toBe('报告期间：2026年1月1日 – 2026年3月31日    销售：全部销售    生成时间：2026年6月1日 10:00');
    expect(sheet.getRow(4).values).toEqual([undefined, '分组', '客户数', '应拜访', '按周期完成', '覆盖率', '逾期', '已完成拜访', '平均间隔（天）']);
    expect(sheet.getRow(4).font).toMatchObject({ bold: true });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.getRow(5).getCell(1).value).toBe('A 级');
    expect(sheet.getRow(5).getCell(2).value).toBe(1);
    expect(workbook.getWorksheet('逾期客户')!.getRow(1).getCell(1).value).toBe('季报 · 逾期客户');
  });

  it('leaves no file behind when cancelled, and keeps an existing file untouched', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 20_000 }, (_, i) => i);
    const columns: Array<Column<number>> = [{ header: 'n', type: 'number', width: 5, value: (n) => n }];
    for (const write of [(out: string, options: object) => writeCsv(out, { columns, rows, total: rows.length }, options), (out: string, options: object) => writeXlsx(out, [{ name: 'n', table: { columns, rows, total: rows.length } }], options)]) {
      const controller = new AbortController();
      const out = path.join(dir, 'cancelled.out');
      await expect(write(out, { signal: controller.signal, onProgress: (done: number) => done >= 4000 && controller.abort() })).rejects.toBeInstanceOf(ExportAbortedError);
      expect(fs.readdirSync(dir)).toEqual([]);
      fs.writeFileSync(out, 'previous export');
      const again = new AbortController();
      await expect(write(out, { signal: again.signal, onProgress: (done: number) => done >= 4000 && again.abort() })).rejects.toBeInstanceOf(ExportAbortedError);
      expect(fs.readdirSync(dir)).toEqual(['cancelled.out']);
      expect(fs.readFileSync(out, 'utf8')).toBe('previous export');
      fs.rmSync(out);
    }
  });
});
