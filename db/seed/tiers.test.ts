import { describe, expect, it } from 'vitest';
import { paretoTiers } from './tiers.js';

describe('paretoTiers', () => {
  it('puts the accounts making the first 80% of revenue in A, the next 15% in B, the rest in C', () => {
    // total 100; in revenue order 50, 25, 10, 5, 5, 3, 2 the share before each is 0, 50, 75, 85, 90, 95, 98%
    const revenues = [3, 50, 10, 25, 5, 5, 2];
    expect(paretoTiers(revenues)).toEqual(['C', 'A', 'A', 'A', 'B', 'B', 'C']);
  });

  it('keeps a single giant in A even when it alone is over 95%', () => {
    expect(paretoTiers([96, 3, 1])).toEqual(['A', 'C', 'C']);
  });

  it('makes accounts without revenue C', () => {
    expect(paretoTiers([0, 0])).toEqual(['C', 'C']);
  });
});
