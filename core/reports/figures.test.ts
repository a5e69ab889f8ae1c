import { describe, expect, it } from 'vitest';
import { averageGapFigure, hoursFigure, toTenths } from './figures.js';

describe('report figures', () => {
  it('rounds to a tenth, a half away from zero as the figure is written', () => {
    expect([2.25, 2.35, 10.05, 47 / 20, 201 / 20, 1 / 3, 0.04, 0.05, 12].map(toTenths)).toEqual([2.3, 2.4, 10.1, 2.4, 10.1, 0.3, 0, 0.1, 12]);
    expect(toTenths(-2.25)).toBe(-2.3);
    expect(Object.is(toTenths(-0.01), 0)).toBe(true);
  });

  it('keeps “no figure” as null', () => {
    expect(averageGapFigure(null)).toBeNull();
    expect(hoursFigure(null)).toBeNull();
    expect(averageGapFigure(2.25)).toBe(2.3);
    expect(hoursFigure(485.4)).toBe(8.1);
  });
});
