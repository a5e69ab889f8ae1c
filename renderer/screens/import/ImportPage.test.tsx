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
});
