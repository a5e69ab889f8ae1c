// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AgendaItem } from '../../../core/agenda/types.js';
import type { AppInfo } from '../../../core/api/contract.js';
import { UndoInHeader, UndoProvider } from '../../components/undo/Undo.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { TODAY, birthday, overdue } from './agendaFixtures.js';
import { TodayPage } from './TodayPage.js';

afterEach(cleanup);

const info: AppInfo = { version: '0.1.0', host: 'browser', dataDir: '/d', databasePath: '/d/rounds.db', schemaVersion: 4, today: TODAY };

/** A fake service whose agenda loses an item when greeted or snoozed and gets it back on undo. */
function agendaApi(items: AgendaItem[]) {
  let agenda = [...items];
  const removed = new Map<string, AgendaItem>();
  const drop = (key: string) => {
    const item = agenda.find((i) => i.key === key);
    if (item) removed.set(key, item);
    agenda = agenda.filter((i) => i.key !== key);
  };
  const restore = (key: string) => {
    const item = removed.get(key);
    if (item) agenda = [item, ...agenda];
  };
  return fakeApi({
    'app.info': async () => info,
    'accounts.list': async () => ({ rows: [], total: 5 }),
    'agenda.today': async () => ({ day: TODAY, items: agenda, plannedAhead: { overdue: 0, due: 0 }, done: 0 }),
    'visits.upcoming': async () => [],
    'greetings.mark': async (input) => {
      drop(input.key);
      return { ...input, id: 'greeting-1', contactId: null, familyMemberId: null, dateId: null, festivalId: null, gift: input.gift ?? null, note: null, greetedAt: '2026-09-21T01:00:00.000Z' } as never;
    },
    'greetings.undo': async ({ id }) => {
      restore(birthday.key);
      return { id };
    },
    'agenda.snooze': async (input) => {
      drop(input.key);
      return input;
    },
    'agenda.unsnooze': async ({ key }) => {
      restore(key);
      return { key };
    },
  });
}

async function renderToday(items: AgendaItem[], language: 'en' | 'zh-CN' = 'en') {
  const api = agendaApi(items);
  await renderWithApi(
    <UndoProvider>
      <header>
        <UndoInHeader />
      </header>
      <TodayPage />
    </UndoProvider>,
    api,
    language,
  );
  // Wrapped: the fake API answers every property, `then` too, so awaiting it bare would never settle.
  return { api };
}

describe('Undo after a one-click action on Today', () => {
  it('says what was greeted and for whom, and Undo brings the reminder back through the service', async () => {
    const { api } = await renderToday([birthday]);
    await screen.findByText('华东石化', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Mark greeted · 华东石化' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark greeted · 华东石化' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Gift' }), { target: { value: 'Cake' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const bar = await screen.findByTestId('undo-bar');
    expect(within(bar).getByText('Greeting marked: 张伟 · 华东石化')).toBeTruthy();
    // The offer sits in the header, outside the agenda's lists and their buttons.
    expect(bar.closest('header')).not.toBeNull();
    await waitFor(() => expect(screen.queryByText('华东石化')).toBeNull());

    fireEvent.click(within(bar).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api['greetings.undo']).toHaveBeenCalledWith({ id: 'greeting-1' }));
    expect(await screen.findByText('Undone: Greeting marked: 张伟 · 华东石化')).toBeTruthy();
    expect(await screen.findByText('华东石化')).toBeTruthy();
  });

  it('undoes a snooze with agenda.unsnooze of the same key, in Chinese', async () => {
    const b = { ...overdue, tier: 'B' as const };
    const { api } = await renderToday([b], 'zh-CN');
    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: /稍后提醒/ }));
    fireEvent.click(await screen.findByText('明天再提醒'));

    const bar = await screen.findByTestId('undo-bar');
    expect(bar.textContent).toMatch(/^已推迟到 2026年9月22日：Acme Trucks · 逾期 12 天/);
    fireEvent.click(within(bar).getByRole('button', { name: '撤销' }));
    await waitFor(() => expect(api['agenda.unsnooze']).toHaveBeenCalledWith({ key: b.key }));
    expect(await screen.findByText('Acme Trucks')).toBeTruthy();
  });

  it('does not snooze an A-tier account past its maximum gap when the rep says no', async () => {
    const { api } = await renderToday([overdue]);
    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: /Snooze/ }));
    fireEvent.click(await screen.findByText('For a week'));
    const confirm = await screen.findByRole('dialog', { name: 'Snooze Acme Trucks?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    // Give a snooze that should not happen the time it would take.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api['agenda.snooze']).not.toHaveBeenCalled();
    expect(screen.queryByTestId('undo-bar')).toBeNull();
    expect(screen.getByText('Acme Trucks')).toBeTruthy();
  });
});
