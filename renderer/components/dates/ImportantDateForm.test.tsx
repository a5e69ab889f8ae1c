// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ACCOUNT_ID, lunarBirthday, zhang } from '../../screens/account/fixtures.js';
import { ImportantDateForm } from './ImportantDateForm.js';

const owner = { accountId: ACCOUNT_ID, contactId: zhang.id };

/** Opens an antd Select by its label and picks the option with the given text. */
async function choose(label: string | RegExp, option: string) {
  fireEvent.mouseDown(screen.getByLabelText(label));
  const dropdowns = document.querySelectorAll<HTMLElement>('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const dropdown = dropdowns[dropdowns.length - 1]!;
  fireEvent.click(await within(dropdown).findByTitle(option));
}

beforeEach(() => {
  // Only Date is faked: "today" is 2025-07-01, while antd's timers keep running.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2025, 6, 1, 9, 0));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ImportantDateForm', () => {
  it('shows the next Gregorian day of a lunar leap-month date as the user enters it', async () => {
    const api = fakeApi({ 'dates.create': async () => lunarBirthday() });
    await renderWithApi(<ImportantDateForm open owner={owner} ownerName="王建国" onClose={() => {}} />, api, 'zh-CN');
    // The dialog says whose date it is.
    expect(screen.getByText('为王建国新建重要日期')).toBeTruthy();

    fireEvent.click(screen.getByLabelText('农历'));
    await choose('月', '六月');
    // The leap-month box appears once the form has seen the lunar calendar chosen (useWatch re-renders a tick later).
    fireEvent.click(await screen.findByLabelText('闰月'));
    await choose('日', '初一');

    // 2025 has 闰六月, whose first day is 2025-07-25.
    expect(await screen.findByText('下次：2025年7月25日（24 天后）')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(api['dates.create']).toHaveBeenCalledTimes(1));
    expect(api['dates.create']).toHaveBeenCalledWith({
      accountId: ACCOUNT_ID,
      contactId: zhang.id,
      familyMemberId: null,
      kind: 'birthday',
      label: null,
      leadDays: null,
      calendar: 'lunar',
      month: 6,
      day: 1,
      isLeapMonth: true,
      year: null,
    });
  });

  it('falls back to the regular month in a year without that leap month', async () => {
    vi.setSystemTime(new Date(2025, 6, 26, 9, 0)); // just after 闰六月初一 of 2025
    await renderWithApi(<ImportantDateForm open owner={owner} ownerName="王建国" date={lunarBirthday()} onClose={() => {}} />, fakeApi({}), 'en');
    expect(screen.getByText("Edit 王建国's important date")).toBeTruthy();
    // 2026 has no leap sixth month: the date falls on 六月初一 = 2026-07-14.
    expect((await screen.findByTestId('next-occurrence')).textContent).toBe('Next: Jul 14, 2026 (in 353 days)');
  });

  it('refuses a leap month the given lunar year does not have, with a translated message, and saves nothing', async () => {
    const api = fakeApi({});
    await renderWithApi(
      <ImportantDateForm open owner={owner} ownerName="王建国" date={lunarBirthday({ month: 5, year: 2025 })} onClose={() => {}} />,
      api,
      'en',
    );
    expect(await screen.findByText('That lunar year has no such leap month')).toBeTruthy();
    expect(screen.queryByTestId('next-occurrence')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api['dates.update']).not.toHaveBeenCalled();
  });

  it('accepts 29 February without a year but refuses it in a common year', async () => {
    const api = fakeApi({});
    const leapDay = lunarBirthday({ calendar: 'gregorian', month: 2, day: 29, isLeapMonth: false });
    await renderWithApi(<ImportantDateForm open owner={owner} ownerName="王建国" date={leapDay} onClose={() => {}} />, api, 'zh-CN');
    expect((await screen.findByTestId('next-occurrence')).textContent).toContain('2026年2月28日');
    cleanup();

    await renderWithApi(<ImportantDateForm open owner={owner} ownerName="王建国" date={{ ...leapDay, year: 2023 }} onClose={() => {}} />, api, 'zh-CN');
    expect(await screen.findByText('日期无效')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api['dates.update']).not.toHaveBeenCalled();
  });

  it('requires a label for a custom date', async () => {
    const api = fakeApi({});
    await renderWithApi(
      <ImportantDateForm open owner={owner} ownerName="王建国" date={lunarBirthday({ kind: 'custom', label: null })} onClose={() => {}} />,
      api,
      'en',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A custom date needs a label')).toBeTruthy();
    expect(api['dates.update']).not.toHaveBeenCalled();
  });
});
