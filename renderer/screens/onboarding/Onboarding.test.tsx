// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Settings } from '../../../core/model/schemas.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../core/model/reminders.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { Onboarding } from './Onboarding.js';

afterEach(cleanup);

const firstRun: Settings = { language: 'en', repName: '', onboarded: false, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS };

describe('Onboarding', () => {
  it('requires the rep name, then saves language, name and onboarded together', async () => {
    const api = fakeApi({ 'settings.update': async (patch) => ({ ...firstRun, ...(patch as Partial<Settings>) }) });
    await renderWithApi(<Onboarding settings={firstRun} />, api);

    fireEvent.click(screen.getByRole('button', { name: 'Start using Rounds' }));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: '王芳' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start using Rounds' }));
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ language: 'en', repName: '王芳', onboarded: true }));
  });

  it('switches the screen to the chosen language before saving it', async () => {
    const api = fakeApi({ 'settings.update': async (patch) => ({ ...firstRun, ...(patch as Partial<Settings>) }) });
    await renderWithApi(<Onboarding settings={firstRun} />, api);
    fireEvent.click(screen.getByRole('radio', { name: '中文' }));
    expect(await screen.findByRole('heading', { name: '欢迎使用巡访' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('你的姓名'), { target: { value: 'Li' } });
    fireEvent.submit(screen.getByRole('button', { name: '开始使用巡访' }));
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ language: 'zh-CN', repName: 'Li', onboarded: true }));
  });

  it('loads the demo data on request and shows what was loaded', async () => {
    const api = fakeApi({ 'demo.load': async () => ({ accounts: 60, contacts: 180, visits: 400, notes: 300 }) });
    await renderWithApi(<Onboarding settings={firstRun} />, api);
    fireEvent.click(screen.getByRole('button', { name: 'Load demo data' }));
    expect(await screen.findByText('Loaded 60 accounts, 180 contacts, 400 visits and 300 notes.')).toBeTruthy();
    expect(api['demo.load']).toHaveBeenCalledTimes(1);
  });
});
