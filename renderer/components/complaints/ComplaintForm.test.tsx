// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ComplaintForm } from './ComplaintForm.js';

afterEach(cleanup);

const ACCOUNT = '01900000-0000-7000-8000-000000000001';

describe('ComplaintForm', () => {
  it('refuses an empty description and a target beyond 720 hours, then saves with the default target as null', async () => {
    const api = fakeApi({ 'complaints.create': async (input) => ({ id: 'c1', ...input }) as never });
    const onClose = vi.fn();
    await renderWithApi(<ComplaintForm accountId={ACCOUNT} contacts={[]} defaultTargetHours={6} onClose={onClose} />, api, 'en');

    const dialog = await screen.findByRole('dialog', { name: 'Log complaint' });
    const target = within(dialog).getByRole('spinbutton', { name: 'Respond within (hours)' });
    fireEvent.change(target, { target: { value: '800' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Required')).toBeTruthy();
    expect(await within(dialog).findByText('More than 0 and at most 720 hours')).toBeTruthy();
    expect(api['complaints.create']).not.toHaveBeenCalled();

    fireEvent.change(target, { target: { value: '6' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Description' }), { target: { value: 'Late delivery, 2 trucks' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['complaints.create']).toHaveBeenCalledWith(expect.objectContaining({ accountId: ACCOUNT, channel: 'phone', severity: 'medium', description: 'Late delivery, 2 trucks', targetHours: null }));
  });
});
