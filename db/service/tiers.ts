/**
 * Tier suggestions by the 80/20 rule over trailing-12-month revenue: the sum of an account's orders in
 * the last 365 days, or its entered annual revenue when it has no orders then (accounts with neither
 * are left out: no figure is not the same as zero). Only `tiers.accept` changes a tier, so a manual
 * tier never changes silently.
 */
import type { ApiHandlers, ApiOutputs } from '../../core/api/contract.js';
import { addDays } from '../../core/calendar/day.js';
import { ApiError } from '../../core/api/errors.js';
import { revenueProblems, suggestTiers, type TierSuggestion } from '../../core/tiering/pareto.js';
import { updateAccount } from '../repo/accounts.js';
import { revenueSince } from '../repo/orders.js';
import { assertAccountWritable, readOnlyAccountIds } from '../repo/readOnly.js';
import { clearIgnoredSuggestions, ignoredSuggestions, ignoreKey, ignoreSuggestion, listTieringRows } from '../repo/tierSuggestions.js';
import type { ServiceContext } from './context.js';

type TierHandlers = Pick<ApiHandlers, 'tiers.suggestions' | 'tiers.accept' | 'tiers.ignore'>;

/** Days of orders that make up "the last 12 months", today included. */
const TRAILING_DAYS = 365;

export function tierSuggestions(context: ServiceContext): ApiOutputs['tiers.suggestions'] {
  const { db } = context;
  const revenue = revenueSince(db, addDays(context.today(), -(TRAILING_DAYS - 1)));
  // A lead's tiers are suggested over their own book: the team's other accounts are not theirs to re-tier.
  const othersAccounts = readOnlyAccountIds(db);
  const rows = listTieringRows(db).filter((row) => !othersAccounts.has(row.id));
  const names = new Map(rows.map((row) => [row.id, row.name]));
  const ranked = rows.flatMap((row) => {
    const figure = revenue.get(row.id) ?? row.annualRevenue;
    return figure === null ? [] : [{ accountId: row.id, tier: row.tier, tierSource: row.tierSource, revenue: figure }];
  });
  const problems = revenueProblems(ranked);
  if (problems.length > 0) throw new ApiError('validation', { issues: problems.map(({ accountId, message }) => ({ path: ['revenue', accountId], message })) });
  const ignored = ignoredSuggestions(db);
  return suggestTiers(ranked).map((suggestion) => ({
    ...suggestion,
    accountName: names.get(suggestion.accountId) ?? '',
    ignored: ignored.has(ignoreKey(suggestion.accountId, suggestion.suggestedTier)),
  }));
}

export function tierHandlers(context: ServiceContext): TierHandlers {
  const { db } = context;
  /** The current suggestions for these accounts; ids without one are skipped, another rep's account refused. */
  const suggestionsFor = (accountIds: readonly string[]): TierSuggestion[] => {
    for (const accountId of accountIds) assertAccountWritable(db, accountId);
    const wanted = new Set(accountIds);
    return tierSuggestions(context).filter((suggestion) => wanted.has(suggestion.accountId));
  };
  return {
    'tiers.suggestions': () => tierSuggestions(context),
    'tiers.accept': ({ accountIds }) =>
      db.transaction(() => {
        const accepted = suggestionsFor(accountIds);
        const now = context.stamp();
        for (const { accountId, suggestedTier } of accepted) {
          updateAccount(db, accountId, { tier: suggestedTier, tierSource: 'suggested' }, now);
          clearIgnoredSuggestions(db, accountId);
        }
        return { updated: accepted.length };
      })(),
    'tiers.ignore': ({ accountIds }) =>
      db.transaction(() => {
        const ignored = suggestionsFor(accountIds);
        for (const { accountId, suggestedTier } of ignored) ignoreSuggestion(db, accountId, suggestedTier);
        return { ignored: ignored.length };
      })(),
  };
}
