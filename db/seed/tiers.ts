import type { Tier } from '../../core/model/enums.js';

/**
 * ABC tiers by the 80/20 rule: ranked by revenue, the accounts that make up the first 80% of the
 * total are A, the next 15% B, the rest C. An account is placed by the share *before* it, so the
 * biggest account is always A even when it alone exceeds 80%.
 */
export function paretoTiers(revenues: readonly number[]): Tier[] {
  const total = revenues.reduce((sum, r) => sum + r, 0);
  const order = revenues.map((revenue, index) => ({ revenue, index })).sort((a, b) => b.revenue - a.revenue || a.index - b.index);
  const tiers: Tier[] = new Array<Tier>(revenues.length).fill('C');
  let before = 0;
  for (const { revenue, index } of order) {
    const share = total > 0 ? before / total : 1;
    tiers[index] = share < 0.8 ? 'A' : share < 0.95 ? 'B' : 'C';
    before += revenue;
  }
  return tiers;
}
