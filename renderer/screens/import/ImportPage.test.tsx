// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportPreviewView } from '../../../core/api/contract.js';
import { ApiError } from '../../../core/api/errors.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ImportPage } from './ImportPage.js';

afterEach(cleanup);

const PREVIEW: ImportPreviewView = {
  headers: ['客户名称', '城市', '备注'],
  mapping: { 客户名称: 'accountName', 城市: 'city', 备注: null },
  kind: 'accounts',
  source: 'utf-8',
  rows: 3,
  counts: { new: 1, updated: 0, unchanged: 0, invalid: 2 },
  invalid: [
    { line: 3, issue: { key: 'import.row.missingAccountName' } },
    { line: 4, issue: { key: 'import.row.duplicateInFile', params: { firstLine: 2 } } },
  ],
  invalidNotListed: 0,
  duplicates: [{ line: 4, against: 'file', by: 'nameCity', firstLine: 2 }],
  headerLine: 1,
  headerCandidates: [{ line: 1, cells: ['客户名称', '城市', '备注'] }, { line: 2, cells: ['华东精密', '苏州', ''] }],
  sample: [],
  sheets: [],
  needsAccountName: false,
};

/** A hand-kept list: a merged title row above the headers, a lunar birthday and revenue in 万元. */
const TITLED: ImportPreviewView = {
  headers: ['2026年 华东区重点客户名单', '(2)', '(3)'],
  mapping: { '2026年 华东区重点客户名单': null, '(2)': null, '(3)': null },
  kind: 'accounts',
  source: '华东区',
  rows: 4,
  counts: { new: 0, updated: 0, unchanged: 0, invalid: 0 },
  invalid: [],
  invalidNotListed: 0,
  duplicates: [],
  headerLine: 1,
  headerCandidates: [
    { line: 1, cells: ['2026年 华东区重点客户名单', '', ''] },
    { line: 3, cells: ['客户名称', '农历生日', '年销售额(万元)'] },
    { line: 4, cells: ['华东精密', '农历八月十五', '1200'] },
  ],
  sample: [{ line: 3, cells: [], texts: ['客户名称', '农历生日', '年销售额(万元)'] }],
  sheets: [],
  needsAccountName: true,
};
const FROM_LINE_3: ImportPreviewView = {
  ...TITLED,
  headers: ['客户名称', '农历生日', '年销售额(万元)'],
  mapping: { 客户名称: 'accountName', 农历生日: 'lunarBirthday', '年销售额(万元)': 'annualRevenue' },
  kind: 'contacts',
  headerLine: 3,
  counts: { new: 1, updated: 0, unchanged: 0, invalid: 1 },
  invalid: [{ line: 5, issue: { key: 'validation.notANumber', params: { column: '年销售额(万元)', value: '一千二' } } }],
  needsAccountName: false,
  sample: [
    {
      line: 4,
      texts: ['华东精密', '农历八月十五', '1200'],
      cells: [
        { header: '客户名称', field: 'accountName', raw: '华东精密', parsed: { type: 'text' } },
        { header: '农历生日', field: 'lunarBirthday', raw: '农历八月十五', parsed: { type: 'date', date: { calendar: 'lunar', year: null, month: 8, day: 15, isLeapMonth: false }, minutes: null } },
        { header: '年销售额(万元)', field: 'annualRevenue', raw: '1200', parsed: { type: 'amount', value: 12_000_000 } },
      ],
    },
  ],
};

async function chooseFile(name: string, text: string) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([text], name, { type: 'text/csv' })] } });
}

