/**
 * Import: a workbook's size on disk says little about the table it makes. One value in the sheet's
 * last column (XFD, the 16,384th) on each of a few thousand rows is a file of a few kilobytes that
 * would be read as a grid of 16,384 cells a row — tens of millions of cells for one import. Rounds
 * reads at most 1,000 columns: a value beyond them refuses the file, naming the cell, in both
 * languages; empty (formatted) cells out there are passed over.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { translator } from '../../core/i18n/translator.js';
import { ImportFileError } from '../../db/import/fileError.js';
import { readXlsx } from '../../db/import/xlsx.js';

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('客户');
  sheet.addRow(['Name', 'City']);
  fill(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a workbook far wider than any list of accounts', () => {
  it('a value in column XFD on thousands of rows: refused, naming the cell, before the grid is built', async () => {
    const file = await workbook((sheet) => {
      for (let row = 2; row <= 3001; row += 1) {
        sheet.getCell(`A${row}`).value = `Account ${row}`;
        sheet.getCell(`XFD${row}`).value = 'x';
      }
    });
    expect(file.length).toBeLessThan(200_000);
    const refused = await readXlsx(file).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ImportFileError);
    expect((refused as ImportFileError).issue).toEqual({ key: 'import.file.tooWide', params: { cell: 'XFD2', most: 1000 } });
    for (const language of ['en', 'zh-CN'] as const) {
      const text = translator(language, 'import')('import.file.tooWide', { cell: 'XFD2', most: 1000 });
      expect(text).toContain('XFD2');
      expect(text).not.toContain('tooWide');
    }
  });

  it('formatted but empty cells out to column XFD are passed over: the rows are read at their width', async () => {
    const file = await workbook((sheet) => {
      for (let row = 2; row <= 4; row += 1) {
        sheet.getCell(`A${row}`).value = `Account ${row}`;
        sheet.getCell(`B${row}`).value = '上海';
        sheet.getCell(`XFD${row}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
      }
    });
    const table = await readXlsx(file);
    expect(table.headers.length).toBeLessThanOrEqual(1000);
    expect(table.rows.map((row) => row.cells.slice(0, 2))).toEqual([
      ['Account 2', '上海'],
      ['Account 3', '上海'],
      ['Account 4', '上海'],
    ]);
  });
});
