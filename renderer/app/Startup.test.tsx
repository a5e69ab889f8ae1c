// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import type { AppStatus } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import type { Settings } from '../../core/model/schemas.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/model/reminders.js';
import { fakeApi, renderWithApi } from '../test/renderWithApi.js';
import { Startup } from './Startup.js';

afterEach(cleanup);

const firstRun: Settings = { language: 'en', repName: '', onboarded: false, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS };

describe('Startup', () => {
  it('shows the recovery screen as soon as a call finds the data file damaged, not at the next start', async () => {
    let status: AppStatus = { state: 'ready' };
    const api = fakeApi({
      'app.status': async () => status,
      'settings.get': async () => firstRun,
      'demo.load': async () => {
        // The host met a damaged page in this call and is now in its problem state.
        status = { state: 'problem', code: 'database_corrupt', databasePath: '/home/rep/.config/Rounds/rounds.sqlite', backups: [] };
        throw new ApiError('database_corrupt');
      },
    });
    await renderWithApi(<Startup />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Load demo data' }));
    expect(await screen.findByText('The data file is damaged')).toBeTruthy();
    expect(screen.getByText('/home/rep/.config/Rounds/rounds.sqlite')).toBeTruthy();
    expect(api['app.status']).toHaveBeenCalledTimes(2);
  });

  it('does not ask for the status again on other errors', async () => {
    const api = fakeApi({
      'app.status': async (): Promise<AppStatus> => ({ state: 'ready' }),
      'settings.get': async () => firstRun,
      'demo.load': async () => {
        throw new ApiError('disk_full');
      },
    });
    await renderWithApi(<Startup />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Load demo data' }));
    expect(await screen.findByText(/disk/i)).toBeTruthy();
    expect(api['app.status']).toHaveBeenCalledTimes(1);
  });
});
