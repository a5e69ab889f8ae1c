// @vitest-environment jsdom
/** Say what it is about: every Today item and one-click dialog names whose and what. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { AgendaItem } from '../../../core/agenda/types.js';
import type { AppInfo, ApiOutputs } from '../../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { TODAY, birthday, breached, familyBirthday, overdue } from './agendaFixtures.js';
import { TodayPage } from './TodayPage.js';

afterEach(cleanup);

const info: AppInfo = { version: '0.1.0', host: 'browser', dataDir: '/d', databasePath: '/d/rounds.db', schemaVersion: 4, today: TODAY };
const complaint = {
  id: (breached as { complaintId: string }).complaintId,
  accountId: breached.accountId,
  accountName: 'Beta Steel',
  contactId: null,
  channel: 'phone',
  severity: 'high',
  description: 'Second late delivery this month; the line stopped for two hours.',
  receivedAt: '2026-09-20T01:00:00.000Z',
  targetHours: null,
  firstRespondedAt: null,
  response: null,
  resolvedAt: null,
  resolution: null,
  status: 'open',
} as unknown as ApiOutputs['complaints.list'][number];

function todayApi(items: AgendaItem[], extra: Partial<ApiOutputs['agenda.today']> = {}) {
  return fakeApi({
    'app.info': async () => info,
    'accounts.list': async () => ({ rows: [], total: 5 }),
    'agenda.today': async () => ({ day: TODAY, items, plannedAhead: { overdue: 0, due: 0 }, done: 0, ...extra }),
    'visits.upcoming': async () => [],
    'complaints.list': async () => [complaint],
  });
}

const row = (name: string) => screen.getByText(name).closest('li') as HTMLElement;

describe('Today says what each item is about', () => {
  it("names whose birthday it is and gives that person's age; a Gregorian date is not repeated", async () => {
    await renderWithApi(<TodayPage />, todayApi([familyBirthday, birthday]), 'zh-CN');
    await screen.findByText('东方化工', {}, { timeout: 3000 });

    const family = row('东方化工');
    expect(within(family).getByText('孙丽文（唐敏刚的配偶）')).toBeTruthy();
    expect(within(family).getByText('生日 · 满 68 岁')).toBeTruthy();
    expect(within(family).getByText('9月23日')).toBeTruthy();
    expect(family.textContent).not.toMatch(/→/);
    // A lunar date keeps its source: 农历八月十五 → 9月25日.
    expect(within(row('华东石化')).getByText('农历八月十五 → 9月25日')).toBeTruthy();
    expect(within(row('华东石化')).getByText('张伟')).toBeTruthy();
  });

  it('says the same in English', async () => {
    await renderWithApi(<TodayPage />, todayApi([familyBirthday]), 'en');
    await screen.findByText('东方化工', {}, { timeout: 3000 });
    expect(screen.getByText('孙丽文 (Spouse of 唐敏刚)')).toBeTruthy();
    expect(screen.getByText('Birthday · turns 68')).toBeTruthy();
    expect(screen.getByText('Sep 23')).toBeTruthy();
  });

  it('gives the year of a counted contact in an earlier year, in English too', async () => {
    const lastYear = { ...overdue, lastCounted: { day: '2025-11-30', kind: 'routine' }, lastUncounted: null } as AgendaItem;
    await renderWithApi(<TodayPage />, todayApi([lastYear]), 'en');
    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    expect(within(row('Acme Trucks')).getByText('Tier A: visit ideally every 14 days, at most every 21. Last contact that counts: Routine visit on Nov 30, 2025.')).toBeTruthy();
  });

  it('explains an overdue revisit: the cadence, the contact it counts from, and the call that did not count', async () => {
    await renderWithApi(<TodayPage />, todayApi([overdue]), 'zh-CN');
    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    expect(within(row('Acme Trucks')).getByText(
      'A 级客户：理想每 14 天拜访一次，最长不超过 21 天。上次计入周期的联系：8月19日的例行拜访。之后9月15日的电话不计入回访周期（在 设置 › 提醒 中选择计入的联系方式）。',
    )).toBeTruthy();
  });

  it('says when a complaint came and by when its first response was due', async () => {
    await renderWithApi(<TodayPage />, todayApi([breached]), 'en');
    await screen.findByText('Beta Steel', {}, { timeout: 3000 });
    expect(within(row('Beta Steel')).getByText(/^Received Sep 20, 2026 \d\d:00; first response due within 6 hours, by Sep 20, 2026 \d\d:00\.$/)).toBeTruthy();
  });

  it('says how much of the day is done, and that accounts with a planned visit are left out of 逾期', async () => {
    await renderWithApi(<TodayPage />, todayApi([overdue, birthday], { done: 3, plannedAhead: { overdue: 2, due: 0 } }), 'zh-CN');
    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    expect(screen.getByText('今天已完成：3 / 5')).toBeTruthy();
    expect(screen.getByText('另有 2 个逾期客户已安排拜访，不在此列出（拜访完成前，团队报表仍计为逾期）。')).toBeTruthy();
  });

  it('says so even when every overdue account has a visit planned', async () => {
    await renderWithApi(<TodayPage />, todayApi([birthday], { plannedAhead: { overdue: 1, due: 0 } }), 'en');
    await screen.findByText('华东石化', {}, { timeout: 3000 });
    expect(screen.getByText('1 more overdue account has a visit planned, so it is not listed here (Team counts it as overdue until the visit is done).')).toBeTruthy();
  });
});

describe('one-click dialogs name the account and what they are about', () => {
  it('回复投诉 names the account and quotes the complaint', async () => {
    await renderWithApi(<TodayPage />, todayApi([breached]), 'zh-CN');
    await screen.findByText('Beta Steel', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: '回复 · Beta Steel' }));
    const dialog = await screen.findByRole('dialog', { name: '回复投诉 · Beta Steel' });
    const subject = await within(dialog).findByTestId('dialog-subject');
    expect(subject.textContent).toContain('Second late delivery this month; the line stopped for two hours.');
    expect(subject.textContent).toContain('严重程度：高');
  });

  it('标记已问候 names the account, the person and the date', async () => {
    await renderWithApi(<TodayPage />, todayApi([familyBirthday]), 'zh-CN');
    await screen.findByText('东方化工', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: '标记已问候 · 东方化工' }));
    const dialog = await screen.findByRole('dialog', { name: '标记已问候 · 东方化工' });
    const subject = within(dialog).getByTestId('dialog-subject');
    expect(subject.textContent).toContain('孙丽文（唐敏刚的配偶）');
    expect(subject.textContent).toContain('生日 · 满 68 岁 · 9月23日');
  });

  it('计划拜访 names the account, why, and the planned time as it is chosen', async () => {
    await renderWithApi(<TodayPage />, todayApi([overdue]), 'en');
    await screen.findByText('Acme Trucks', {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole('button', { name: 'Plan visit · Acme Trucks' }));
    const dialog = await screen.findByRole('dialog', { name: 'Plan a visit · Acme Trucks' });
    const subject = within(dialog).getByTestId('dialog-subject');
    expect(subject.textContent).toContain('12 days overdue · last visit 33 days ago');
    expect(subject.textContent).toMatch(/^Routine visit on \w+ \d+\w*, \d{4} 10:00/);
  });
});
