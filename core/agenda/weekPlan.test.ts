import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../calendar/day.js';
import type { CadenceStatus } from '../cadence/index.js';
import { DEFAULT_WORKING_HOURS, minuteOfClock, type WorkingHours } from '../model/workingHours.js';
import { mondayOf, proposeWeekPlan, type WeekPlan, type WeekPlanBusy, type WeekPlanCandidate, type WeekPlanInput } from './weekPlan.js';

// 2026-03-09 is a Monday.
const MONDAY = '2026-03-09';

function candidate(accountId: string, tier: WeekPlanCandidate['tier'], state: CadenceStatus['state'], daysOverdue: number, city: string | null, extra: Partial<WeekPlanCandidate> = {}): WeekPlanCandidate {
  const dueDay = state === 'ok' ? addDays(MONDAY, 20) : state === 'never' ? null : addDays(MONDAY, -daysOverdue - 7);
  return {
    accountId,
    accountName: accountId,
    tier,
    city,
    district: null,
    cadence: { state, dueDay, overdueDay: null, daysSince: 30 + daysOverdue, daysOverdue },
    plannedDay: null,
    snoozedUntil: null,
    ...extra,
  };
}

const at = (day: string, time: string) => ({ day, minute: minuteOfClock(time) });
const plan = (accounts: WeekPlanCandidate[], input: Partial<WeekPlanInput> = {}) =>
  proposeWeekPlan({ now: at(MONDAY, '08:00'), week: 'this', hours: DEFAULT_WORKING_HOURS, accounts, planned: [], ...input });
const visitsOf = (result: WeekPlan) => result.days.flatMap((day) => day.visits);
const placedIds = (result: WeekPlan) => visitsOf(result).map((visit) => visit.account.accountId);
const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

