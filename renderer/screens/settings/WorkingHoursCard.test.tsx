// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { DEFAULT_REMINDER_SETTINGS } from '../../../core/model/reminders.js';
import type { Settings } from '../../../core/model/schemas.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { WorkingHoursCard } from './WorkingHoursCard.js';

afterEach(cleanup);

const settings: Settings = { language: 'en', repName: 'Li Wei', onboarded: true, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS };

describe('WorkingHoursCard', () => {
  it('starts from Monday to Friday, 09:00–18:00 with lunch 12:00–13:30, and saves a changed day and lunch turned off', async () => {
    const api = fakeApi({ 'settings.get': async () => settings, 'settings.update': async () => settings });
    await renderWithApi(<WorkingHoursCard />, api, 'en');

    const start = await screen.findByRole('textbox', { name: 'Day starts' });
    await waitFor(() => expect((start as HTMLInputElement).value).toBe('09:00'));
    expect((screen.getByRole('textbox', { name: 'Lunch from' }) as HTMLInputElement).value).toBe('12:00');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Saturday' }));
    fireEvent.change(start, { target: { value: '08:30' } });
    fireEvent.click(screen.getByRole('switch', { name: 'Lunch break' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save working hours' }));

    await waitFor(() => expect(api['settings.update']).toHaveBeenCalled());
    expect(api['settings.update'].mock.calls[0]![0]).toEqual({
      workingHours: { days: [1, 2, 3, 4, 5, 6], start: '08:30', end: '18:00', lunch: null, visitMinutes: 60, travelMinutes: 30, cityChangeMinutes: 120 },
    });
  });

  it('refuses a day that ends before it starts, in Chinese', async () => {
    const api = fakeApi({ 'settings.get': async () => ({ ...settings, language: 'zh-CN' }), 'settings.update': async () => settings });
    await renderWithApi(<WorkingHoursCard />, api, 'zh-CN');

    const end = await screen.findByRole('textbox', { name: '下班时间' });
    await waitFor(() => expect((end as HTMLInputElement).value).toBe('18:00'));
    fireEvent.change(end, { target: { value: '08:00' } });
    fireEvent.click(screen.getByRole('button', { name: '保存工作时间' }));

    expect(await screen.findByText('应晚于开始时间')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();
  });

  it('refuses a lunch break outside the working day, and one that ends before it starts', async () => {
    const api = fakeApi({ 'settings.get': async () => settings, 'settings.update': async () => settings });
    await renderWithApi(<WorkingHoursCard />, api, 'en');

    const lunchTo = await screen.findByRole('textbox', { name: 'Lunch until' });
    await waitFor(() => expect((lunchTo as HTMLInputElement).value).toBe('13:30'));
    fireEvent.change(lunchTo, { target: { value: '19:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save working hours' }));
    expect(await screen.findByText('Must lie within the working day')).toBeTruthy();

    fireEvent.change(lunchTo, { target: { value: '11:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save working hours' }));
    expect(await screen.findByText('Must be later than the start')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();
  });
});