describe('ImportPage', () => {
  it('previews a picked file: mapping, counts and invalid rows with line numbers and translated reasons', async () => {
    const api = fakeApi({ 'imports.mappings': async () => [], 'imports.preview': async () => PREVIEW });
    await renderWithApi(<ImportPage />, api);
    await chooseFile('clients.csv', '客户名称,城市,备注\n');
    await screen.findByText('Invalid rows');
    await waitFor(() => expect(api['imports.preview']).toHaveBeenCalledWith({ fileName: 'clients.csv', contentBase64: btoa(unescape(encodeURIComponent('客户名称,城市,备注\n'))) }));
    expect(screen.getByText('no account name')).toBeTruthy();
    const duplicate = screen.getByText('duplicate of line 2').closest('tr') as HTMLElement;
    expect(within(duplicate).getByText('4')).toBeTruthy();
    expect(screen.getByLabelText('Import column 客户名称 as')).toBeTruthy();
    // Invalid rows: nothing is imported unless the user chooses to skip them.
    expect(screen.getByRole('button', { name: 'Import 1 row' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Skip the 2 invalid rows' }));
    expect(screen.getByRole('button', { name: 'Import 1 row' }).hasAttribute('disabled')).toBe(false);
  });

  it.each([
    ['zh-CN', '该客户属于 张伟，此处只读'],
    ['en', 'this account belongs to 张伟 and is read-only here'],
  ] as const)('names the owner of another rep’s account a row would change (%s)', async (language, reason) => {
    const readOnlyRow: ImportPreviewView = { ...PREVIEW, counts: { ...PREVIEW.counts, invalid: 1 }, invalid: [{ line: 2, issue: { key: 'import.row.readOnlyAccount', params: { owner: '张伟' } } }], duplicates: [] };
    const api = fakeApi({ 'imports.mappings': async () => [], 'imports.preview': async () => readOnlyRow });
    await renderWithApi(<ImportPage />, api, language);
    await chooseFile('team.csv', 'x');
    const row = (await screen.findByText(reason)).closest('tr') as HTMLElement;
    expect(within(row).getByText('2')).toBeTruthy();
  });

  it('runs the dry run again with a changed mapping', async () => {
    const api = fakeApi({ 'imports.mappings': async () => [], 'imports.preview': async () => PREVIEW });
    await renderWithApi(<ImportPage />, api);
    await chooseFile('clients.csv', 'x');
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Import column 备注 as' }));
    fireEvent.click(await screen.findByText('industry', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(api['imports.preview']).toHaveBeenLastCalledWith(expect.objectContaining({ mapping: { 客户名称: 'accountName', 城市: 'city', 备注: 'industry' } })));
  });

  it('explains a file the host refuses, in the user’s language', async () => {
    const api = fakeApi({
      'imports.mappings': async () => [],
      'imports.preview': async () => {
        throw new ApiError('validation', { issues: [{ path: ['contentBase64'], message: 'import.file.unsupportedType' }], params: { extension: '.xls' } });
      },
    });
    await renderWithApi(<ImportPage />, api, 'zh-CN');
    await chooseFile('old.xls', 'x');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('.xls');
    expect(alert.textContent).not.toContain('import.file');
  });

  it('lets the user pick the header row under a title row, then shows the mapping, the parsed sample and the bad value', async () => {
    const api = fakeApi({
      'imports.mappings': async () => [],
      'imports.preview': async (input) => ((input as { headerLine?: number }).headerLine === 3 ? FROM_LINE_3 : TITLED),
    });
    await renderWithApi(<ImportPage />, api);
    await chooseFile('华东区.xlsx', 'x');
    // The title row as header maps nothing: the screen says what to do, in words, and imports nothing.
    expect((await screen.findByRole('alert')).textContent).toContain('No column is imported as the account name: choose which column holds it.');
    expect(document.body.textContent).not.toContain('--');
    expect(screen.getByRole('button', { name: /Import 0 rows/ }).hasAttribute('disabled')).toBe(true);
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Header row' }));
    fireEvent.click(await screen.findByText('Line 3: 客户名称 · 农历生日 · 年销售额(万元)', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(api['imports.preview']).toHaveBeenLastCalledWith(expect.objectContaining({ headerLine: 3 })));
    expect(api['imports.preview']).toHaveBeenLastCalledWith(expect.not.objectContaining({ mapping: expect.anything() }));
    await screen.findByText('How the first rows will be read');
    expect(screen.getByText(/Line 3 holds the column names/)).toBeTruthy();
    expect(screen.getByLabelText('Import column 农历生日 as')).toBeTruthy();
    // raw → parsed: the lunar date with the Gregorian day it next falls on, the amount in yuan
    expect(document.body.textContent).toMatch(/农历八月十五 → Lunar 8\/15, next [A-Z][a-z]{2} \d{1,2}, 20\d\d/);
    expect(document.body.textContent).toContain('1200 → ¥12,000,000');
    const bad = screen.getByText('一千二').closest('tr') as HTMLElement;
    expect(within(bad).getByText('not a number')).toBeTruthy();
    expect(within(bad).getByText('5')).toBeTruthy();
  });

  it('shows the parsed sample in Chinese too', async () => {
    const api = fakeApi({ 'imports.mappings': async () => [], 'imports.preview': async () => FROM_LINE_3 });
    await renderWithApi(<ImportPage />, api, 'zh-CN');
    await chooseFile('华东区.xlsx', 'x');
    await screen.findByText('前几行将这样读取');
    expect(document.body.textContent).toMatch(/农历八月十五 → 农历八月十五，下次是 20\d\d-\d\d-\d\d/);
    expect(document.body.textContent).toContain('1200 → ¥12,000,000');
    expect(screen.getByText('文件中的值')).toBeTruthy();
  });

  it('reads another sheet of a workbook on request, its header row detected afresh', async () => {
    const api = fakeApi({
      'imports.mappings': async () => [],
      'imports.preview': async (input) => ({ ...FROM_LINE_3, sheets: ['说明', '华东区'], source: (input as { sheet?: string }).sheet ?? '说明' }),
    });
    await renderWithApi(<ImportPage />, api);
    await chooseFile('华东区.xlsx', 'x');
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Sheet' }));
    fireEvent.click(await screen.findByText('华东区', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(api['imports.preview']).toHaveBeenLastCalledWith(expect.objectContaining({ sheet: '华东区' })));
    expect(api['imports.preview']).toHaveBeenLastCalledWith(expect.not.objectContaining({ headerLine: expect.anything() }));
  });
});
