import { describe, expect, it } from 'vitest';
import { detectMapping } from './columns.js';
import { buildRecords, type SourceTable } from './rows.js';

const table = (headers: string[], ...rows: Array<Array<string | number | null>>): SourceTable => ({
  headers,
  rows: rows.map((cells, index) => ({ line: index + 2, cells })),
});
const build = (source: SourceTable) => buildRecords(source, detectMapping(source.headers), { timeZone: 'Asia/Shanghai', order: null });

describe('buildRecords', () => {
  it('turns account rows into account fields, reading tiers and amounts as people write them', () => {
    const result = build(table(['客户名称', '城市', '客户等级', '年销售额', '外部编号'], ['华东精密', '苏州', 'A类', '1,200万', 'X-1'], ['云栖软件', '', 'c', 5000, null]));
    expect(result.problems).toEqual([]);
    expect(result.records.map((r) => r.account)).toEqual([
      { name: '华东精密', city: '苏州', tier: 'A', annualRevenue: 12_000_000, externalId: 'X-1' },
      { name: '云栖软件', city: null, tier: 'C', annualRevenue: 5000, externalId: null },
    ]);
  });

  it('reports every wrong cell with its line, column and i18n key', () => {
    const result = build(table(['Account Name', 'Tier', 'Revenue'], ['', 'A', '1'], ['Acme', 'D', 'lots']));
    expect(result.records).toEqual([]);
    expect(result.problems).toEqual([
      { line: 2, issue: { key: 'import.row.missingAccountName', params: { column: 'Account Name' } } },
      { line: 3, issue: { key: 'validation.invalidChoice', params: { column: 'Tier', value: 'D' } } },
      { line: 3, issue: { key: 'validation.notANumber', params: { column: 'Revenue', value: 'lots' } } },
    ]);
  });

  it('builds contacts with their birthdays (Gregorian and lunar) and anniversaries', () => {
    const result = build(
      table(['First Name', 'Last Name', 'Account Name', 'Email', 'Birthdate', '农历生日', '结婚纪念日'],
        ['伟', '张', '华东精密', 'zw@example.cn', '1980-03-05', '闰六月初一', '5月20日'],
        ['Ann', 'Lee', 'Acme', 'not-an-email', '2026-02-30', null, null]),
    );
    expect(result.records).toHaveLength(1);
    expect(result.records[0]).toMatchObject({
      line: 2,
      account: { name: '华东精密' },
      contact: { name: '张伟', email: 'zw@example.cn' },
      dates: [
        { kind: 'birthday', date: { calendar: 'gregorian', year: 1980, month: 3, day: 5, isLeapMonth: false } },
        { kind: 'birthday', date: { calendar: 'lunar', year: null, month: 6, day: 1, isLeapMonth: true } },
        { kind: 'wedding_anniversary', date: { calendar: 'gregorian', year: null, month: 5, day: 20, isLeapMonth: false } },
      ],
    });
    expect(result.problems).toEqual([
      { line: 3, issue: { key: 'validation.invalidEmail', params: { column: 'Email', value: 'not-an-email' } } },
      { line: 3, issue: { key: 'validation.invalidDate', params: { column: 'Birthdate', value: '2026-02-30' } } },
    ]);
  });

  it('builds completed visits in the user’s time zone and skips blank rows', () => {
    const result = build(table(['Account', 'Kind', 'Done at', 'Outcome'], ['Acme', '例行拜访', '2026-03-05 14:30', 'ok'], ['', '', '', ''], ['Acme', 'Phone call', '3月5日', null]));
    expect(result.records.map((r) => r.visit)).toEqual([{ kind: 'routine', doneAt: '2026-03-05T06:30:00.000Z', outcome: 'ok', nextStep: null }]);
    expect(result.problems).toEqual([{ line: 4, issue: { key: 'import.date.yearRequired', params: { column: 'Done at', value: '3月5日' } } }]);
  });

  it('reads amounts in the unit the header names: 万元, 千元, 元, with ASCII or full-width brackets', () => {
    const revenue = (header: string, cell: string | number) => build(table(['客户名称', header], ['华东精密', cell])).records[0]?.account.annualRevenue;
    expect(revenue('年销售额(万元)', 1200)).toBe(12_000_000);
    expect(revenue('销售额（万元）', '12.5')).toBe(125_000);
    expect(revenue('年销售额（千元）', '3,500')).toBe(3_500_000);
    expect(revenue('年销售额(元)', '880000')).toBe(880_000);
    expect(revenue('Revenue', '880000')).toBe(880_000);
    // a cell that names its own unit is read in it, not in the header's
    expect(revenue('年销售额(万元)', '1.2亿')).toBe(120_000_000);
    expect(detectMapping(['客户名称', '年销售额(万元)', '销售额（万元）'])).toEqual({ 客户名称: 'accountName', '年销售额(万元)': 'annualRevenue', '销售额（万元）': null });
  });

  it('reads back text our CSV export protected against formula injection', () => {
    const result = build(table(['Account Name'], ["'=Acme"]));
    expect(result.records[0]?.account.name).toBe('=Acme');
  });

  it('reports a cell with a character that cannot be stored as the row’s one problem, in any field', () => {
    const result = build(table(['Account', 'Kind', 'Done at', 'Outcome'], ['Acme', 'routine', '2026-03-05', 'sig\u0000ned'], ['Bad\ud800', 'routine', '2026-03-05', 'ok'], ['Acme', 'routine', '2026-03-06', 'fine']));
    expect(result.problems).toEqual([
      { line: 2, issue: { key: 'validation.invalidCharacter', params: { column: 'Outcome' } } },
      { line: 3, issue: { key: 'validation.invalidCharacter', params: { column: 'Account' } } },
    ]);
    expect(result.records.map((r) => r.line)).toEqual([4]);
  });
});
