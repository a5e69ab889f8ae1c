// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { Settings } from '../../../core/model/schemas.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../../core/model/reminders.js';
import { GreetingTemplatePicker } from '../../components/agenda/GreetingTemplatePicker.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { GreetingTemplatesCard } from './GreetingTemplatesCard.js';

afterEach(cleanup);

const settings: Settings = { language: 'en', repName: 'Li Wei', onboarded: true, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS };

describe('greeting templates', () => {
  it('copies an occasion’s template with the person’s name filled in, the UI language’s first', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await renderWithApi(<GreetingTemplatePicker occasion="mid_autumn" name="王总" />, fakeApi({ 'settings.get': async () => settings }), 'zh-CN');

    const copies = await screen.findAllByRole('button', { name: /^复制：/ });
    expect(copies).toHaveLength(4);
    fireEvent.click(copies[0]!);
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('王总，中秋快乐！月圆人团圆，祝您阖家幸福！'));
    expect(screen.getByText('Happy Mid-Autumn Festival, 王总! Wishing you a joyful reunion with your family.')).toBeTruthy();
  });

  it('uses the rep’s own templates once saved in Settings', async () => {
    let stored: Settings = settings;
    const api = fakeApi({
      'settings.get': async () => stored,
      'settings.update': async (patch) => (stored = { ...stored, ...(patch as Partial<Settings>) }),
    });
    await renderWithApi(<GreetingTemplatesCard />, api, 'en');

    const first = await screen.findByRole('textbox', { name: 'Template 1' });
    fireEvent.change(first, { target: { value: 'Happy birthday {name}, from all of us at Rounds!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove template 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api['settings.update']).toHaveBeenCalled());
    const saved = (api['settings.update'].mock.calls[0]![0] as { greetingTemplates: Settings['greetingTemplates'] }).greetingTemplates!;
    const birthdayEnglish = saved.filter((template) => template.occasion === 'birthday' && template.language === 'en');
    expect(birthdayEnglish.map((template) => template.text)).toEqual(['Happy birthday {name}, from all of us at Rounds!']);
    expect(saved.filter((template) => template.occasion === 'mid_autumn')).toHaveLength(4);

    cleanup();
    await renderWithApi(<GreetingTemplatePicker occasion="birthday" name="Anna" />, api, 'en');
    expect(await screen.findByText('Happy birthday Anna, from all of us at Rounds!')).toBeTruthy();
  });
});
