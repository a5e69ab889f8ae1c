import { describe, expect, it } from 'vitest';
import { detectHeaderLine, headerCandidates, HEADER_SCAN_ROWS } from './headerRow.js';

const rows = (...cells: Array<Array<string | number | null>>) => cells.map((row, index) => ({ line: index + 1, cells: row }));

describe('detectHeaderLine', () => {
  it('skips a merged title row and a blank row to the row naming known fields', () => {
    const sheet = rows(['2026年 华东区重点客户名单', null, null], [null, null, null], ['客户名称', '城市', '年销售额(万元)'], ['华东精密', '苏州', 1200]);
    expect(detectHeaderLine(sheet)).toBe(3);
  });

  it('prefers the row naming the most fields over a data row that happens to hold one', () => {
    const sheet = rows(['Visit log', null, null], ['Account', 'Kind', 'Done at'], ['Acme', '电话', '2026-03-05']);
    expect(detectHeaderLine(sheet)).toBe(2);
  });

  it('takes the first row filled across when no header is known, not a one-cell title', () => {
    expect(detectHeaderLine(rows(['Quarterly list'], ['Firma', 'Ort', 'Notiz'], ['Acme', 'Berlin', 'x']))).toBe(2);
    expect(detectHeaderLine(rows(['Firma', 'Ort'], ['Acme', 'Berlin']))).toBe(1);
    expect(detectHeaderLine(rows([null], [null]))).toBeNull();
    // a merged title some tools write into every cell of its range
    expect(detectHeaderLine(rows(['Kundenliste', 'Kundenliste', 'Kundenliste'], ['Firma', 'Ort', 'Notiz'], ['Acme', 'Berlin', 'x']))).toBe(2);
  });

  it('offers the first non-blank rows, as text, to choose from', () => {
    const sheet = rows(['title', null], [null, null], ...Array.from({ length: 30 }, (_, i) => [`a${i}`, i]));
    const candidates = headerCandidates(sheet);
    expect(candidates).toHaveLength(HEADER_SCAN_ROWS);
    expect(candidates[0]).toEqual({ line: 1, cells: ['title', ''] });
    expect(candidates[1]).toEqual({ line: 3, cells: ['a0', '0'] });
  });
});
