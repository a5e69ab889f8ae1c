// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Settings } from '../../../core/model/schemas.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../core/model/reminders.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { SettingsPage } from './SettingsPage.js';

afterEach(cleanup);

function settingsApi(initial: Settings = { language: 'en', repName: 'Li Wei', onboarded: true, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS }) {
  let stored = initial;
  return fakeApi({
    'settings.get': async () => stored,
    'settings.update': async (patch) => (stored = { ...stored, ...(patch as Partial<Settings>) }),
    'app.info': async () => ({ version: '0.1.0', host: 'browser', dataDir: '/home/rep/.config/Rounds', databasePath: '/home/rep/.config/Rounds/rounds.db', schemaVersion: 2, today: '2026-11-22' }),
    'backup.create': async () => ({ path: '/home/rep/.config/Rounds/backups/rounds-1.db', bytes: 1024 }),
    'backup.recoveryKey': async () => ({ recoveryKey: '7K3M-QW2X-0ABC-DEFG-HJKM-NPQR-STVW-XYZ0-1234-5678-9ABC-DEFG-H' }),
  });
}

describe('SettingsPage', () => {
  it('switches every visible string to Chinese at once and saves the language', async () => {
    const api = settingsApi();
    await renderWithApi(<SettingsPage />, api);
    expect(screen.getByRole('heading', { name: 'Settings' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: '中文' }));

    expect(await screen.findByRole('heading', { name: '设置' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '立即备份' })).toBeTruthy();
    expect(screen.queryByText('Back up now')).toBeNull();
    expect(await screen.findByText('巡访 0.1.0 · 数据结构 2 · 浏览器模式')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ language: 'zh-CN' }));
  });

  it('shows where the data lives and the path of a new backup', async () => {
    const api = settingsApi();
    await renderWithApi(<SettingsPage />, api);
    expect(await screen.findByText('/home/rep/.config/Rounds/rounds.db')).toBeTruthy();
    expect(screen.getByText('Rounds 0.1.0 · schema 2 · browser mode')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText('/home/rep/.config/Rounds/backups/rounds-1.db')).toBeTruthy();
    expect(api['backup.create']).toHaveBeenCalledTimes(1);
  });

  it('shows the recovery key in a dialog only when asked', async () => {
    const api = settingsApi();
    await renderWithApi(<SettingsPage />, api);
    expect(screen.getByText(/The database and its backups are encrypted/)).toBeTruthy();
    expect(api['backup.recoveryKey']).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Show recovery key' }));
    expect(await screen.findByText('7K3M-QW2X-0ABC-DEFG-HJKM-NPQR-STVW-XYZ0-1234-5678-9ABC-DEFG-H')).toBeTruthy();
    expect(screen.getByText(/Write it down and keep it somewhere safe/)).toBeTruthy();
  });

  it('refuses a cadence outside 1–365 days and saves a valid policy', async () => {
    const api = settingsApi();
    await renderWithApi(<SettingsPage />, api);
    const tierA = await screen.findByRole('spinbutton', { name: 'Tier A: visit every … days' });
    await waitFor(() => expect((tierA as HTMLInputElement).value).toBe('14'));
    fireEvent.change(tierA, { target: { value: '400' } });
    fireEvent.blur(tierA);
    // the profile card's own Save (other cards have theirs)
    const save = within(tierA.closest('form')!).getByRole('button', { name: 'Save' });
    fireEvent.click(save);
    expect(await screen.findByText('Between 1 and 365 days')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();

    fireEvent.change(tierA, { target: { value: '10' } });
    fireEvent.blur(tierA);
    fireEvent.click(save);
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ repName: 'Li Wei', cadence: { A: 10, B: 30, C: 90 }, currency: 'CNY' }));
  });

  it('shows revenue in yuan until the rep picks another currency', async () => {
    const api = settingsApi();
    await renderWithApi(<SettingsPage />, api);
    const currency = await screen.findByRole('combobox', { name: 'Currency for revenue' });
    await waitFor(() => expect(currency.closest('.ant-select')?.textContent).toBe('Chinese Yuan (CN¥)'));
    fireEvent.mouseDown(currency);
    const dropdown = document.querySelector<HTMLElement>('.ant-select-dropdown')!;
    fireEvent.click(await within(dropdown).findByTitle('Hong Kong Dollar (HK$)'));
    // the profile card's own Save (other cards have theirs)
    fireEvent.click(within(currency.closest('form')!).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith(expect.objectContaining({ currency: 'HKD' })));
  });
});
