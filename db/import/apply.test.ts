import { describe, expect, it } from 'vitest';
import { detectMapping } from '../../core/import/columns.js';
import type { SourceTable } from '../../core/import/rows.js';
import { createHarness, outboxFor } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { applyImport } from './apply.js';
import { planImport, type ImportRequest } from './plan.js';

const NOW = '2026-11-23T02:00:00.000Z';
const request = (headers: string[], ...rows: Array<Array<string | number | null>>): ImportRequest => {
  const table: SourceTable = { headers, rows: rows.map((cells, index) => ({ line: index + 2, cells })) };
  return { table, mapping: detectMapping(headers), timeZone: 'Asia/Shanghai', order: 'MDY' };
};
const count = (h: ReturnType<typeof createHarness>, table: string) => h.db.prepare(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`).pluck().get();

const ACCOUNTS = request(
  ['客户名称', '城市', '客户等级', '外部编号'],
  ['华东精密机械有限公司', '苏州', 'A', 'X-1'],
  ['上海云栖软件科技', '上海', 'B', null],
  ['中国石油苏州分公司', '苏州', 'C', null],
);

describe('import plan and apply', () => {
  const tempDir = useTempDir();

  it('imports accounts as ordinary local changes, each with its outbox entry', () => {
    const h = createHarness(tempDir());
    const outcome = applyImport(h.db, ACCOUNTS, { now: NOW });
    expect(outcome.imported).toBe(true);
    expect(outcome.plan.counts).toEqual({ new: 3, updated: 0, unchanged: 0, invalid: 0 });
    const id = h.db.prepare("SELECT id FROM accounts WHERE external_id = 'X-1'").pluck().get() as string;
    expect(outboxFor(h.db, id)).toEqual([{ op: 'upsert', fields: expect.objectContaining({ name: '华东精密机械有限公司', tier: 'A', city: '苏州' }) }]);
    // found by pinyin initials like any account typed in by hand
    expect(h.db.prepare("SELECT name FROM accounts WHERE name_initials LIKE 'hdjm%'").pluck().all()).toEqual(['华东精密机械有限公司']);
    h.db.close();
  });

  it('dry-runs: new, updated, unchanged and invalid rows, duplicates in the file and in the database; writes nothing', () => {
    const h = createHarness(tempDir());
    applyImport(h.db, ACCOUNTS, { now: NOW });
    const before = h.snapshot();
    const plan = planImport(
      h.db,
      request(
        ['客户名称', '城市', '客户等级', '外部编号'],
        ['Renamed by external id', '苏州', 'A', 'X-1'], // matches X-1 by external id: updated (name)
        ['上海云栖软件科技', '上海', 'B', null], // matches by name + city: unchanged
        ['中国石油苏州分公司', '苏州', 'A', null], // updated (tier)
        ['新客户', '杭州', 'B', null], // new
        ['新客户', '杭州', 'C', null], // duplicate of line 5
        ['坏等级', '杭州', 'Z', null], // invalid
      ),
    );
    expect(plan.counts).toEqual({ new: 1, updated: 2, unchanged: 1, invalid: 2 });
    expect(plan.invalid).toEqual([
      { line: 6, issue: { key: 'import.row.duplicateInFile', params: { firstLine: 5 } } },
      { line: 7, issue: { key: 'validation.invalidChoice', params: { column: '客户等级', value: 'Z' } } },
    ]);
    expect(plan.duplicates).toEqual([
      { line: 2, against: 'database', by: 'externalId', existingId: expect.any(String) },
      { line: 3, against: 'database', by: 'nameCity', existingId: expect.any(String) },
      { line: 4, against: 'database', by: 'nameCity', existingId: expect.any(String) },
      { line: 6, against: 'file', by: 'nameCity', firstLine: 5 },
    ]);
    expect(h.snapshot()).toBe(before);
    h.db.close();
  });

  it('imports contacts with their dates into existing and new accounts; a second run changes nothing', () => {
    const h = createHarness(tempDir());
    applyImport(h.db, ACCOUNTS, { now: NOW });
    const contacts = request(
      ['联系人', '客户名称', '职务', '手机', '生日', '农历生日'],
      ['张伟', '华东精密机械有限公司', '采购经理', '13800000000', '1980-03-05', '闰六月初一'],
      ['李娜', '华东精密机械有限公司', '总经理', null, '5月20日', null],
      ['王强', '全新公司', null, null, null, '农历八月十五'],
    );
    const first = applyImport(h.db, contacts, { now: NOW });
    expect(first.plan.counts).toEqual({ new: 3, updated: 0, unchanged: 0, invalid: 0 });
    expect(count(h, 'accounts')).toBe(4);
    expect(count(h, 'contacts')).toBe(3);
    expect(h.db.prepare('SELECT calendar, month, day, is_leap_month, year FROM important_dates ORDER BY rowid').raw().all()).toEqual([
      ['gregorian', 3, 5, 0, 1980], ['lunar', 6, 1, 1, null], ['gregorian', 5, 20, 0, null], ['lunar', 8, 15, 0, null],
    ]);
    const outboxSize = h.db.prepare('SELECT count(*) FROM outbox').pluck().get();
    expect(planImport(h.db, contacts).counts).toEqual({ new: 0, updated: 0, unchanged: 3, invalid: 0 });
    const changed = request(['联系人', '客户名称', '职务'], ['张伟', '华东精密机械有限公司', '副总经理']);
    expect(applyImport(h.db, changed, { now: NOW }).plan.counts).toEqual({ new: 0, updated: 1, unchanged: 0, invalid: 0 });
    expect(h.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe((outboxSize as number) + 1);
    h.db.close();
  });

  it('refuses a file with invalid rows unless told to skip them', () => {
    const h = createHarness(tempDir());
    const mixed = request(['Account Name', 'City', 'Tier'], ['Acme', 'Shanghai', 'A'], ['', 'Beijing', 'B'], ['Beta', 'Beijing', 'B']);
    const before = h.snapshot();
    const refused = applyImport(h.db, mixed, { now: NOW });
    expect(refused.imported).toBe(false);
    expect(refused.plan.invalid).toEqual([{ line: 3, issue: { key: 'import.row.missingAccountName', params: { column: 'Account Name' } } }]);
    expect(h.snapshot()).toBe(before);
    const skipped = applyImport(h.db, mixed, { now: NOW, skipInvalid: true });
    expect(skipped.imported).toBe(true);
    expect(h.db.prepare('SELECT name FROM accounts ORDER BY name').pluck().all()).toEqual(['Acme', 'Beta']);
    h.db.close();
  });

  it('leaves the data exactly as it was when the import fails mid-way', () => {
    const h = createHarness(tempDir());
    applyImport(h.db, ACCOUNTS, { now: NOW });
    const before = h.snapshot();
    h.db.exec("CREATE TEMP TRIGGER fail_mid_way BEFORE INSERT ON contacts WHEN new.name = '故障' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const contacts = request(['联系人', '客户名称', '生日'], ['张伟', '华东精密机械有限公司', '1980-03-05'], ['新人', '新公司', null], ['故障', '上海云栖软件科技', null], ['最后', '上海云栖软件科技', null]);
    expect(() => applyImport(h.db, contacts, { now: NOW })).toThrow('disk on fire');
    expect(h.snapshot()).toBe(before);
    h.db.close();
  });

  it('imports completed visits once, matching accounts by name', () => {
    const h = createHarness(tempDir());
    applyImport(h.db, ACCOUNTS, { now: NOW });
    const visits = request(['Account', 'Kind', 'Done at', 'Outcome'], ['上海云栖软件科技', '例行拜访', '2026-03-05 14:30', '谈妥'], ['上海云栖软件科技', '例行拜访', '2026-03-05 14:30', '谈妥']);
    const plan = planImport(h.db, visits);
    expect(plan.counts).toEqual({ new: 1, updated: 0, unchanged: 0, invalid: 1 });
    expect(plan.invalid).toEqual([{ line: 3, issue: { key: 'import.row.duplicateInFile', params: { firstLine: 2 } } }]);
    applyImport(h.db, visits, { now: NOW, skipInvalid: true });
    expect(h.db.prepare('SELECT done_at, status, outcome FROM visits').raw().all()).toEqual([['2026-03-05T06:30:00.000Z', 'done', '谈妥']]);
    expect(planImport(h.db, visits).counts).toEqual({ new: 0, updated: 0, unchanged: 2, invalid: 0 });
    h.db.close();
  });
});
