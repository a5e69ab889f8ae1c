/** What tier suggestions read (accounts with their tier and fallback revenue) and the suggestions the user ignored (local only). */
import type { Tier, TierSource } from '../../core/model/enums.js';
import type { Db } from '../connection.js';
import { statement } from './table.js';

export interface TieringRow {
  id: string;
  name: string;
  tier: Tier;
  tierSource: TierSource;
  annualRevenue: number | null;
}

/** Live, not archived accounts. */
export function listTieringRows(db: Db): TieringRow[] {
  const sql = 'SELECT id, name, tier, tier_source, annual_revenue FROM accounts WHERE deleted_at IS NULL AND archived_at IS NULL';
  return (statement(db, sql).all() as Array<{ id: string; name: string; tier: Tier; tier_source: TierSource; annual_revenue: number | null }>).map((row) => ({
    id: row.id,
    name: row.name,
    tier: row.tier,
    tierSource: row.tier_source,
    annualRevenue: row.annual_revenue,
  }));
}

/** `accountId:suggestedTier` of every ignored suggestion. */
export function ignoredSuggestions(db: Db): Set<string> {
  const rows = statement(db, 'SELECT account_id, suggested_tier FROM tier_suggestion_ignores').all() as Array<{ account_id: string; suggested_tier: Tier }>;
  return new Set(rows.map((row) => ignoreKey(row.account_id, row.suggested_tier)));
}

export const ignoreKey = (accountId: string, suggestedTier: Tier): string => `${accountId}:${suggestedTier}`;

export function ignoreSuggestion(db: Db, accountId: string, suggestedTier: Tier): void {
  statement(db, 'INSERT INTO tier_suggestion_ignores (account_id, suggested_tier) VALUES (?, ?) ON CONFLICT DO NOTHING').run(accountId, suggestedTier);
}

/** Forgets an account's ignored suggestions (its tier was just set: old ignores no longer mean anything). */
export function clearIgnoredSuggestions(db: Db, accountId: string): void {
  statement(db, 'DELETE FROM tier_suggestion_ignores WHERE account_id = ?').run(accountId);
}
