// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AgendaItem } from '../../../core/agenda/types.js';
import type { AccountDetail, AppInfo } from '../../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { TODAY, birthday, breached, festival, overdue, winBack } from './agendaFixtures.js';
import { TodayPage } from './TodayPage.js';

afterEach(cleanup);

const info: AppInfo = { version: '0.1.0', host: 'browser', dataDir: '/d', databasePath: '/d/rounds.db', schemaVersion: 4, today: TODAY };

/** A fake API whose agenda loses an item when it is greeted, snoozed or visited — as the service does. */
function agendaApi(items: AgendaItem[]) {
  let agenda = [...items];
  const drop = (key: string) => (agenda = agenda.filter((item) => item.key !== key));
  return fakeApi({
    'app.info': async () => info,
    'accounts.list': async () => ({ rows: [], total: 5 }),
    'agenda.today': async () => ({ day: TODAY, items: agenda, plannedAhead: { overdue: 0, due: 0 }, done: 0 }),
    'visits.upcoming': async () => [],
    'greetings.mark': async (input) => {
      drop(input.key);
      return { ...input, id: 'g1', contactId: null, familyMemberId: null, dateId: null, festivalId: null, gift: input.gift ?? null, note: null, greetedAt: '2026-09-21T01:00:00.000Z' } as never;
    },
    'agenda.snooze': async (input) => {
      drop(input.key);
      return { key: input.key, untilDay: input.untilDay };
    },
    'accounts.get': async () => ({ account: { id: overdue.accountId }, contacts: [], family: [], dates: [], lastVisitAt: null }) as unknown as AccountDetail,
    'visits.log': async (input) => {
      drop(overdue.key);
      return { id: 'v1', ...input } as never;
    },
  });
}

const groupNames = () => screen.getAllByRole('list').map((list) => list.getAttribute('aria-label')).filter(Boolean);

describe('TodayPage', () => {
  it('shows the agenda in groups, complaints past target first, with what each item is', async () => {
    const api = agendaApi([birthday, overdue, festival, winBack, breached]);
    await renderWithApi(<TodayPage />, api, 'zh-CN');

    expect(await screen.findByText('华东石化', {}, { timeout: 3000 })).toBeTruthy();
    expect(groupNames()).toEqual(['投诉', '逾期回访', '重要日期', '节日', '挽回客户']);
    expect(screen.getByText('生日 · 满 60 岁 · 里程碑')).toBeTruthy();
    expect(screen.getByText(/农历八月十五 → 9月25日/)).toBeTruthy();
    expect(screen.getByText('· 去年送：鲜花')).toBeTruthy();
    expect(screen.getByText('逾期 12 天')).toBeTruthy();
    expect(screen.getByText(/超时 3 小时/)).toBeTruthy();
    expect(api['agenda.today']).toHaveBeenCalledWith({ day: TODAY });
  });

  it('marks a date greeted and the item leaves the list', async () => {
    const api = agendaApi([birthday, overdue]);
    await renderWithApi(<TodayPage />, api, 'en');

    await screen.findByText('华东石化', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Mark greeted · 华东石化' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark greeted · 华东石化' });
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Gift' }));
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Gift' }), { target: { value: 'Tea set' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByText('华东石化')).toBeNull());
    expect(api['greetings.mark']).toHaveBeenCalledWith(expect.objectContaining({ key: birthday.key, channel: 'gift', gift: 'Tea set', occurrenceDay: '2026-09-25', dateId: (birthday as { dateId: string }).dateId }));
    expect(screen.getByText('Acme Trucks')).toBeTruthy();
  });

  it('snoozes an item until tomorrow by the host clock', async () => {
    const api = agendaApi([overdue]);
    await renderWithApi(<TodayPage />, api, 'en');

    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: /Snooze/ }));
    fireEvent.click(await screen.findByText('Until tomorrow'));
    // An A-tier account past its maximum gap asks once first.
    const confirm = await screen.findByRole('dialog', { name: 'Snooze Acme Trucks?' });
    expect(within(confirm).getByText('Acme Trucks is an A-tier account and already 12 days past its maximum gap of 21 days. Snooze it anyway?')).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Snooze anyway' }));

    await waitFor(() => expect(screen.queryByText('Acme Trucks')).toBeNull());
    expect(api['agenda.snooze']).toHaveBeenCalledWith({ key: overdue.key, untilDay: '2026-09-22' });
  });

  it('logs a visit from an overdue revisit and the item leaves the list', async () => {
    const api = agendaApi([overdue]);
    await renderWithApi(<TodayPage />, api, 'en');

    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Log visit · Acme Trucks' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api['visits.log']).toHaveBeenCalledWith(expect.objectContaining({ accountId: overdue.accountId })));
    await waitFor(() => expect(screen.queryByText('Acme Trucks')).toBeNull());
  });
});

describe('done today', () => {
  it('counts what was finished today against that and what is still listed, and says what counts', async () => {
    const api = fakeApi({ 'app.info': async () => info, 'accounts.list': async () => ({ rows: [], total: 5 }), 'visits.upcoming': async () => [], 'agenda.today': async () => ({ day: TODAY, items: [overdue, birthday], plannedAhead: { overdue: 0, due: 0 }, done: 3 }) });
    await renderWithApi(<TodayPage />, api, 'en');

    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    expect(screen.getByTestId('done-today').textContent).toBe('Done today: 3 of 5');
    expect(screen.getByRole('img', { name: /^Done: visits completed, greetings marked and complaints first answered today \(3\)\. Of 5: those and the 2 items still listed below/ })).toBeTruthy();
  });

  it('says the same in Chinese', async () => {
    const api = fakeApi({ 'app.info': async () => info, 'accounts.list': async () => ({ rows: [], total: 5 }), 'visits.upcoming': async () => [], 'agenda.today': async () => ({ day: TODAY, items: [overdue], plannedAhead: { overdue: 0, due: 0 }, done: 2 }) });
    await renderWithApi(<TodayPage />, api, 'zh-CN');

    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    expect(screen.getByTestId('done-today').textContent).toBe('今天已完成：2 / 3');
    expect(screen.getByRole('img', { name: /^已完成：今天完成的拜访、标记的问候和首次回复的投诉（2 项）。共 3 项：这些加上下面仍列出的 1 项/ })).toBeTruthy();
  });
});
