// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID, zhang } from './fixtures.js';
import { ContactForm } from './ContactForm.js';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 23, 10, 0));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Opens the select labelled `label` and picks the option titled `option`. */
async function choose(label: string, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const dropdowns = [...document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')];
  fireEvent.click(await within(dropdowns.at(-1)!).findByTitle(option));
}

describe('ContactForm', () => {
  it('saves a new contact with a lunar birthday in a leap month, in one call', async () => {
    const onClose = vi.fn();
    const api = fakeApi({ 'contacts.create': async () => zhang });
    await renderWithApi(<ContactForm open accountId={ACCOUNT_ID} onClose={onClose} />, api, 'zh-CN');
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王芳' } });
    fireEvent.click(screen.getByRole('radio', { name: '农历' }));
    await choose('月', '二月');
    fireEvent.click(await screen.findByRole('checkbox', { name: /闰/ }));
    await choose('日', '初十');
    fireEvent.change(screen.getByLabelText(/农历年/), { target: { value: '2023' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s?存/ }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['contacts.create']).toHaveBeenCalledWith(expect.objectContaining({
      accountId: ACCOUNT_ID,
      name: '王芳',
      birthday: { calendar: 'lunar', month: 2, day: 10, isLeapMonth: true, year: 2023 },
    }));
  }, 90_000); // many antd selects in jsdom: slow on a loaded machine

  it('saves a new contact without a birthday when none is given, and asks for the day when only the month is', async () => {
    const onClose = vi.fn();
    const api = fakeApi({ 'contacts.create': async () => zhang });
    await renderWithApi(<ContactForm open accountId={ACCOUNT_ID} onClose={onClose} />, api, 'en');
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Li Na' } });
    await choose('Month', 'March');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findAllByText('Required')).not.toHaveLength(0);
    expect(api['contacts.create']).not.toHaveBeenCalled();

    fireEvent.mouseDown(screen.getByLabelText('Month'));
    fireEvent.click(document.querySelector<HTMLElement>('.ant-select-clear')!);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(api['contacts.create']).toHaveBeenCalledWith(expect.objectContaining({ name: 'Li Na', birthday: null }));
  }, 90_000);

  it('offers no birthday when editing a contact (it is an important date of its own then)', async () => {
    await renderWithApi(<ContactForm open accountId={ACCOUNT_ID} contact={zhang} onClose={() => {}} />, fakeApi({}), 'en');
    expect(screen.queryByText('Birthday (optional)')).toBeNull();
  });
});
