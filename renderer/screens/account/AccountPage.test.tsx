// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import type { NoteRevision } from '../../../core/model/schemas.js';
import { ACCOUNT_ID, accountDetail, note, plannedVisit, timelineOf } from './fixtures.js';
import { AccountPage } from './AccountPage.js';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror="window.__pwned=1"> and <script>window.__pwned=2</script>';

describe('AccountPage', () => {
  it('shows the header and a timeline in which note markup stays text', async () => {
    const api = fakeApi({
      'accounts.get': async () => accountDetail(),
      'accounts.timeline': async () => timelineOf(plannedVisit, note(HOSTILE)),
    });
    await renderWithApi(<AccountPage accountId={ACCOUNT_ID} />, api, 'zh-CN');

    expect(await screen.findByRole('heading', { name: '中国石油华东分公司' })).toBeTruthy();
    expect(screen.getByText('长期合同')).toBeTruthy();
    expect(await screen.findByText(HOSTILE)).toBeTruthy();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
    expect(api['accounts.get']).toHaveBeenCalledWith({ id: ACCOUNT_ID });
  });

  it('keeps the chosen tab in the route and shows older note bodies in the history', async () => {
    const current = note('Budget approved: 2 trucks', 2);
    const revisions: NoteRevision[] = [
      { noteId: current.id, revision: 1, body: 'Budget pending', createdAt: '2025-06-01T02:00:00.000Z', deleted: false },
      { noteId: current.id, revision: 2, body: 'Budget approved: 2 trucks', createdAt: '2025-06-02T02:00:00.000Z', deleted: false },
    ];
    const api = fakeApi({
      'accounts.get': async () => accountDetail(),
      'accounts.timeline': async () => timelineOf(current),
      'notes.revisions': async () => revisions,
    });
    await renderWithApi(<AccountPage accountId={ACCOUNT_ID} />, api, 'en');

    fireEvent.click(await screen.findByRole('tab', { name: 'Notes (1)' }));
    expect(new URLSearchParams(window.location.search).get('tab')).toBe('notes');
    fireEvent.click(screen.getByRole('button', { name: 'History' }));

    const dialog = await screen.findByRole('dialog', { name: 'Note history' });
    expect(await within(dialog).findByText('Budget pending')).toBeTruthy();
    expect(within(dialog).getByText(/Version 1/)).toBeTruthy();
    await waitFor(() => expect(api['notes.revisions']).toHaveBeenCalledWith({ id: current.id }));
  });

  it('edits a note as a new revision through notes.update', async () => {
    const current = note('First text');
    const api = fakeApi({
      'accounts.get': async () => accountDetail(),
      'accounts.timeline': async () => timelineOf(current),
      'notes.update': async () => ({ ...current, body: 'Second text', revision: 2 }),
    });
    await renderWithApi(<AccountPage accountId={ACCOUNT_ID} />, api, 'en');
    fireEvent.click(await screen.findByRole('tab', { name: 'Notes (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Edit note' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit note' });
    fireEvent.change(within(dialog).getByLabelText('Note'), { target: { value: 'Second text' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api['notes.update']).toHaveBeenCalledWith({ id: current.id, body: 'Second text' }));
  });
});