describe('proposeWeekPlan', () => {
  it('fills a working day at the hour, half an hour apart, around lunch', () => {
    const result = plan(['a', 'b', 'c', 'd', 'e', 'f'].map((id) => candidate(id, 'A', 'overdue', 3, '上海')));
    expect(result.days[0]!.visits.map((visit) => clock(visit.start))).toEqual(['09:00', '10:30', '13:30', '15:00', '16:30']);
    expect(result.days[1]!.visits.map((visit) => [visit.day, clock(visit.start)])).toEqual([['2026-03-10', '09:00']]);
  });

  it('never proposes a time before now: at 17:20 the day is over, the plan starts tomorrow', () => {
    const result = plan([candidate('a', 'A', 'overdue', 3, '上海')], { now: at('2026-03-11', '17:20') });
    expect(result.days.map((day) => day.day)).toEqual(['2026-03-11', '2026-03-12', '2026-03-13']);
    expect(visitsOf(result).map((visit) => [visit.day, clock(visit.start)])).toEqual([['2026-03-12', '09:00']]);
  });

  it('starts today at now rounded up to the quarter hour', () => {
    const result = plan([candidate('a', 'A', 'overdue', 3, '上海')], { now: at('2026-03-11', '10:07') });
    expect(visitsOf(result).map((visit) => [visit.day, clock(visit.start)])).toEqual([['2026-03-11', '10:15']]);
  });

  it('plans next week from its Monday, with cadences falling due by its Sunday', () => {
    const dueNextWeek = candidate('next', 'A', 'ok', 0, '上海', { cadence: { state: 'ok', dueDay: '2026-03-18', overdueDay: null, daysSince: 10, daysOverdue: 0 } });
    const dueLater = candidate('later', 'A', 'ok', 0, '上海', { cadence: { state: 'ok', dueDay: '2026-03-30', overdueDay: null, daysSince: 2, daysOverdue: 0 } });
    const result = plan([dueNextWeek, dueLater], { now: at('2026-03-13', '17:00'), week: 'next' });
    expect([result.weekStart, result.weekEnd]).toEqual(['2026-03-16', '2026-03-22']);
    expect(result.days.map((day) => day.day)).toEqual(['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20']);
    expect(visitsOf(result).map((visit) => [visit.account.accountId, visit.day, clock(visit.start)])).toEqual([['next', '2026-03-16', '09:00']]);
    expect(result.aTier).toEqual({ due: 1, planned: 1 });
  });

  it('keeps a city to one day and opens a day per city, A-tier first', () => {
    const result = plan([
      candidate('bj-1', 'A', 'overdue', 5, '北京'),
      candidate('sh-1', 'A', 'overdue', 9, '上海'),
      candidate('sh-2', 'B', 'due', 0, '上海'),
      candidate('bj-2', 'C', 'overdue', 20, '北京'),
      candidate('sz-1', 'C', 'due', 0, '深圳'),
    ]);
    expect(result.days.map((day) => [day.day, day.cities, day.visits.map((visit) => visit.account.accountId)])).toEqual([
      ['2026-03-09', ['上海'], ['sh-1', 'sh-2']],
      ['2026-03-10', ['北京'], ['bj-1', 'bj-2']],
      ['2026-03-11', ['深圳'], ['sz-1']],
      ['2026-03-12', [], []],
      ['2026-03-13', [], []],
    ]);
  });

  it('works around visits already planned and gives their day to their city', () => {
    const planned: WeekPlanBusy[] = [{ ...at(MONDAY, '09:00'), city: '北京' }, { ...at(MONDAY, '14:00'), city: '北京' }];
    const result = plan([candidate('bj', 'B', 'due', 0, '北京'), candidate('sh', 'B', 'due', 0, '上海')], { planned });
    expect(result.days[0]!.visits.map((visit) => [visit.account.accountId, clock(visit.start)])).toEqual([['bj', '10:30']]);
    expect(result.days[1]!.visits.map((visit) => visit.account.accountId)).toEqual(['sh']);
  });

  it('says why each due account is not in the plan', () => {
    const result = plan([
      candidate('planned', 'A', 'overdue', 2, '上海', { plannedDay: '2026-03-12' }),
      candidate('later', 'A', 'overdue', 2, '上海', { plannedDay: '2026-04-02' }),
      candidate('snoozed', 'B', 'due', 0, '上海', { snoozedUntil: '2026-03-20' }),
      candidate('nowhere', 'B', 'due', 0, null),
      candidate('fine', 'B', 'ok', 0, '上海'),
    ]);
    expect(result.notPlaced.map(({ account, reason, day }) => [account.accountId, reason, day])).toEqual([
      ['later', 'planned_later', '2026-04-02'],
      ['planned', 'already_planned', '2026-03-12'],
      ['nowhere', 'no_city', null],
      ['snoozed', 'snoozed', '2026-03-20'],
    ]);
    // The visit already planned in the week covers its account; the one planned after it does not.
    expect(result.aTier).toEqual({ due: 2, planned: 1 });
  });

  it('plans a snoozed account only from the day its snooze ends', () => {
    const result = plan([candidate('s', 'B', 'due', 0, '上海', { snoozedUntil: '2026-03-12' })]);
    expect(visitsOf(result).map((visit) => visit.day)).toEqual(['2026-03-12']);
  });

  it('covers every A-tier account even when the week has more cities than days, by a change of city', () => {
    const cities = ['上海', '北京', '广州', '深圳', '杭州', '南京'];
    const result = plan(cities.map((city, index) => candidate(`a-${index}`, 'A', 'overdue', index + 1, city)));
    expect(result.aTier).toEqual({ due: 6, planned: 6 });
    const shared = result.days.find((day) => day.cities.length === 2)!;
    const [first, second] = shared.visits;
    expect(second!.start - first!.end).toBeGreaterThanOrEqual(DEFAULT_WORKING_HOURS.cityChangeMinutes);
  });

  it('leaves a B-tier account of yet another city out rather than touring, and says the days went to other cities', () => {
    const cities = ['上海', '北京', '广州', '深圳', '杭州'];
    const result = plan([...cities.map((city, index) => candidate(`a-${index}`, 'A', 'overdue', 1, city)), candidate('b', 'B', 'overdue', 9, '南京')]);
    expect(result.notPlaced.map(({ account, reason }) => [account.accountId, reason])).toEqual([['b', 'other_cities']]);
  });

  it('says when the working hours left cannot hold every A-tier account', () => {
    const result = plan(
      Array.from({ length: 5 }, (_, index) => candidate(`a-${index}`, 'A', 'overdue', index, '上海')),
      { now: at('2026-03-13', '14:05') }, // Friday afternoon: 14:15, 15:45; a third would end after 18:00
    );
    expect(placedIds(result)).toEqual(['a-4', 'a-3']);
    expect(visitsOf(result).map((visit) => clock(visit.start))).toEqual(['14:15', '15:45']);
    expect(result.notPlaced.map(({ account, reason }) => [account.accountId, reason])).toEqual([['a-2', 'no_time'], ['a-1', 'no_time'], ['a-0', 'no_time']]);
    expect(result.aTier).toEqual({ due: 5, planned: 2 });
  });

  it('keeps to the working days and hours in Settings', () => {
    const hours: WorkingHours = { ...DEFAULT_WORKING_HOURS, days: [2, 4, 6], start: '10:00', end: '16:00', lunch: null, visitMinutes: 90, travelMinutes: 0 };
    const result = plan(['a', 'b', 'c', 'd', 'e'].map((id) => candidate(id, 'B', 'due', 0, '上海')), { hours });
    expect(result.days.map((day) => day.day)).toEqual(['2026-03-10', '2026-03-12', '2026-03-14']);
    expect(result.days[0]!.visits.map((visit) => `${clock(visit.start)}–${clock(visit.end)}`)).toEqual(['10:00–11:30', '11:30–13:00', '13:00–14:30', '14:30–16:00']);
  });
});

