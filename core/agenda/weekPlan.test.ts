import { describe, expect, it } from 'vitest';
import type { CadenceStatus } from '../cadence/index.js';
import { proposeWeekPlan, type WeekPlanCandidate } from './weekPlan.js';

function candidate(accountId: string, tier: WeekPlanCandidate['tier'], state: CadenceStatus['state'], daysOverdue: number, city: string | null, district: string | null = null): WeekPlanCandidate {
  return {
    accountId,
    accountName: accountId,
    tier,
    city,
    district,
    cadence: { state, dueDay: null, overdueDay: null, daysSince: 30 + daysOverdue, daysOverdue },
  };
}

const ids = (plan: ReturnType<typeof proposeWeekPlan>) => plan.days.map((day) => [day.day, day.accounts.map((a) => a.accountId)]);

describe('proposeWeekPlan', () => {
  it('groups chosen accounts by city and district into days', () => {
    const plan = proposeWeekPlan(
      [
        candidate('sh-1', 'A', 'overdue', 9, '上海', '浦东'),
        candidate('bj-1', 'A', 'overdue', 5, '北京', '朝阳'),
        candidate('sh-2', 'B', 'due', 0, '上海', '徐汇'),
        candidate('sh-3', 'C', 'overdue', 20, '上海', '浦东'),
        candidate('bj-2', 'B', 'overdue', 1, '北京', '朝阳'),
        candidate('ok', 'A', 'ok', 0, '上海', '浦东'),
        candidate('never', 'A', 'never', 0, '上海', '浦东'),
      ],
      '2026-03-09',
      2,
      { days: 3 },
    );
    // urgency: sh-1, bj-1, bj-2, sh-2, sh-3 → 上海 first (sh-1), 浦东 before 徐汇
    expect(ids(plan)).toEqual([
      ['2026-03-09', ['sh-1', 'sh-3']],
      ['2026-03-10', ['sh-2', 'bj-1']],
      ['2026-03-11', ['bj-2']],
    ]);
    expect(plan.unplaced).toEqual([]);
  });

  it('chooses by tier priority before geography, leaving the least urgent unplaced', () => {
    const plan = proposeWeekPlan(
      [candidate('c-near', 'C', 'overdue', 50, '上海'), candidate('a-far', 'A', 'due', 0, '拉萨'), candidate('b', 'B', 'overdue', 2, '上海')],
      '2026-03-09',
      1,
      { days: 2 },
    );
    expect(ids(plan)).toEqual([
      ['2026-03-09', ['a-far']],
      ['2026-03-10', ['b']],
    ]);
    expect(plan.unplaced.map((a) => a.accountId)).toEqual(['c-near']);
  });

  it('counts visits already planned against a day’s capacity and defaults to five days', () => {
    const accounts = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => candidate(id, 'A', 'overdue', 1, '杭州'));
    const plan = proposeWeekPlan(accounts, '2026-03-09', 1, { alreadyPlanned: { '2026-03-10': 1, '2026-03-12': 3 } });
    expect(plan.days.map((d) => d.accounts.length)).toEqual([1, 0, 1, 0, 1]);
    expect(plan.days.at(-1)?.day).toBe('2026-03-13');
    expect(plan.unplaced).toHaveLength(3);
  });
});
