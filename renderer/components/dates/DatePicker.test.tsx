// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID } from '../../screens/account/fixtures.js';
import { VisitLogDialog } from '../log/VisitLogDialog.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 6, 2, 10, 30));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('a date picker in a dialog', () => {
  it('takes Enter for the date while its calendar is open, without submitting the dialog', async () => {
    const api = fakeApi({ 'visits.log': async () => { throw new Error('must not save'); } });
    const onClose = vi.fn();
    await renderWithApi(<VisitLogDialog open accountId={ACCOUNT_ID} accountName="中国石油华东分公司" contacts={[]} onClose={onClose} />, api, 'en');
    const input = (await screen.findByLabelText('Done at')) as HTMLInputElement;

    act(() => void fireEvent.mouseDown(input));
    act(() => void fireEvent.click(input));
    await waitFor(() => expect(document.querySelector('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).not.toBeNull());
    fireEvent.change(input, { target: { value: '2025-07-01 09:00' } });
    // fireEvent returns false when a handler called preventDefault: the browser's implicit form submission does not happen
    const notPrevented = fireEvent.keyDown(input, { key: 'Enter' });
    expect(notPrevented).toBe(false);
    await waitFor(() => expect(input.value).toBe('2025-07-01 09:00'));
    expect(api['visits.log']).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();

    // once the calendar is closed, Enter is the form's again
    await waitFor(() => expect(input.getAttribute('aria-expanded')).not.toBe('true'));
    expect(fireEvent.keyDown(input, { key: 'Enter' })).toBe(true);
  });
});
