// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Settings } from '../../../core/model/schemas.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../core/model/reminders.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { Onboarding } from './Onboarding.js';

afterEach(cleanup);

const NO_DEMO = { present: false, keptAccounts: [] };
const firstRun: Settings = { language: 'en', repName: '', onboarded: false, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS };

describe('Onboarding', () => {
  it('requires the rep name, then saves language, name and onboarded together', async () => {
    const api = fakeApi({ 'demo.status': async () => NO_DEMO, 'settings.update': async (patch) => ({ ...firstRun, ...(patch as Partial<Settings>) }) });
    await renderWithApi(<Onboarding settings={firstRun} />, api);

    fireEvent.click(screen.getByRole('button', { name: 'Start using Rounds' }));
    expect(await screen.findByText('Required')).toBeTruthy();
    expect(api['settings.update']).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: '王芳' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start using Rounds' }));
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ language: 'en', repName: '王芳', onboarded: true }));
  });

  it('switches the screen to the chosen language before saving it', async () => {
    const api = fakeApi({ 'demo.status': async () => NO_DEMO, 'settings.update': async (patch) => ({ ...firstRun, ...(patch as Partial<Settings>) }) });
    await renderWithApi(<Onboarding settings={firstRun} />, api);
    fireEvent.click(screen.getByRole('radio', { name: '中文' }));
    expect(await screen.findByRole('heading', { name: '欢迎使用巡访' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('你的姓名'), { target: { value: 'Li' } });
    fireEvent.submit(screen.getByRole('button', { name: '开始使用巡访' }));
    await waitFor(() => expect(api['settings.update']).toHaveBeenCalledWith({ language: 'zh-CN', repName: 'Li', onboarded: true }));
  });

  it('re-renders the whole screen in the chosen language at once, and back', async () => {
    const api = fakeApi({ 'demo.status': async () => NO_DEMO });
    await renderWithApi(<Onboarding settings={firstRun} />, api);
    await screen.findByRole('button', { name: 'Load demo data' });
    fireEvent.click(screen.getByRole('radio', { name: '中文' }));
    await screen.findByRole('heading', { name: '欢迎使用巡访' });
    const main = screen.getByRole('main');
    for (const text of ['你的客户、拜访', '语言', '你的姓名', '会显示在你的拜访记录和报表中。', '演示数据', '加载演示数据', '开始使用巡访', 'English']) expect(main.textContent).toContain(text);
    for (const text of ['Welcome', 'Your name', 'Language', 'Demo data', 'Load demo data', 'Start using Rounds', 'Shown on']) expect(main.textContent).not.toContain(text);
    expect(document.documentElement.lang).toBe('zh-CN');
    fireEvent.click(screen.getByRole('radio', { name: 'English' }));
    await screen.findByRole('heading', { name: 'Welcome to Rounds' });
    // nothing Chinese left but the name of the Chinese option itself
    expect(screen.getByRole('main').textContent!.replace('中文', '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('does not offer the demo data again once it is loaded (after a reload, say)', async () => {
    const api = fakeApi({ 'demo.status': async () => ({ present: true, keptAccounts: [] }) });
    await renderWithApi(<Onboarding settings={firstRun} />, api);
    expect(await screen.findByText('The demo data is loaded. You can remove it later in Settings.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load demo data' })).toBeNull();
  });

  it('loads the demo data on request and shows what was loaded', async () => {
    const api = fakeApi({ 'demo.status': async () => NO_DEMO, 'demo.load': async () => ({ accounts: 60, contacts: 180, visits: 400, notes: 300 }) });
    await renderWithApi(<Onboarding settings={firstRun} />, api);
    // offered once the app has said whether demo data is already here
    await waitFor(() => expect(screen.getByRole('button', { name: 'Load demo data' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Load demo data' }));
    expect(await screen.findByText('Loaded 60 accounts, 180 contacts, 400 visits and 300 notes.')).toBeTruthy();
    expect(api['demo.load']).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Load demo data' })).toBeNull();
  });
});
