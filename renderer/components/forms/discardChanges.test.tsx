// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID, zhang } from '../../screens/account/fixtures.js';
import { VisitLogDialog } from '../log/VisitLogDialog.js';
import { AccountForm } from '../../screens/accounts/AccountForm.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 6, 2, 10, 30));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const pressEscape = () => act(() => void fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' }));

/** The title of the "discard changes?" question, once it shows. */
async function confirmTitle(): Promise<string | null> {
  return waitFor(() => {
    const title = document.querySelector('.ant-modal-confirm-title');
    if (!title) throw new Error('no confirmation');
    return title.textContent;
  });
}

describe('closing a form dialog', () => {
  it('closes an untouched visit log at once', async () => {
    const onClose = vi.fn();
    await renderWithApi(<VisitLogDialog open accountId={ACCOUNT_ID} accountName="中国石油华东分公司" contacts={[zhang]} onClose={onClose} />, fakeApi({}), 'en');
    await screen.findByLabelText('Outcome');
    pressEscape();
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(document.querySelector('.ant-modal-confirm')).toBeNull();
  });

  it('asks before discarding a half-filled visit log, naming the visit, and keeps it when the rep says so', async () => {
    const onClose = vi.fn();
    await renderWithApi(<VisitLogDialog open accountId={ACCOUNT_ID} accountName="中国石油华东分公司" contacts={[zhang]} onClose={onClose} />, fakeApi({}), 'en');
    fireEvent.change(await screen.findByLabelText('Outcome'), { target: { value: 'Agreed on the Q3 order' } });

    pressEscape();
    expect(await confirmTitle()).toBe('Discard changes to “Log a visit to 中国石油华东分公司”?');
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(onClose).not.toHaveBeenCalled();
    expect((screen.getByLabelText('Outcome') as HTMLTextAreaElement).value).toBe('Agreed on the Q3 order');

    // the × asks the same
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(document.querySelectorAll('.ant-modal-confirm').length).toBe(2));
    fireEvent.click(screen.getAllByRole('button', { name: 'Discard' }).at(-1)!);
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('asks in Chinese before discarding a new account, in the account drawer too', async () => {
    const onClose = vi.fn();
    await renderWithApi(<AccountForm open onClose={onClose} />, fakeApi({ 'accounts.cities': async () => [] }), 'zh-CN');
    fireEvent.change(await screen.findByLabelText('名称'), { target: { value: '华东医药' } });
    fireEvent.click(screen.getByRole('button', { name: /取\s?消/ }));
    expect(await confirmTitle()).toBe('放弃对“新建客户”的修改？');
    fireEvent.click(screen.getByRole('button', { name: /放\s?弃/ }));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(onClose).toHaveBeenCalledWith();
  });
});
