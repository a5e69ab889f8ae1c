/**
 * Export: an account name imported as `=HYPERLINK("http://evil","Click")` (or starting `+`, `-`, `@`)
 * reaches the lead's XLSX as text, never as a formula Excel would run (the CSV export puts an
 * apostrophe in front: `db/export/tabular.test.ts`).
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Column } from '../../db/export/columns.js';
import { writeXlsx } from '../../db/export/xlsx.js';
import { useTempDir } from '../../db/testing/tempDir.js';

const tempDir = useTempDir();
const HOSTILE = ['=HYPERLINK("http://evil","Click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(1,2)'];

describe('a formula-like name in the XLSX export', () => {
  it('is a text cell holding the characters as typed, not a formula', async () => {
    const out = path.join(tempDir(), 'accounts.xlsx');
    const columns: Array<Column<string>> = [{ header: 'Account', type: 'text', width: 30, value: (name) => name }];
    await writeXlsx(out, [{ name: 'Accounts', table: { columns, rows: HOSTILE, total: HOSTILE.length } }]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.getWorksheet('Accounts')!;
    HOSTILE.forEach((name, index) => {
      const cell = sheet.getRow(index + 2).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(name);
      expect(cell.formula).toBeUndefined();
    });
  });
});

