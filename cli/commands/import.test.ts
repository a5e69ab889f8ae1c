import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { databasePathIn } from '../../db/paths.js';
import { useTempDir } from '../../db/testing/tempDir.js';
import { runRounds } from '../testing.js';
import { openDataFolderDatabase } from '../database.js';

const tempDir = useTempDir();
const rounds = (argv: string[]) => runRounds(argv, { now: new Date('2026-11-22T01:00:00.000Z') });

function query<T>(dataDir: string, sql: string): T[] {
  const db = openDataFolderDatabase(dataDir, { ROUNDS_KEY_STORE: 'file' });
  try {
    return db.prepare(sql).raw().all() as T[];
  } finally {
    db.close();
  }
}

const CONTACTS = '客户名称,城市,联系人,手机,生日\n华东精密,苏州,张伟,13800000000,1980-03-05\n云栖软件,上海,李娜,,农历八月十五\n';

describe('rounds import', () => {
  it('imports a GBK contact list and reports in Chinese', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'contacts.csv');
    fs.writeFileSync(file, iconv.encode(CONTACTS, 'gbk'));
    const result = await rounds(['import', file, '--data-dir', path.join(dir, 'data'), '--lang', 'zh-CN']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('gb18030');
    expect(result.stdout).toContain('客户名称 → 客户名称');
    expect(result.stdout).toContain('新增：2   更新：0   未变：0   无效：0');
    expect(result.stdout).toContain('已在一个事务中导入');
    expect(query(path.join(dir, 'data'), 'SELECT name FROM contacts ORDER BY name_pinyin')).toEqual([['李娜'], ['张伟']]);
    expect(query(path.join(dir, 'data'), 'SELECT count(*) FROM outbox')).toEqual([[6]]);
  });

  it('dry-runs, lists invalid rows by line, and exits 3 importing nothing unless --skip-invalid', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const file = path.join(dir, 'contacts.csv');
    fs.writeFileSync(file, `${CONTACTS}坏行,苏州,王五,phone?,2026-02-30\n`);
    const dry = await rounds(['import', file, '--dry-run', '--data-dir', dataDir]);
    expect(dry.code).toBe(3);
    expect(dry.stdout).toContain('New: 2   Updated: 0   Unchanged: 0   Invalid: 1');
    expect(dry.stdout).toContain('line 4, column 手机 ("phone?"): not a phone number');
    expect(dry.stdout).toContain('line 4, column 生日 ("2026-02-30"): no such date');
    expect(dry.stdout).toContain('Dry run: nothing was imported.');
    const refused = await rounds(['import', file, '--data-dir', dataDir]);
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain('Nothing was imported: 1 rows are invalid');
    expect(query(dataDir, 'SELECT count(*) FROM accounts')).toEqual([[0]]);
    const skipped = await rounds(['import', file, '--skip-invalid', '--data-dir', dataDir]);
    expect(skipped.code).toBe(0);
    expect(query(dataDir, 'SELECT count(*) FROM contacts')).toEqual([[2]]);
  });

  it('saves the detected mapping and reuses an edited one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'list.csv');
    fs.writeFileSync(file, 'Kunde,Ort\nAcme,Berlin\n');
    const unmapped = await rounds(['import', file, '--save-mapping', path.join(dir, 'mapping.json'), '--data-dir', path.join(dir, 'data')]);
    expect(unmapped.code).toBe(1);
    expect(unmapped.stderr).toContain('No column is imported as the account name: choose which column holds it. Give a mapping with --mapping');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'mapping.json'), 'utf8'))).toEqual({ Kunde: null, Ort: null });
    fs.writeFileSync(path.join(dir, 'mapping.json'), JSON.stringify({ Kunde: 'accountName', Ort: 'city' }));
    const mapped = await rounds(['import', file, '--mapping', path.join(dir, 'mapping.json'), '--data-dir', path.join(dir, 'data')]);
    expect(mapped.code).toBe(0);
    const titled = path.join(dir, 'titled.csv');
    fs.writeFileSync(titled, 'Kundenliste 2026,\nKunde,Ort\nBeta,Köln\n');
    const fromRow2 = await rounds(['import', titled, '--header-row', '2', '--mapping', path.join(dir, 'mapping.json'), '--dry-run', '--data-dir', path.join(dir, 'data')]);
    expect(fromRow2.stdout).toContain('Header row: line 2');
    expect(fromRow2.stdout).toContain('New: 1');
    expect(await rounds(['import', titled, '--header-row', 'two', '--data-dir', path.join(dir, 'data')])).toMatchObject({ code: 2, stderr: expect.stringContaining('--header-row must be a line number') });
    expect(query(path.join(dir, 'data'), 'SELECT name, city, tier FROM accounts')).toEqual([['Acme', 'Berlin', 'C']]);
  });

  it('exits 1 with a clear message for files it cannot import, and 2 for wrong arguments', async () => {
    const dir = tempDir();
    const dataDir = path.join(dir, 'data');
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, '');
    expect(await rounds(['import', empty, '--data-dir', dataDir, '--lang', 'zh-CN'])).toMatchObject({ code: 1, stderr: 'rounds: 文件是空的。\n' });
    const big = path.join(dir, 'big.csv');
    fs.writeFileSync(big, CONTACTS.repeat(10_000));
    expect(await rounds(['import', big, '--max-mb', '0.1', '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('imports are limited to 0.1 MB') });
    const binary = path.join(dir, 'photo.csv');
    fs.writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(await rounds(['import', binary, '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('not a text (CSV) file') });
    expect(fs.existsSync(databasePathIn(dataDir))).toBe(false);
    expect((await rounds(['import', '--data-dir', dataDir])).code).toBe(2);
    expect((await rounds(['import', empty, 'other.csv', '--data-dir', dataDir])).code).toBe(2);
    expect(await rounds(['import', empty, '--date-order', 'YMD', '--data-dir', dataDir])).toMatchObject({ code: 2, stderr: expect.stringContaining('--date-order must be MDY or DMY') });
  });

  it('round-trips the visit log this app exports', async () => {
    const source = tempDir();
    expect((await rounds(['seed', '--data-dir', source, '--scale', 'demo'])).code).toBe(0);
    const csv = path.join(tempDir(), 'visits.csv');
    const exported = await rounds(['export', 'visits', '--from', '2000-01-01', '--to', '2099-12-31', '--lang', 'zh-CN', '--tz', 'Asia/Shanghai', '--out', csv, '--data-dir', source]);
    expect(exported.code).toBe(0);
    const target = tempDir();
    const imported = await rounds(['import', csv, '--skip-invalid', '--tz', 'Asia/Shanghai', '--data-dir', target]);
    expect(imported.stderr).toBe('');
    // Planned and cancelled visits are not completed visits: reported as rows without a visit date.
    expect(imported.stdout).toContain('no visit date');
    const doneVisits = `SELECT a.name, a.city, a.tier, v.kind, substr(v.done_at, 1, 16), v.outcome, v.next_step
      FROM visits v JOIN accounts a ON a.id = v.account_id WHERE v.status = 'done' AND v.deleted_at IS NULL ORDER BY 1, 2, 4, 5, 6`;
    const original = query<unknown[]>(source, doneVisits);
    expect(original.length).toBeGreaterThan(50);
    expect(query(target, doneVisits)).toEqual(original);
  }, 60_000);
});
