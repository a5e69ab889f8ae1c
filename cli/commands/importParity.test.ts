/**
 * `rounds import` and the app's Import screen are one use case (db/service/imports.ts `importTable`):
 * the same file with the same choices leaves the same rows, and is refused or not alike.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostTimeZone } from '../../db/service/reports.js';
import { createHarness } from '../../db/testing/harness.js';
import { useTempDir } from '../../db/testing/tempDir.js';
import { openDataFolderDatabase } from '../database.js';
import { runRounds } from '../testing.js';

const NOW = '2026-11-22T01:00:00.000Z';
const FILE = '客户名称,城市,联系人,手机,生日\n华东精密,苏州,张伟,13800000000,1980-03-05\n云栖软件,上海,李娜,,农历八月十五\n,北京,王五,,\n华东精密,苏州,赵六,,2/30\n';
const SQL = `SELECT a.name, a.city, c.name AS contact, c.phone, d.calendar, d.month, d.day, d.year
  FROM accounts a LEFT JOIN contacts c ON c.account_id = a.id LEFT JOIN important_dates d ON d.contact_id = c.id ORDER BY a.name, c.name`;

describe('rounds import and the app import the same', () => {
  const tempDir = useTempDir();

  it('the same rows, skipping the same invalid ones, and both refuse the file without --skip-invalid', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'contacts.csv');
    fs.writeFileSync(file, FILE);
    const cliData = path.join(dir, 'cli');
    const env = { ROUNDS_KEY_STORE: 'file' };
    const refused = await runRounds(['import', file, '--data-dir', cliData, '--tz', hostTimeZone()], { now: new Date(NOW), env });
    expect(refused.code).toBe(3);
    const cli = await runRounds(['import', file, '--data-dir', cliData, '--tz', hostTimeZone(), '--skip-invalid'], { now: new Date(NOW), env });
    expect(cli.code, cli.stderr).toBe(0);

    const app = createHarness(tempDir(), NOW);
    const upload = { fileName: 'contacts.csv', contentBase64: Buffer.from(FILE).toString('base64') };
    expect((await app.call('imports.apply', upload)).imported).toBe(false);
    const applied = await app.call('imports.apply', { ...upload, skipInvalid: true });
    expect(applied.imported).toBe(true);
    expect(applied.counts.invalid).toBe(2);

    const db = openDataFolderDatabase(cliData, env);
    try {
      const rows = db.prepare(SQL).all();
      expect(rows.length).toBe(2);
      expect(rows).toEqual(app.db.prepare(SQL).all());
    } finally {
      db.close();
      app.db.close();
    }
  }, 60_000);
});
