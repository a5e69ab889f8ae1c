/**
 * Import: a sheet saved as CSV from a spreadsheet whose used range runs to its last row is the header,
 * a few accounts, and hundreds of thousands of lines of bare delimiters (`,,,`). A 3 MB file of them
 * was read as a million rows (25 s, about 1 GB of memory, each row then listed as invalid); a 50 MB
 * one, within the size limit, as sixteen million. Lines with no value in any cell are passed over like
 * empty lines (a cell of spaces has no value), and the rows kept keep their line numbers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readImportFile } from '../../db/import/read.js';
import { useTempDir } from '../../db/testing/tempDir.js';

const tempDir = useTempDir();

describe('a CSV of a few rows and a sea of bare delimiters', () => {
  it('reads the rows with values only, on their own lines', async () => {
    const file = path.join(tempDir(), 'accounts.csv');
    fs.writeFileSync(file, `Name,City\nNorth Mill,Hangzhou\n${',\n'.repeat(100_000)}, ,\nSouth Dock,Shenzhen\n${',,\n'.repeat(100_000)}`);
    const table = await readImportFile(file);
    expect(table.rows.map((row) => [row.line, ...row.cells])).toEqual([
      [2, 'North Mill', 'Hangzhou'],
      [100_004, 'South Dock', 'Shenzhen'],
    ]);
  });
});
