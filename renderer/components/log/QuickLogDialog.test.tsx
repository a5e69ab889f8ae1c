// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID, accountDetail, note } from '../../screens/account/fixtures.js';
import { QuickLogDialog } from './QuickLogDialog.js';

afterEach(cleanup);

describe('QuickLogDialog', () => {
  it('finds the account by search and writes a note on it', async () => {
    const detail = accountDetail();
    const onClose = vi.fn();
    const api = fakeApi({
      'search.quick': async () => ({
        accounts: [{ ...detail.account, lastVisitAt: null, contactCount: 2 }],
        contacts: [],
      }),
      'accounts.get': async () => detail,
      'visits.upcoming': async () => [],
      'notes.create': async () => note('Call back Monday'),
    });
    await renderWithApi(<QuickLogDialog open onClose={onClose} />, api, 'en');

    const picker = screen.getByLabelText('Account');
    fireEvent.mouseDown(picker);
    fireEvent.change(picker, { target: { value: 'zgsy' } });
    await waitFor(() => expect(api['search.quick']).toHaveBeenCalledWith({ q: 'zgsy' }));
    const dropdown = document.querySelector<HTMLElement>('.ant-select-dropdown')!;
    fireEvent.click(await within(dropdown).findByTitle('中国石油华东分公司 · 上海'));

    fireEvent.click(screen.getByRole('radio', { name: 'Note' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Note' }), { target: { value: 'Call back Monday' } });
    await screen.findByLabelText('About the contact');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['notes.create']).toHaveBeenCalledWith({ accountId: ACCOUNT_ID, body: 'Call back Monday', visitId: null, contactId: null });
  });

  it('warns at once that another rep’s account is read-only in a lead’s app', async () => {
    const detail = { ...accountDetail(), readOnly: true, ownerName: '张伟' };
    const api = fakeApi({ 'accounts.get': async () => detail, 'visits.upcoming': async () => [] });
    await renderWithApi(<QuickLogDialog open onClose={vi.fn()} accountId={ACCOUNT_ID} />, api, 'en');
    expect(await screen.findByText('Read-only: owned by 张伟')).toBeTruthy();
  });
});
