// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { ApiOutputs } from '../../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { TierReviewPage } from './TierReviewPage.js';

afterEach(cleanup);

type Suggestion = ApiOutputs['tiers.suggestions'][number];
const suggestion = (accountId: string, accountName: string, manual = false): Suggestion => ({
  accountId, accountName, currentTier: 'B', suggestedTier: 'A', currentSource: manual ? 'manual' : 'suggested', cumulativeShare: 0.5, revenue: 100000, reason: 'within_a_share', ignored: false,
});

function tiersApi() {
  let rows = [suggestion('a1', 'Acme Trucks'), suggestion('a2', 'Beta Steel', true), suggestion('a3', 'Gamma Oil')];
  const drop = (ids: string[]) => (rows = rows.filter((r) => !ids.includes(r.accountId)));
  return fakeApi({
    'tiers.suggestions': async () => rows,
    'tiers.accept': async ({ accountIds }) => (drop(accountIds), { updated: accountIds.length }),
    'tiers.ignore': async ({ accountIds }) => (drop(accountIds), { ignored: accountIds.length }),
  });
}

describe('TierReviewPage', () => {
  it('accepts all but the manual tiers, which need their own Accept', async () => {
    const api = tiersApi();
    await renderWithApi(<TierReviewPage />, api, 'en');

    await screen.findByText('Beta Steel', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Accept all (2)' }));
    await waitFor(() => expect(screen.queryByText('Acme Trucks')).toBeNull());
    expect(api['tiers.accept']).toHaveBeenCalledWith({ accountIds: ['a1', 'a3'] });
    expect(screen.getByText('Beta Steel')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Accept suggestion for Beta Steel' }));
    await waitFor(() => expect(api['tiers.accept']).toHaveBeenLastCalledWith({ accountIds: ['a2'] }));
  });

  it('ignores one suggestion', async () => {
    const api = tiersApi();
    await renderWithApi(<TierReviewPage />, api, 'en');

    await screen.findByText('Gamma Oil', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Ignore suggestion for Gamma Oil' }));
    await waitFor(() => expect(screen.queryByText('Gamma Oil')).toBeNull());
    expect(api['tiers.ignore']).toHaveBeenCalledWith({ accountIds: ['a3'] });
  });
});
