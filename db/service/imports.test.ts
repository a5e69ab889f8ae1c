import { describe, expect, it } from 'vitest';
import { createHarness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const GOOD = base64('客户名称,城市,客户等级\n华东精密机械有限公司,苏州,A\n上海云栖软件科技,上海,B\n');
const WITH_INVALID = base64('客户名称,城市,客户等级\n华东精密机械有限公司,苏州,A\n,上海,B\n上海云栖软件科技,上海,Z\n');
const accounts = (h: ReturnType<typeof createHarness>) => h.db.prepare('SELECT name FROM accounts ORDER BY name').pluck().all();

describe('imports through callApi', () => {
  const tempDir = useTempDir();

  it('previews a file: detected mapping, counts, nothing written', async () => {
    const h = createHarness(tempDir());
    const before = h.snapshot();
    const preview = await h.call('imports.preview', { fileName: 'clients.csv', contentBase64: GOOD });
    expect(preview).toMatchObject({ headers: ['客户名称', '城市', '客户等级'], kind: 'accounts', rows: 2, counts: { new: 2, updated: 0, unchanged: 0, invalid: 0 }, invalid: [] });
    expect(preview.mapping).toEqual({ 客户名称: 'accountName', 城市: 'city', 客户等级: 'tier' });
    expect(h.snapshot()).toBe(before);
    h.db.close();
  });

  it('lists invalid rows with their line numbers and reasons as i18n keys', async () => {
    const h = createHarness(tempDir());
    const preview = await h.call('imports.preview', { fileName: 'clients.csv', contentBase64: WITH_INVALID });
    expect(preview.counts.invalid).toBe(2);
    expect(preview.invalid.map((problem) => problem.line)).toEqual([3, 4]);
    for (const problem of preview.invalid) expect(problem.issue.key).toMatch(/^(import|validation)\./);
    h.db.close();
  });

  it('applies all valid rows in one go, or nothing when rows are invalid', async () => {
    const h = createHarness(tempDir());
    const before = h.snapshot();
    const refused = await h.call('imports.apply', { fileName: 'clients.csv', contentBase64: WITH_INVALID });
    expect(refused.imported).toBe(false);
    expect(h.snapshot()).toBe(before);
    const skipped = await h.call('imports.apply', { fileName: 'clients.csv', contentBase64: WITH_INVALID, skipInvalid: true });
    expect(skipped).toMatchObject({ imported: true, counts: { new: 1, invalid: 2 } });
    expect(accounts(h)).toEqual(['华东精密机械有限公司']);
    const again = await h.call('imports.apply', { fileName: 'clients.csv', contentBase64: GOOD });
    expect(again.counts).toMatchObject({ new: 1, unchanged: 1 });
    h.db.close();
  });

  it('refuses a file it cannot read with a translated reason and changes nothing', async () => {
    const h = createHarness(tempDir());
    const before = h.snapshot();
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x10]).toString('base64');
    expect(await h.fail('imports.apply', { fileName: 'clients.csv', contentBase64: binary })).toMatchObject({ code: 'validation', issues: [{ path: ['contentBase64'], message: 'import.file.notText' }] });
    expect(await h.fail('imports.preview', { fileName: 'clients.xls', contentBase64: GOOD })).toMatchObject({ issues: [{ message: 'import.file.unsupportedType' }], params: { extension: '.xls' } });
    expect(await h.fail('imports.preview', { fileName: 'clients.csv', contentBase64: GOOD, mapping: { Name: 'accountName' } })).toMatchObject({ issues: [{ message: 'import.mapping.missingHeaders' }] });
    expect(h.snapshot()).toBe(before);
    h.db.close();
  });

  it('previews a sheet with a title row: detected header row, parsed sample (lunar dates, 万元 amounts), the picked row on request', async () => {
    const h = createHarness(tempDir());
    const before = h.snapshot();
    const titled = base64('2026年 华东区重点客户名单,,,\n,,,\n客户名称,联系人,农历生日,年销售额(万元)\n华东精密,张伟,农历八月十五,1200\n云栖软件,李娜,八月三十五,x\n');
    const preview = await h.call('imports.preview', { fileName: '客户.csv', contentBase64: titled });
    expect(preview).toMatchObject({ headerLine: 3, headers: ['客户名称', '联系人', '农历生日', '年销售额(万元)'], kind: 'contacts', needsAccountName: false });
    expect(preview.headerCandidates.map((row) => row.line)).toEqual([1, 3, 4, 5]);
    expect(preview.sheets).toEqual([]);
    expect(preview.sample[0]).toEqual({
      line: 4,
      cells: [
        { header: '客户名称', field: 'accountName', raw: '华东精密', parsed: { type: 'text' } },
        { header: '联系人', field: 'contactName', raw: '张伟', parsed: { type: 'text' } },
        { header: '农历生日', field: 'lunarBirthday', raw: '农历八月十五', parsed: { type: 'date', date: { calendar: 'lunar', year: null, month: 8, day: 15, isLeapMonth: false }, minutes: null } },
        { header: '年销售额(万元)', field: 'annualRevenue', raw: '1200', parsed: { type: 'amount', value: 12_000_000 } },
      ],
      texts: ['华东精密', '张伟', '农历八月十五', '1200'],
    });
    expect(preview.sample[1]!.cells[2]).toMatchObject({ raw: '八月三十五', parsed: { type: 'invalid', issue: { key: 'import.date.unrecognised' } } });
    expect(preview.invalid).toContainEqual({ line: 5, issue: { key: 'validation.notANumber', params: { column: '年销售额(万元)', value: 'x' } } });
    // The title row as the header: nothing names the account, so the preview says so instead of refusing the file.
    const wrongRow = await h.call('imports.preview', { fileName: '客户.csv', contentBase64: titled, headerLine: 1 });
    expect(wrongRow).toMatchObject({ headerLine: 1, needsAccountName: true, counts: { new: 0, updated: 0, unchanged: 0, invalid: 0 } });
    expect(await h.fail('imports.apply', { fileName: '客户.csv', contentBase64: titled, headerLine: 1 })).toMatchObject({ issues: [{ message: 'import.mapping.noAccountName' }] });
    expect(h.snapshot()).toBe(before);
    h.db.close();
  });

  it('reads the sheet the user picks from a workbook', async () => {
    const h = createHarness(tempDir());
    const { default: ExcelJS } = await import('exceljs');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('华东').addRows([['客户名称', '城市'], ['华东精密', '苏州']]);
    workbook.addWorksheet('华南').addRows([['客户名称', '城市'], ['宝利百货', '深圳'], ['海川物流', '广州']]);
    const contentBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await h.call('imports.preview', { fileName: '客户.xlsx', contentBase64 })).toMatchObject({ source: '华东', sheets: ['华东', '华南'], counts: { new: 1 } });
    expect(await h.call('imports.preview', { fileName: '客户.xlsx', contentBase64, sheet: '华南' })).toMatchObject({ source: '华南', counts: { new: 2 } });
    expect(await h.fail('imports.preview', { fileName: '客户.xlsx', contentBase64, sheet: '华北' })).toMatchObject({ issues: [{ message: 'import.file.noSuchSheet' }] });
    h.db.close();
  });

  it('saves named mappings in the settings and lists them', async () => {
    const h = createHarness(tempDir());
    expect(await h.call('imports.mappings', undefined)).toEqual([]);
    await h.call('imports.saveMapping', { name: 'Salesforce', mapping: { 'Account Name': 'accountName', Notes: null } });
    const saved = await h.call('imports.saveMapping', { name: 'Salesforce', mapping: { 'Account Name': 'accountName' } });
    expect(saved).toEqual([{ name: 'Salesforce', mapping: { 'Account Name': 'accountName' } }]);
    expect(await h.call('imports.mappings', undefined)).toEqual(saved);
    expect(await h.fail('imports.saveMapping', { name: 'x', mapping: { A: 'nonsense' } })).toMatchObject({ code: 'validation' });
    h.db.close();
  });
});