// ---------- properties ----------

const CITIES = ['上海', '北京', '杭州', null] as const;
const TIMES = Array.from({ length: 48 }, (_, index) => index * 30); // every half hour

const arbHours = fc
  .record({
    days: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    start: fc.integer({ min: 6 * 4, max: 10 * 4 }).map((q) => q * 15),
    length: fc.integer({ min: 4 * 4, max: 11 * 4 }).map((q) => q * 15),
    lunch: fc.boolean(),
    visitMinutes: fc.constantFrom(30, 45, 60, 90),
    travelMinutes: fc.constantFrom(0, 15, 30),
    cityChangeMinutes: fc.constantFrom(60, 120),
  })
  .map(({ start, length, lunch, ...rest }): WorkingHours => {
    const end = Math.min(start + length, 23 * 60 + 45);
    const middle = Math.floor((start + end) / 2 / 15) * 15;
    return { ...rest, start: clock(start), end: clock(end), lunch: lunch && middle + 60 <= end ? { from: clock(middle), to: clock(middle + 60) } : null };
  });

const arbCandidate = (index: number) =>
  fc
    .record({
      tier: fc.constantFrom('A', 'B', 'C' as const),
      state: fc.constantFrom('due', 'overdue', 'never', 'ok' as const),
      daysOverdue: fc.integer({ min: 0, max: 60 }),
      city: fc.constantFrom(...CITIES),
    })
    .map(({ tier, state, daysOverdue, city }) => candidate(`acc-${index}`, tier, state, state === 'overdue' ? daysOverdue : 0, city));

const arbInput = fc.record({
  nowOffset: fc.integer({ min: 0, max: 6 }),
  nowMinute: fc.constantFrom(...TIMES),
  week: fc.constantFrom('this', 'next' as const),
  hours: arbHours,
  accounts: fc.integer({ min: 0, max: 40 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => arbCandidate(index)))),
  planned: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 13 }), minute: fc.constantFrom(...TIMES), city: fc.constantFrom(...CITIES) }), { maxLength: 8 }),
});

