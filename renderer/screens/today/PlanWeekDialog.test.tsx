// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { WeekPlan, WeekPlanCandidate } from '../../../core/agenda/weekPlan.js';
import { DEFAULT_WORKING_HOURS } from '../../../core/model/workingHours.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { PlanWeekDialog } from './PlanWeekDialog.js';

afterEach(cleanup);

function account(accountId: string, accountName: string, tier: WeekPlanCandidate['tier'], city: string | null, daysOverdue = 0): WeekPlanCandidate {
  return {
    accountId,
    accountName,
    tier,
    city,
    district: null,
    cadence: { state: daysOverdue > 0 ? 'overdue' : 'due', dueDay: '2026-03-01', overdueDay: null, daysSince: 20, daysOverdue },
    plannedDay: null,
    snoozedUntil: null,
  };
}

const acme = account('acme', 'Acme Trucks', 'A', '上海', 4);
const huadong = account('huadong', '华东石化', 'A', '上海');
const beijing = account('bj', '北京机电', 'B', '北京');
const nowhere = account('nowhere', '无名商行', 'A', null);

const thisWeek: WeekPlan = {
  week: 'this',
  weekStart: '2026-03-09',
  weekEnd: '2026-03-15',
  hours: DEFAULT_WORKING_HOURS,
  days: [
    {
      day: '2026-03-11',
      cities: ['上海'],
      visits: [
        { account: acme, day: '2026-03-11', start: 14 * 60, end: 15 * 60 },
        { account: huadong, day: '2026-03-11', start: 15 * 60 + 30, end: 16 * 60 + 30 },
      ],
      planned: [{ start: 9 * 60, end: 10 * 60, city: '上海', accountName: '上海电气' }],
    },
    { day: '2026-03-12', cities: ['北京'], visits: [{ account: beijing, day: '2026-03-12', start: 9 * 60, end: 10 * 60 }], planned: [] },
    { day: '2026-03-13', cities: [], visits: [], planned: [] },
  ],
  notPlaced: [
    { account: nowhere, reason: 'no_city', day: null },
    { account: account('sh-done', '上海电气', 'A', '上海'), reason: 'already_planned', day: '2026-03-11' },
  ],
  aTier: { due: 3, planned: 2 },
};
const nextWeek: WeekPlan = { ...thisWeek, week: 'next', weekStart: '2026-03-16', weekEnd: '2026-03-22', days: [{ day: '2026-03-16', cities: ['北京'], visits: [{ account: beijing, day: '2026-03-16', start: 9 * 60, end: 10 * 60 }], planned: [] }], notPlaced: [], aTier: { due: 0, planned: 0 } };

function planApi() {
  return fakeApi({
    'plan.proposeWeek': async (input) => ((input as { week?: string } | undefined)?.week === 'next' ? nextWeek : thisWeek),
    'plan.acceptWeek': async () => [],
  });
}

const localIso = (year: number, month: number, day: number, hours: number, minutes: number) => new Date(year, month - 1, day, hours, minutes).toISOString();

describe('PlanWeekDialog', () => {
  it('shows the A-tier figure, the visits by day and city, and why an account is left out; an unticked visit is not planned', async () => {
    const api = planApi();
    const onClose = vi.fn();
    await renderWithApi(<PlanWeekDialog onClose={onClose} />, api, 'en');

    expect((await screen.findByTestId('a-tier-coverage')).textContent).toContain('A-tier falling due: 3 accounts, planned: 2');
    const wednesday = screen.getByRole('region', { name: 'Wednesday, Mar 11' });
    expect(within(wednesday).getByText('· 上海')).toBeTruthy();
    expect(within(wednesday).getByText('14:00–15:00')).toBeTruthy();
    expect(within(wednesday).getByText('09:00–10:00').closest('li')?.textContent).toContain('上海电气already planned');
    expect(screen.getByRole('region', { name: '1 due account not in this plan' }).textContent).toContain('无名商行no city on the account: add one to plan it');
    expect(screen.getByText('1 due account already has a visit planned')).toBeTruthy();
    expect(screen.getByText(/Mon–Fri 09:00–18:00, lunch 12:00–13:30/)).toBeTruthy();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Keep 华东石化 at 15:30–16:30' }));
    expect(screen.getByTestId('a-tier-coverage').textContent).toContain('planned: 1');
    fireEvent.click(screen.getByRole('button', { name: 'Plan 2 visits' }));

    await waitFor(() => expect(api['plan.acceptWeek']).toHaveBeenCalled());
    expect(api['plan.acceptWeek'].mock.calls[0]![0]).toEqual({
      visits: [
        { accountId: 'acme', plannedAt: localIso(2026, 3, 11, 14, 0) },
        { accountId: 'bj', plannedAt: localIso(2026, 3, 12, 9, 0) },
      ],
    });
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('plans next week when asked, in Chinese', async () => {
    const api = planApi();
    await renderWithApi(<PlanWeekDialog onClose={() => {}} />, api, 'zh-CN');

    expect((await screen.findByTestId('a-tier-coverage')).textContent).toContain('A 级到期 3 家，已排 2 家');
    fireEvent.click(screen.getByText('下周'));
    await waitFor(() => expect(api['plan.proposeWeek']).toHaveBeenCalledWith({ week: 'next' }));
    expect(await screen.findByRole('region', { name: '3月16日 星期一' })).toBeTruthy();
    expect(screen.getByTestId('a-tier-coverage').textContent).toContain('A 级到期 0 家，已排 0 家');
    expect(screen.getByRole('button', { name: '安排 1 次拜访' })).toBeTruthy();
  });

  it('offers next week when no working time is left in this one', async () => {
    const over: WeekPlan = { ...thisWeek, days: [], notPlaced: [{ account: acme, reason: 'no_time', day: null }], aTier: { due: 1, planned: 0 } };
    const api = fakeApi({ 'plan.proposeWeek': async (input) => ((input as { week?: string } | undefined)?.week === 'next' ? nextWeek : over) });
    await renderWithApi(<PlanWeekDialog onClose={() => {}} />, api, 'en');

    expect(await screen.findByText('No working time is left this week.')).toBeTruthy();
    expect(screen.getByText('no working time left this week')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Plan next week' }));
    expect(await screen.findByRole('region', { name: 'Monday, Mar 16' })).toBeTruthy();
  });
});
