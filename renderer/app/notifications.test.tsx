// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { i18n } from '../i18n/index.js';
import type { DueNotificationView } from '../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../test/renderWithApi.js';
import { fireDueNotifications, useBrowserNotifications, type ShownNotification } from './notifications.js';
import { ReminderInHeader } from './ReminderInHeader.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const digest: DueNotificationView = { key: 'digest:2026-09-21', kind: 'digest', fireAt: '2026-09-21T00:30:00.000Z', digest: { total: 3, complaints: 1, visits: 1, overdue: 1, dates: 0 }, visit: null };

function Poller() {
  const reminders = useBrowserNotifications();
  return (
    <header>
      <ReminderInHeader reminders={reminders} />
    </header>
  );
}

describe('useBrowserNotifications', () => {
  it('uses a Web Notification when the user allowed them', async () => {
    const created: string[] = [];
    vi.stubGlobal('Notification', Object.assign(function (this: object, title: string) { created.push(title); }, { permission: 'granted' }));
    const api = fakeApi({ 'notifications.due': async () => [digest], 'notifications.fired': async () => ({ recorded: 1 }) });
    await renderWithApi(<Poller />, api, 'en');

    await waitFor(() => expect(api['notifications.fired']).toHaveBeenCalledWith({ keys: [digest.key] }));
    expect(created).toEqual(['Today: 3 things to do']);
    expect(screen.queryByText('Today: 3 things to do')).toBeNull();
  });

  it('falls back to an in-app notification without permission', async () => {
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'default' }));
    const api = fakeApi({ 'notifications.due': async () => [digest], 'notifications.fired': async () => ({ recorded: 1 }) });
    await renderWithApi(<Poller />, api, 'en');

    expect(await screen.findByText('Today: 3 things to do', {}, { timeout: 3000 })).toBeTruthy();
    expect(screen.getByText('1 complaints · 1 visits · 1 overdue · 0 dates')).toBeTruthy();
    expect(Notification).not.toHaveBeenCalled();
    expect(api['notifications.fired']).toHaveBeenCalledTimes(1);
  });

  it('shows the in-app reminder in the header row, never as a toast floating over buttons, until dismissed', async () => {
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'default' }));
    const api = fakeApi({ 'notifications.due': async () => [digest], 'notifications.fired': async () => ({ recorded: 1 }) });
    await renderWithApi(<Poller />, api, 'zh-CN');

    const reminder = await screen.findByRole('status', {}, { timeout: 3000 });
    expect(reminder.closest('header')).toBeTruthy();
    expect(reminder.textContent).toContain('今日待办 3 项');
    expect(document.querySelector('.ant-notification')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '关闭提醒' }));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says a waiting reminder in the language the rep switches to', async () => {
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'default' }));
    const api = fakeApi({ 'notifications.due': async () => [digest], 'notifications.fired': async () => ({ recorded: 1 }) });
    await renderWithApi(<Poller />, api, 'en');
    const reminder = await screen.findByRole('status', {}, { timeout: 3000 });
    expect(reminder.textContent).toContain('Today: 3 things to do');
    await act(() => i18n.changeLanguage('zh-CN'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('今日待办 3 项'));
    expect(screen.getByRole('status').textContent).not.toContain('things to do');
  });
});

const visit: DueNotificationView = {
  key: 'visit:v1:60',
  kind: 'visit',
  fireAt: '2026-09-21T01:00:00.000Z',
  digest: null,
  visit: { id: 'v1', accountId: 'a1', accountName: 'Acme Trucks', plannedAt: '2026-09-21T02:00:00.000Z' },
};
const describeDue = (due: DueNotificationView): ShownNotification => ({ key: due.key, title: due.kind, body: due.visit?.accountName ?? '', route: { name: 'today' } });

describe('fireDueNotifications', () => {
  it('shows each due notification once and records it as fired', async () => {
    const api = fakeApi({ 'notifications.due': async () => [visit], 'notifications.fired': async ({ keys }) => ({ recorded: keys.length }) });
    const show = vi.fn();
    const shown = new Set<string>();

    await fireDueNotifications(api, describeDue, { show }, shown);
    // The host still lists it (say `fired` was lost): the page must not show it again.
    await fireDueNotifications(api, describeDue, { show }, shown);

    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ key: visit.key, body: 'Acme Trucks' }), visit);
    expect(api['notifications.fired']).toHaveBeenCalledTimes(1);
    expect(api['notifications.fired']).toHaveBeenCalledWith({ keys: [visit.key] });
  });

  it('records nothing when nothing is due', async () => {
    const api = fakeApi({ 'notifications.due': async () => [] });
    const show = vi.fn();
    await fireDueNotifications(api, describeDue, { show }, new Set());
    expect(show).not.toHaveBeenCalled();
    expect(api['notifications.fired']).not.toHaveBeenCalled();
  });
});