type Generated = typeof arbInput extends fc.Arbitrary<infer T> ? T : never;

function inputOf(generated: Generated): WeekPlanInput {
  const now = at(addDays(MONDAY, generated.nowOffset), clock(generated.nowMinute));
  return {
    now,
    week: generated.week,
    hours: generated.hours,
    accounts: generated.accounts,
    planned: generated.planned.map((visit) => ({ day: addDays(MONDAY, visit.offset), minute: visit.minute, city: visit.city })),
  };
}

describe('proposeWeekPlan, whatever the week holds', () => {
  it('never proposes a time before now, outside the working days and hours, over lunch, or over another visit', () => {
    fc.assert(
      fc.property(arbInput, (generated) => {
        const input = inputOf(generated);
        const result = proposeWeekPlan(input);
        const hours = input.hours;
        const [start, end] = [minuteOfClock(hours.start), minuteOfClock(hours.end)];
        const weekStart = input.week === 'this' ? mondayOf(input.now.day) : addDays(mondayOf(input.now.day), 7);
        for (const visit of visitsOf(result)) {
          expect(visit.day >= weekStart && visit.day <= addDays(weekStart, 6)).toBe(true);
          expect(visit.day > input.now.day || (visit.day === input.now.day && visit.start >= input.now.minute)).toBe(true);
          expect(hours.days).toContain(new Date(`${visit.day}T12:00:00Z`).getUTCDay());
          expect(visit.start >= start && visit.end <= end).toBe(true);
          expect(visit.end - visit.start).toBe(hours.visitMinutes);
          if (hours.lunch) expect(visit.end <= minuteOfClock(hours.lunch.from) || visit.start >= minuteOfClock(hours.lunch.to)).toBe(true);
          const sameDay = [
            ...input.planned.filter((other) => other.day === visit.day).map((other) => ({ start: other.minute, end: other.minute + hours.visitMinutes, id: null })),
            ...visitsOf(result).filter((other) => other.day === visit.day && other !== visit).map((other) => ({ ...other, id: other.account.accountId })),
          ];
          for (const other of sameDay) expect(visit.end <= other.start || visit.start >= other.end).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('plans each due account at most once and accounts for every one: proposed or listed with a reason', () => {
    fc.assert(
      fc.property(arbInput, (generated) => {
        const input = inputOf(generated);
        const result = proposeWeekPlan(input);
        const placed = placedIds(result);
        const listed = result.notPlaced.map(({ account }) => account.accountId);
        expect(new Set(placed).size).toBe(placed.length);
        expect([...placed, ...listed].sort()).toEqual(input.accounts.filter((account) => account.cadence.state !== 'ok').map((account) => account.accountId).sort());
      }),
      { numRuns: 200 },
    );
  });

  it('covers every A-tier account with a city when the week has room for all of them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.constantFrom('上海', '北京', '杭州', '南京'), { minLength: 12, maxLength: 12 }),
        fc.array(fc.record({ tier: fc.constantFrom('B', 'C' as const), city: fc.constantFrom('上海', '北京', '杭州', '南京', '苏州', '无锡') }), { maxLength: 30 }),
        (aCount, aCities, others) => {
          // A full week (Monday, 08:00) holds 25 visits of the default working hours: 12 A-tier accounts in 4 cities always fit.
          const accounts = [
            ...others.map(({ tier, city }, index) => candidate(`o-${index}`, tier, 'overdue', 30 + index, city)),
            ...Array.from({ length: aCount }, (_, index) => candidate(`a-${index}`, 'A', index % 2 ? 'due' : 'overdue', index, aCities[index]!)),
          ];
          const result = plan(accounts);
          expect(result.aTier).toEqual({ due: aCount, planned: aCount });
        },
      ),
      { numRuns: 200 },
    );
  });
});
