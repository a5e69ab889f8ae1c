/**
 * How the Team report rounds its figures: one function for each, called by the screen (renderer) and by
 * every export (XLSX, PDF), so that a lead reads the same number in both.
 */

/**
 * To one decimal, a half rounded away from zero as the figure is written: 2.25 → 2.3, 2.35 → 2.4,
 * 10.05 → 10.1 — the decimal point moved in the written figure, never a product in binary that may
 * land just below the half.
 */
export function toTenths(value: number): number {
  const written = String(Math.abs(value));
  // A figure written with an exponent (below 1e-6, from 1e21) is too small or too large for that to matter.
  const tenths = written.includes('e') ? Math.round(Math.abs(value) * 10) : Math.round(Number(`${written}e1`));
  return tenths === 0 ? 0 : (Math.sign(value) * tenths) / 10;
}

/** The average gap between visits, in days with one decimal; null (no gap ended in the period) stays null. */
export function averageGapFigure(days: number): number;
export function averageGapFigure(days: number | null): number | null;
export function averageGapFigure(days: number | null): number | null {
  return days === null ? null : toTenths(days);
}

/** A duration given in minutes as hours with one decimal, the unit the report shows durations in. */
export function hoursFigure(minutes: number): number;
export function hoursFigure(minutes: number | null): number | null;
export function hoursFigure(minutes: number | null): number | null {
  return minutes === null ? null : toTenths(minutes / 60);
}
