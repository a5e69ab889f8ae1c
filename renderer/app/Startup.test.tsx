// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { AppStatus } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import type { Settings } from '../../core/model/schemas.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/model/reminders.js';
import { fakeApi, renderWithApi } from '../test/renderWithApi.js';
import { Startup } from './Startup.js';

afterEach(cleanup);

const firstRun: Settings = { language: 'en', repName: '', onboarded: false, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS };

/** The demo button is offered once the app has said whether demo data is already here. */
async function clickLoadDemo() {
  const button = await screen.findByRole('button', { name: 'Load demo data' });
  await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
  fireEvent.click(button);
}

describe('Startup', () => {
  it('switches the whole first-run screen when the rep picks the other language, and keeps it', async () => {
    const api = fakeApi({
      'app.status': async (): Promise<AppStatus> => ({ state: 'ready' }),
      'settings.get': async () => firstRun,
      'demo.status': async () => ({ present: false, keptAccounts: [] }),
    });
    await renderWithApi(<Startup />, api);
    await screen.findByRole('heading', { name: 'Welcome to Rounds' });
    fireEvent.click(screen.getByRole('radio', { name: '中文' }));
    expect(await screen.findByRole('heading', { name: '欢迎使用巡访' })).toBeTruthy();
    // still Chinese once everything has settled: the stored setting (English) is not applied again
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByRole('heading', { name: '欢迎使用巡访' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '开始使用巡访' })).toBeTruthy();
  });

  it.each([
    ['zh-CN', 'en', '欢迎使用巡访'],
    ['zh-TW', 'en', '欢迎使用巡访'],
    ['en-GB', 'zh-CN', 'Welcome to Rounds'],
    // a browser in neither language: the language the host proposed from the OS
    ['de-DE', 'zh-CN', '欢迎使用巡访'],
  ])('starts a first run in the browser’s language %s when it is Chinese or English (host proposed %s)', async (browser, proposed, heading) => {
    const spy = vi.spyOn(window.navigator, 'language', 'get').mockReturnValue(browser);
    try {
      const api = fakeApi({
        'app.status': async (): Promise<AppStatus> => ({ state: 'ready' }),
        'settings.get': async () => ({ ...firstRun, language: proposed as Settings['language'] }),
        'demo.status': async () => ({ present: false, keptAccounts: [] }),
        'settings.update': async (patch) => ({ ...firstRun, ...(patch as Partial<Settings>) }),
      });
      await renderWithApi(<Startup />, api);
      expect(await screen.findByRole('heading', { name: heading })).toBeTruthy();
      // and that is the language saved when the rep starts
      fireEvent.change(screen.getByRole('textbox'), { target: { value: '王芳' } });
      fireEvent.submit(screen.getByRole('textbox'));
      await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith(expect.objectContaining({ language: heading === 'Welcome to Rounds' ? 'en' : 'zh-CN' })));
    } finally {
      spy.mockRestore();
    }
  });

  it('shows the recovery screen as soon as a call finds the data file damaged, not at the next start', async () => {
    let status: AppStatus = { state: 'ready' };
    const api = fakeApi({
      'app.status': async () => status,
      'settings.get': async () => firstRun,
      'demo.status': async () => ({ present: false, keptAccounts: [] }),
      'demo.load': async () => {
        // The host met a damaged page in this call and is now in its problem state.
        status = { state: 'problem', code: 'database_corrupt', databasePath: '/home/rep/.config/Rounds/rounds.sqlite', backups: [] };
        throw new ApiError('database_corrupt');
      },
    });
    await renderWithApi(<Startup />, api);
    await clickLoadDemo();
    expect(await screen.findByText('The data file is damaged')).toBeTruthy();
    expect(screen.getByText('/home/rep/.config/Rounds/rounds.sqlite')).toBeTruthy();
    expect(api['app.status']).toHaveBeenCalledTimes(2);
  });

  it('does not ask for the status again on other errors', async () => {
    const api = fakeApi({
      'app.status': async (): Promise<AppStatus> => ({ state: 'ready' }),
      'settings.get': async () => firstRun,
      'demo.status': async () => ({ present: false, keptAccounts: [] }),
      'demo.load': async () => {
        throw new ApiError('disk_full');
      },
    });
    await renderWithApi(<Startup />, api);
    await clickLoadDemo();
    expect(await screen.findByText(/disk/i)).toBeTruthy();
    expect(api['app.status']).toHaveBeenCalledTimes(1);
  });
});
