import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../testing/tempDir.js';
import { detectDelimiter } from './csv.js';
import { ImportFileError } from './fileError.js';
import { readImportFile } from './read.js';

const CHINESE_CSV = '客户名称,城市,联系人\r\n华东精密机械有限公司,苏州,张伟\r\n上海云栖软件科技,上海,李娜\r\n';

async function refusal(promise: Promise<unknown>): Promise<{ key: string; params?: Record<string, string | number> }> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportFileError);
  return (error as ImportFileError).issue;
}

describe('readImportFile', () => {
  const tempDir = useTempDir();
  const write = (name: string, content: string | Buffer) => {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, content);
    return file;
  };
  const expectedRows = [
    { line: 2, cells: ['华东精密机械有限公司', '苏州', '张伟'] },
    { line: 3, cells: ['上海云栖软件科技', '上海', '李娜'] },
  ];

  it.each([
    ['UTF-8', Buffer.from(CHINESE_CSV, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CHINESE_CSV, 'utf8')]), 'utf-8 (BOM)'],
    ['GBK', iconv.encode(CHINESE_CSV, 'gbk'), 'gb18030'],
    ['UTF-16 (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(CHINESE_CSV.replaceAll(',', '\t'), 'utf16le')]), 'utf-16le'],
  ])('reads %s text', async (_, bytes, encoding) => {
    const table = await readImportFile(write('list.csv', bytes));
    expect(table.headers).toEqual(['客户名称', '城市', '联系人']);
    expect(table.rows).toEqual(expectedRows);
    expect(table.source).toBe(encoding);
  });

  it('detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a,b\n"x;y",2\n')).toBe(',');
  });

  it('reports ragged rows by line, counting lines inside quoted cells', async () => {
    const table = await readImportFile(write('ragged.csv', 'name,city\n"two\nlines",x\nonly-one\nok,y,,\na,b,c\n'));
    expect(table.rows).toEqual([{ line: 2, cells: ['two\nlines', 'x'] }, { line: 5, cells: ['ok', 'y'] }]);
    expect(table.problems).toEqual([
      { line: 4, issue: { key: 'import.row.ragged', params: { found: 1, expected: 2 } } },
      { line: 6, issue: { key: 'import.row.ragged', params: { found: 3, expected: 2 } } },
    ]);
  });

  it('refuses empty, oversize, binary and unknown files clearly', async () => {
    expect(await refusal(readImportFile(write('empty.csv', '')))).toEqual({ key: 'import.file.empty' });
    expect(await refusal(readImportFile(write('bom.csv', '\uFEFF\r\n')))).toEqual({ key: 'import.file.empty' });
    expect(await refusal(readImportFile(write('header.csv', 'name,city\n')))).toEqual({ key: 'import.file.noRows' });
    expect(await refusal(readImportFile(write('big.csv', CHINESE_CSV.repeat(20_000)), { maxBytes: 1024 * 1024 }))).toEqual({
      key: 'import.file.tooLarge', params: { megabytes: 2.2, limit: 1 },
    });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(await refusal(readImportFile(write('picture.csv', png)))).toEqual({ key: 'import.file.notText' });
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => ((i * 7919) % 255) + 1));
    expect(await refusal(readImportFile(write('noise.csv', noise)))).toEqual({ key: 'import.file.notText' });
    expect(await refusal(readImportFile(write('book.csv', Buffer.from('PK\x03\x04rest', 'latin1'))))).toEqual({ key: 'import.file.workbookNamedCsv' });
    expect(await refusal(readImportFile(write('old.xls', 'x')))).toEqual({ key: 'import.file.unsupportedType', params: { extension: '.xls' } });
    expect(await refusal(readImportFile(write('fake.xlsx', 'not a zip')))).toEqual({ key: 'import.file.badWorkbook' });
    expect(await refusal(readImportFile(path.join(tempDir(), 'missing.csv')))).toMatchObject({ key: 'import.file.notFound' });
    expect(await refusal(readImportFile(write('quote.csv', 'a,b\n1,"open\n')))).toEqual({ key: 'import.file.badCsv', params: { line: 2 } });
  });

  it('reads a workbook sheet: typed cells, dates, cached formula values; formulas without one are reported', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRows([['note'], ['see the next sheet']]);
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户名称', '年销售额', '生日']);
    sheet.addRow(['华东精密', 1200, new Date(Date.UTC(1980, 2, 5))]);
    sheet.addRow(['云栖', { formula: 'B2*2', result: 2400 }, '农历八月十五']);
    sheet.addRow(['Acme', { formula: 'B2*3' }, null]);
    sheet.addRow(['Bad', { error: '#N/A' }, null]);
    const file = path.join(tempDir(), 'book.xlsx');
    await workbook.xlsx.writeFile(file);

    const table = await readImportFile(file, { sheet: '客户' });
    expect(table.headers).toEqual(['客户名称', '年销售额', '生日']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['华东精密', 1200, '1980-03-05'] },
      { line: 3, cells: ['云栖', 2400, '农历八月十五'] },
    ]);
    expect(table.problems).toEqual([
      { line: 4, issue: { key: 'import.row.formulaWithoutValue', params: { cell: 'B4' } } },
      { line: 5, issue: { key: 'import.row.cellError', params: { cell: 'B5', error: '#N/A' } } },
    ]);
    expect(await refusal(readImportFile(file, { sheet: 'Kunden' }))).toEqual({ key: 'import.file.noSuchSheet', params: { sheet: 'Kunden', sheets: '说明, 客户' } });
    expect((await readImportFile(file)).rows).toEqual([{ line: 2, cells: ['see the next sheet'] }]);
    expect(table.sheets).toEqual(['说明', '客户']);
    // An empty first sheet is passed over when no sheet is named.
    const withEmpty = new ExcelJS.Workbook();
    withEmpty.addWorksheet('Sheet1');
    withEmpty.addWorksheet('客户').addRows([['客户名称'], ['华东精密']]);
    const emptyFirst = path.join(tempDir(), 'empty-first.xlsx');
    await withEmpty.xlsx.writeFile(emptyFirst);
    expect(await readImportFile(emptyFirst)).toMatchObject({ source: '客户', rows: [{ line: 2, cells: ['华东精密'] }] });
  });

  it('finds the header row below a merged title row and a blank row, in a workbook and in a CSV', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('华东区');
    sheet.addRow(['2026年 华东区重点客户名单']);
    sheet.mergeCells('A1:D1');
    sheet.addRow([]);
    sheet.addRow(['客户名称', '城市', '年销售额(万元)', '负责人']);
    sheet.addRow(['华东精密机械有限公司', '苏州', 1200, '王芳']);
    sheet.addRow(['上海云栖软件科技', '上海', 85.5, '王芳']);
    const file = path.join(tempDir(), 'title.xlsx');
    await workbook.xlsx.writeFile(file);
    const table = await readImportFile(file);
    expect(table.headerLine).toBe(3);
    expect(table.headers).toEqual(['客户名称', '城市', '年销售额(万元)', '负责人']);
    expect(table.rows).toEqual([
      { line: 4, cells: ['华东精密机械有限公司', '苏州', 1200, '王芳'] },
      { line: 5, cells: ['上海云栖软件科技', '上海', 85.5, '王芳'] },
    ]);
    expect(table.candidates.map((row) => row.line)).toEqual([1, 3, 4, 5]);
    expect(table.candidates[0]!.cells).toEqual(['2026年 华东区重点客户名单', '', '', '']);
    // The title picked as the header by mistake: every column is still there, to map or to see the mistake by.
    const fromTitle = await readImportFile(file, { headerLine: 1 });
    expect(fromTitle.headers).toEqual(['2026年 华东区重点客户名单', '(2)', '(3)', '(4)']);
    expect(fromTitle.rows[0]).toEqual({ line: 3, cells: ['客户名称', '城市', '年销售额(万元)', '负责人'] });

    const csv = write('title.csv', '2026年 华东区重点客户名单,,,\n,,,\n导出日期：2026-11-20,,,\n客户名称,城市,客户等级,备注\n华东精密,苏州,A,\n云栖软件,上海,B,老客户\n');
    const fromCsv = await readImportFile(csv);
    expect(fromCsv.headerLine).toBe(4);
    expect(fromCsv.headers).toEqual(['客户名称', '城市', '客户等级', '备注']);
    expect(fromCsv.rows.map((row) => row.line)).toEqual([5, 6]);
    expect(fromCsv.problems).toEqual([]);
    // A title with no delimiters in it does not throw off the delimiter either.
    expect((await readImportFile(write('semicolon.csv', '华东区客户\n客户名称;城市\n华东精密;苏州\n'))).rows).toEqual([{ line: 3, cells: ['华东精密', '苏州'] }]);
  });

  it('names every column uniquely, even when a header already reads like a numbered copy', async () => {
    // Column names key the mapping: two columns under one name would map as one.
    const table = await readImportFile(write('phones.csv', 'Phone,Phone,Phone (2),,(4)\n1,2,3,4,5\n'));
    expect(table.headers).toEqual(['Phone', 'Phone (2)', 'Phone (2) (2)', '(4)', '(4) (2)']);
    expect(new Set(table.headers).size).toBe(5);
    expect(table.rows).toEqual([{ line: 2, cells: [1, 2, 3, 4, 5].map(String) }]);
  });

  it('reads from the header row the user picks, and refuses a row that is not in the file', async () => {
    const csv = write('pick.csv', 'Customer list,,\nName,Town,Notes\nAcme,Shanghai,x\n');
    const table = await readImportFile(csv, { headerLine: 2 });
    expect(table.headers).toEqual(['Name', 'Town', 'Notes']);
    expect(table.rows).toEqual([{ line: 3, cells: ['Acme', 'Shanghai', 'x'] }]);
    expect(await refusal(readImportFile(csv, { headerLine: 9 }))).toEqual({ key: 'import.file.noSuchHeaderRow', params: { line: 9 } });
  });
});
