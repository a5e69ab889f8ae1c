// @vitest-environment jsdom
/** Another rep's account in a lead's app: banner and owner shown, every edit control disabled with the reason, reads still open. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID, accountDetail, lunarBirthday, note, plannedVisit, timelineOf } from './fixtures.js';
import { AccountPage } from './AccountPage.js';

afterEach(cleanup);

function accountApi(fields: Parameters<typeof accountDetail>[0]) {
  return fakeApi({
    'accounts.get': async () => accountDetail({ dates: [lunarBirthday()], ...fields }),
    'accounts.timeline': async () => timelineOf(plannedVisit, note('拜访纪要')),
    'notes.revisions': async () => [],
  });
}

const isDisabled = (element: HTMLElement) => (element.closest('button') as HTMLButtonElement).disabled;

describe('a read-only account', () => {
  it('shows the owner in a banner (zh-CN) and disables the header actions', async () => {
    await renderWithApi(<AccountPage accountId={ACCOUNT_ID} />, accountApi({ readOnly: true, ownerName: '张伟' }), 'zh-CN');
    expect(await screen.findByRole('heading', { name: '中国石油华东分公司' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('只读：负责人 张伟');
    expect(screen.getByText('负责人：张伟')).toBeTruthy();
    for (const name of ['编辑', '计划拜访', '记录拜访', '写笔记', '归档']) expect(isDisabled(screen.getByRole('button', { name: new RegExp(`${name}$`) }))).toBe(true);
  });

  it('explains why on hover, and disables edits in every tab while history stays readable (en)', async () => {
    const api = accountApi({ readOnly: true, ownerName: '张伟' });
    await renderWithApi(<AccountPage accountId={ACCOUNT_ID} />, api, 'en');
    expect((await screen.findByRole('alert')).textContent).toContain('Read-only: owned by 张伟');

    // Role queries are slow over the whole page in jsdom: labels and texts find the same controls.
    const controls = (label: string) =>
      [...screen.queryAllByLabelText(label), ...screen.queryAllByText(label)].map((element) => element.closest('button')).filter((button) => button !== null);
    const control = (label: string) => controls(label)[0]!;
    fireEvent.mouseEnter(control('Edit').closest('.ant-space')!.parentElement!);
    expect((await screen.findByRole('tooltip')).textContent).toBe('Read-only: owned by 张伟');

    fireEvent.click(screen.getByText(/^Contacts/));
    await screen.findByText('Add contact');
    for (const label of ['Add contact', 'Edit 张伟', 'Delete 张伟', 'Add family member', 'Add date', 'Edit date']) {
      expect(controls(label).length).toBeGreaterThan(0);
      for (const button of controls(label)) expect(button.disabled).toBe(true);
    }

    fireEvent.click(screen.getByText(/^Visits/));
    const visitRow = (await screen.findAllByText('年度走访')).map((text) => text.closest('tr')).find(Boolean) as HTMLElement;
    const rowButtons = visitRow.querySelectorAll('button');
    expect(rowButtons.length).toBeGreaterThan(0);
    rowButtons.forEach((button) => expect(button.disabled).toBe(true));

    fireEvent.click(screen.getByText(/^Notes/));
    await screen.findByLabelText('Edit note');
    expect(control('Edit note').disabled).toBe(true);
    expect(control('Delete note').disabled).toBe(true);
    expect(control('History').disabled).toBe(false);
    fireEvent.click(control('History'));
    await waitFor(() => expect(api['notes.revisions']).toHaveBeenCalled());
  });

  it('says "another rep" when the owner’s name is unknown', async () => {
    await renderWithApi(<AccountPage accountId={ACCOUNT_ID} />, accountApi({ readOnly: true, ownerName: null }), 'en');
    expect((await screen.findByRole('alert')).textContent).toContain('Read-only: owned by another rep');
  });

  it('keeps a writable account’s controls enabled and shows no banner', async () => {
    await renderWithApi(<AccountPage accountId={ACCOUNT_ID} />, accountApi({ readOnly: false, ownerName: '王经理' }), 'en');
    expect(await screen.findByText('Owner: 王经理')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(isDisabled(screen.getByRole('button', { name: /Edit/ }))).toBe(false);
    expect(isDisabled(screen.getByRole('button', { name: /Log visit/ }))).toBe(false);
  });
});
