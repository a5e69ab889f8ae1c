// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { DEFAULT_REMINDER_SETTINGS } from '../../../core/model/reminders.js';
import type { Settings } from '../../../core/model/schemas.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ReminderSettingsCard } from './ReminderSettingsCard.js';

afterEach(cleanup);

const settings: Settings = { language: 'en', repName: 'Li Wei', onboarded: true, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS };

describe('ReminderSettingsCard', () => {
  it('saves changed reminder settings, quiet hours turned off as null', async () => {
    const api = fakeApi({ 'settings.get': async () => settings, 'settings.update': async () => settings });
    await renderWithApi(<ReminderSettingsCard />, api, 'en');

    const maximumA = await screen.findByRole('spinbutton', { name: 'Tier A: overdue after … days' });
    await waitFor(() => expect((maximumA as HTMLInputElement).value).toBe('21'));
    fireEvent.change(maximumA, { target: { value: '28' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Christmas' }));
    fireEvent.click(screen.getByRole('switch', { name: 'Quiet hours' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save reminder settings' }));

    await waitFor(() => expect(api['settings.update']).toHaveBeenCalled());
    const saved = (api['settings.update'].mock.calls[0]![0] as { reminders: Settings['reminders'] }).reminders;
    expect(saved.cadenceMaximum).toEqual({ A: 28, B: 45, C: 90 });
    expect(saved.festivalIds).toContain('christmas');
    expect(saved.quietHours).toBeNull();
    expect(saved.leadDaysByKind).toEqual({});
    expect(await screen.findByRole('status')).toBeTruthy();
  });

  it('sets how many days after a reply an unresolved complaint comes back, from 1 to 60', async () => {
    const api = fakeApi({ 'settings.get': async () => settings, 'settings.update': async () => settings });
    await renderWithApi(<ReminderSettingsCard />, api, 'zh-CN');

    const followUp = await screen.findByRole('spinbutton', { name: /^已回复投诉的跟进间隔/ });
    await waitFor(() => expect((followUp as HTMLInputElement).value).toBe('2'));
    fireEvent.change(followUp, { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: '保存提醒设置' }));
    expect(await screen.findByText('请输入 1 到 60 之间的整数天数')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();

    fireEvent.change(followUp, { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存提醒设置' }));
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalled());
    expect((api['settings.update'].mock.calls[0]![0] as { reminders: Settings['reminders'] }).reminders.complaintFollowUpDays).toBe(5);
  });

  it('refuses a maximum gap beyond 365 days', async () => {
    const api = fakeApi({ 'settings.get': async () => settings, 'settings.update': async () => settings });
    await renderWithApi(<ReminderSettingsCard />, api, 'en');

    const maximumB = await screen.findByRole('spinbutton', { name: 'Tier B: overdue after … days' });
    await waitFor(() => expect((maximumB as HTMLInputElement).value).toBe('45'));
    fireEvent.change(maximumB, { target: { value: '400' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save reminder settings' }));

    expect(await screen.findByText('A whole number from 0 to 365')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();
  });
});
