// @vitest-environment jsdom
/** Planning a visit and the quick log (Ctrl+L) offer Undo in the header, like every one-click action on Today. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Visit } from '../../../core/model/schemas.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID, accountDetail, note } from '../../screens/account/fixtures.js';
import { UndoInHeader, UndoProvider } from '../undo/Undo.js';
import { PlanVisitDialog } from './PlanVisitDialog.js';
import { QuickLogDialog } from './QuickLogDialog.js';

afterEach(cleanup);

const withUndo = (dialog: ReactNode) => (
  <UndoProvider>
    <header>
      <UndoInHeader />
    </header>
    {dialog}
  </UndoProvider>
);

const planned = { id: 'visit-9', accountId: ACCOUNT_ID, updatedAt: '2026-11-23T02:00:00.000Z', status: 'planned', kind: 'routine', plannedAt: '2026-11-24T02:00:00.000Z' } as Visit;

describe('Undo after saving a dialog', () => {
  it('a planned visit: says which account, and Undo removes it with visits.unplan', async () => {
    const api = fakeApi({ 'visits.plan': async () => planned, 'visits.unplan': async ({ id }) => ({ id }) });
    await renderWithApi(withUndo(<PlanVisitDialog open accountId={ACCOUNT_ID} accountName="中国石油华东分公司" onClose={vi.fn()} />), api, 'zh-CN');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain('已计划拜访：中国石油华东分公司');
    fireEvent.click(within(bar).getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(api['visits.unplan']).toHaveBeenCalledWith({ id: 'visit-9', updatedAt: '2026-11-23T02:00:00.000Z' }));
  });

  it('a quick note: says which account, and Undo deletes the note', async () => {
    const saved = note('Call back Monday');
    const api = fakeApi({
      'accounts.get': async () => accountDetail(),
      'visits.upcoming': async () => [],
      'notes.create': async () => saved,
      'notes.delete': async ({ id }) => ({ id }),
    });
    await renderWithApi(withUndo(<QuickLogDialog open onClose={vi.fn()} accountId={ACCOUNT_ID} />), api, 'en');
    fireEvent.click(screen.getByRole('radio', { name: 'Note' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: 'Call back Monday' } });
    await waitFor(() => expect(api['accounts.get']).toHaveBeenCalled());
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toContain(`Note saved: ${accountDetail().account.name}`);
    fireEvent.click(within(bar).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api['notes.delete']).toHaveBeenCalledWith({ id: saved.id }));
  });
});
