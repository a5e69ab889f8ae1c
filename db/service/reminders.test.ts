// The user's zone decides local times (digest, quiet hours) and calendar days; fixed before any date code runs.
process.env.TZ = 'Asia/Shanghai';

import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, outboxFor, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { districtOfAddress } from './plan.js';

const tempDir = useTempDir();
let h: Harness;

// Monday 2026-11-23, 10:00 in Shanghai.
const NOW = '2026-11-23T02:00:00.000Z';

beforeEach(() => {
  h = createHarness(tempDir(), NOW);
});

const account = (name: string, tier: 'A' | 'B' | 'C', extra: Record<string, unknown> = {}) => h.call('accounts.create', { name, tier, city: '上海', ...extra });

describe('tier suggestions', () => {
  async function book() {
    const big = await account('大 big', 'C');
    const middle = await account('中 middle', 'C');
    const small = await account('小 small', 'C');
    const noOrders = await account('空 no orders', 'A', { annualRevenue: 0 });
    const unknown = await account('未 unknown', 'B');
    await h.call('orders.record', { accountId: big.id, day: '2026-06-01', amount: 800_000 });
    await h.call('orders.record', { accountId: middle.id, day: '2025-11-24', amount: 150_000 }); // the first day of the 12 months
    await h.call('orders.record', { accountId: middle.id, day: '2025-11-23', amount: 10_000_000 }); // a day too old to count
    await h.call('orders.record', { accountId: small.id, day: '2026-11-23', amount: 50_000 });
    return { big, middle, small, noOrders, unknown };
  }

  it('ranks trailing-12-month revenue (orders, else annual revenue) by the 80/20 rule and changes nothing', async () => {
    const { big, middle, noOrders } = await book();
    const before = h.snapshot();
    const suggestions = await h.call('tiers.suggestions', undefined);
    expect(suggestions.map((s) => [s.accountName, s.currentTier, s.suggestedTier, s.revenue, s.ignored])).toEqual([
      ['大 big', 'C', 'A', 800_000, false],
      ['中 middle', 'C', 'B', 150_000, false],
      ['空 no orders', 'A', 'C', 0, false],
    ]);
    expect(suggestions.find((s) => s.accountId === noOrders.id)).toMatchObject({ currentSource: 'manual', reason: 'no_revenue' });
    expect(h.snapshot()).toBe(before);
    expect((await h.call('accounts.get', { id: big.id })).account).toMatchObject({ tier: 'C', tierSource: 'manual' });
    expect((await h.call('accounts.get', { id: middle.id })).account.tier).toBe('C');
  });

  it('accepts a suggestion with its source and ignores another until it changes', async () => {
    const { big, middle, noOrders } = await book();
    expect(await h.call('tiers.accept', { accountIds: [big.id] })).toEqual({ updated: 1 });
    expect((await h.call('accounts.get', { id: big.id })).account).toMatchObject({ tier: 'A', tierSource: 'suggested' });
    expect(outboxFor(h.db, big.id).at(-1)).toEqual({ op: 'upsert', fields: { tier: 'A', tierSource: 'suggested' } });

    expect(await h.call('tiers.ignore', { accountIds: [middle.id] })).toEqual({ ignored: 1 });
    const suggestions = await h.call('tiers.suggestions', undefined);
    expect(suggestions.map((s) => [s.accountName, s.ignored])).toEqual([
      ['中 middle', true],
      ['空 no orders', false],
    ]);
    expect((await h.call('accounts.get', { id: middle.id })).account.tier).toBe('C');
    expect((await h.call('accounts.get', { id: noOrders.id })).account).toMatchObject({ tier: 'A', tierSource: 'manual' });
    // An id without a current suggestion changes nothing.
    expect(await h.call('tiers.accept', { accountIds: [big.id] })).toEqual({ updated: 0 });
  });
});

describe('complaints', () => {
  it('derives the status and lists those past their target first', async () => {
    const customer = await account('客 customer', 'A');
    const create = (description: string, receivedAt: string, targetHours: number | null = null) =>
      h.call('complaints.create', { accountId: customer.id, channel: 'wechat', severity: 'medium', description, receivedAt, targetHours });
    const resolved = await create('resolved', '2026-11-20T09:00:00+08:00');
    const responded = await create('responded', '2026-11-21T09:00:00+08:00');
    const waiting = await create('waiting', '2026-11-23T09:00:00+08:00'); // due 15:00
    const breached = await create('breached', '2026-11-23T07:00:00+08:00', 2); // due 09:00
    const olderBreach = await create('older breach', '2026-11-22T09:00:00+08:00');
    expect(waiting.status).toBe('open');
    await h.call('complaints.respond', { id: responded.id, respondedAt: '2026-11-21T10:00:00+08:00', response: '已致电' });
    const done = await h.call('complaints.resolve', { id: resolved.id, resolvedAt: '2026-11-20T12:00:00+08:00', resolution: '已换货' });
    expect(done).toMatchObject({ status: 'resolved', firstRespondedAt: '2026-11-20T04:00:00.000Z', resolvedAt: '2026-11-20T04:00:00.000Z' });

    const list = await h.call('complaints.list', {});
    expect(list.map((c) => c.description)).toEqual(['older breach', 'breached', 'waiting', 'responded', 'resolved']);
    expect(list.map((c) => c.id)).toEqual([olderBreach.id, breached.id, waiting.id, responded.id, resolved.id]);
    expect(list[0]!.accountName).toBe('客 customer');
    expect((await h.call('complaints.list', { status: 'responded' })).map((c) => c.id)).toEqual([responded.id]);
    expect((await h.fail('complaints.respond', { id: resolved.id, respondedAt: NOW })).code).toBe('conflict');
  });

  it('refuses a contact of another account', async () => {
    const one = await account('一 one', 'A');
    const other = await account('二 other', 'A');
    const contact = await h.call('contacts.create', { accountId: other.id, name: '王伟' });
    const before = h.snapshot();
    const error = await h.fail('complaints.create', { accountId: one.id, contactId: contact.id, channel: 'phone', severity: 'low', description: 'x', receivedAt: NOW });
    expect(error.issues).toEqual([{ path: ['contactId'], message: 'validation.foreignReference' }]);
    expect(h.snapshot()).toBe(before);
  });
});

describe('notifications', () => {
  async function plannedAtNoon() {
    const customer = await account('午 noon', 'A');
    return h.call('visits.plan', { accountId: customer.id, plannedAt: '2026-11-23T12:00:00+08:00' });
  }

  it('fires the digest once, across a restart and a clock set back', async () => {
    await plannedAtNoon();
    const due = await h.call('notifications.due', undefined);
    expect(due).toEqual([
      { key: 'digest:2026-11-23', kind: 'digest', fireAt: '2026-11-23T00:30:00.000Z', digest: { total: 1, complaints: 0, visits: 1, overdue: 0, dates: 0 }, visit: null },
    ]);
    expect(await h.call('notifications.fired', { keys: ['digest:2026-11-23'] })).toEqual({ recorded: 1 });
    expect(await h.call('notifications.due', undefined)).toEqual([]);

    const restarted = createHarness(h.dataDir, NOW);
    expect(await restarted.call('notifications.due', undefined)).toEqual([]);
    restarted.setNow('2026-11-23T00:40:00.000Z'); // the clock set back to 08:40, just after the digest time
    expect(await restarted.call('notifications.due', undefined)).toEqual([]);
    expect(await restarted.call('notifications.fired', { keys: ['digest:2026-11-23'] })).toEqual({ recorded: 0 });
    restarted.db.close();
  });

  it('never interrupts with the digest of an empty day, and does not offer it again', async () => {
    expect(await h.call('notifications.due', undefined)).toEqual([]);
    expect(await h.call('notifications.fired', { keys: ['digest:2026-11-23'] })).toEqual({ recorded: 0 });
  });

  it('reminds of a planned visit an hour before, once', async () => {
    const visit = await plannedAtNoon();
    await h.call('notifications.fired', { keys: ['digest:2026-11-23'] });
    expect(await h.call('notifications.due', undefined)).toEqual([]);
    h.setNow('2026-11-23T03:05:00.000Z'); // 11:05
    const due = await h.call('notifications.due', undefined);
    expect(due).toEqual([
      {
        key: `visit:${visit.id}:2026-11-23T04:00:00.000Z`,
        kind: 'visit',
        fireAt: '2026-11-23T03:00:00.000Z',
        digest: null,
        visit: { id: visit.id, accountId: visit.accountId, accountName: '午 noon', plannedAt: '2026-11-23T04:00:00.000Z' },
      },
    ]);
    await h.call('notifications.fired', { keys: [due[0]!.key] });
    expect(await createHarness(h.dataDir, '2026-11-23T03:10:00.000Z').call('notifications.due', undefined)).toEqual([]);
  });

  it('stays silent when notifications are off', async () => {
    await h.call('settings.update', { reminders: { notificationsEnabled: false } });
    expect(await h.call('notifications.due', undefined)).toEqual([]);
  });
});

describe('plan my week', () => {
  it('proposes visits for the accounts falling due this week inside the working hours, and plans the accepted ones in one transaction', async () => {
    const pudongA = await account('浦东 A', 'A', { address: '上海市浦东新区世纪大道100号' });
    const xuhuiA = await account('徐汇 A', 'A', { address: '上海市徐汇区漕溪北路1号' });
    const pudongB = await account('浦东 B', 'B', { address: '上海市浦东新区张江路5号' });
    const recent = await account('近 recent', 'A');
    const nowhere = await account('无城市 nowhere', 'A', { city: null });
    for (const [id, doneAt] of [[pudongA.id, '2026-10-01T03:00:00Z'], [xuhuiA.id, '2026-10-05T03:00:00Z'], [pudongB.id, '2026-09-01T03:00:00Z'], [recent.id, '2026-11-20T03:00:00Z'], [nowhere.id, '2026-10-01T03:00:00Z']] as const) {
      await h.call('visits.log', { accountId: id, doneAt });
    }
    // Now is Monday 10:00 in Shanghai (the tests' zone): the plan starts at 10:00, and the lunch break is kept free.
    const plan = await h.call('plan.proposeWeek', { week: 'this' });
    expect([plan.weekStart, plan.weekEnd]).toEqual(['2026-11-23', '2026-11-29']);
    expect(plan.days[0]!.visits.map((visit) => [visit.day, visit.start, visit.account.accountName, visit.account.district])).toEqual([
      ['2026-11-23', 10 * 60, '浦东 A', '浦东新区'],
      ['2026-11-23', 13 * 60 + 30, '徐汇 A', '徐汇区'],
      ['2026-11-23', 15 * 60, '浦东 B', '浦东新区'],
    ]);
    expect(plan.notPlaced.map(({ account: a, reason }) => [a.accountName, reason])).toEqual([['无城市 nowhere', 'no_city']]);
    expect(plan.aTier).toEqual({ due: 3, planned: 2 });

    const before = h.snapshot();
    const refused = await h.fail('plan.acceptWeek', {
      visits: [
        { accountId: pudongA.id, plannedAt: '2026-11-23T10:00:00+08:00' },
        { accountId: uuidv7(), plannedAt: '2026-11-23T14:00:00+08:00' },
      ],
    });
    expect(refused.issues).toEqual([{ path: ['visits', 1, 'accountId'], message: 'validation.invalidId' }]);
    expect(h.snapshot()).toBe(before);

    const visits = await h.call('plan.acceptWeek', { visits: [{ accountId: pudongA.id, plannedAt: '2026-11-23T13:30:00+08:00' }] });
    expect(visits).toMatchObject([{ accountId: pudongA.id, status: 'planned', plannedAt: '2026-11-23T05:30:00.000Z' }]);
    const replanned = await h.call('plan.proposeWeek', {});
    expect(replanned.days[0]!.visits.map((visit) => [visit.start, visit.account.accountName])).toEqual([
      [10 * 60, '徐汇 A'],
      [15 * 60, '浦东 B'],
    ]);
    expect(replanned.notPlaced.map(({ account: a, reason, day }) => [a.accountName, reason, day])).toContainEqual(['浦东 A', 'already_planned', '2026-11-23']);
    expect(replanned.aTier).toEqual({ due: 3, planned: 2 });
  });

  it('plans inside the working hours in Settings, from now on, and refuses hours that end before they start', async () => {
    const late = await account('迟 late', 'A');
    await h.call('visits.log', { accountId: late.id, doneAt: '2026-10-01T03:00:00Z' });
    h.setNow('2026-11-23T08:40:00.000Z'); // Monday 16:40 in Shanghai: a visit at 16:45 would end after 17:30
    await h.call('settings.update', { workingHours: { days: [1, 2, 3], start: '08:30', end: '17:30', lunch: null, visitMinutes: 60, travelMinutes: 30, cityChangeMinutes: 120 } });
    const plan = await h.call('plan.proposeWeek', { week: 'this' });
    expect(plan.days.map((day) => day.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25']);
    expect(plan.days.flatMap((day) => day.visits.map((visit) => [visit.day, visit.start]))).toEqual([['2026-11-24', 8 * 60 + 30]]);

    const before = h.snapshot();
    const refused = await h.fail('settings.update', { workingHours: { days: [1], start: '18:00', end: '09:00', lunch: { from: '13:00', to: '12:00' }, visitMinutes: 60, travelMinutes: 30, cityChangeMinutes: 120 } });
    expect(refused.issues).toEqual([
      { path: ['workingHours', 'end'], message: 'validation.endAfterStart' },
      { path: ['workingHours', 'lunch', 'to'], message: 'validation.endAfterStart' },
    ]);
    expect(h.snapshot()).toBe(before);

    const next = await h.call('plan.proposeWeek', { week: 'next' });
    expect(next.days.map((day) => day.day)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('reads the district of a Chinese address when there is one', () => {
    expect(districtOfAddress('上海市浦东新区世纪大道100号')).toBe('浦东新区');
    expect(districtOfAddress('江苏省苏州市吴中区东吴北路8号')).toBe('吴中区');
    expect(districtOfAddress('广东省深圳市南山区科技园')).toBe('南山区');
    expect(districtOfAddress('1 Infinite Loop, Cupertino')).toBeNull();
    expect(districtOfAddress(null)).toBeNull();
  });
});

describe('bad input is refused and nothing is saved', () => {
  it('refuses impossible dates and revenue that is negative or not a number', async () => {
    const customer = await account('错 wrong', 'A');
    const before = h.snapshot();
    const date = (fields: Record<string, unknown>) => h.fail('dates.create', { accountId: customer.id, kind: 'birthday', ...fields });
    expect((await date({ calendar: 'lunar', month: 13, day: 1 })).issues).toContainEqual({ path: ['month'], message: 'validation.monthRange' });
    expect((await date({ calendar: 'gregorian', month: 4, day: 31 })).issues).toEqual([{ path: ['day'], message: 'validation.invalidDate' }]);
    expect((await date({ calendar: 'lunar', month: 5, day: 1, isLeapMonth: true, year: 2026 })).issues).toEqual([{ path: ['isLeapMonth'], message: 'validation.noLeapMonthInYear' }]);
    expect((await h.fail('orders.record', { accountId: customer.id, day: '2026-11-23', amount: -1 })).issues).toEqual([{ path: ['amount'], message: 'validation.negative' }]);
    expect((await h.fail('orders.record', { accountId: customer.id, day: '2026-11-23', amount: Number.NaN })).issues).toEqual([{ path: ['amount'], message: 'validation.notANumber' }]);
    expect((await h.fail('accounts.update', { id: customer.id, patch: { annualRevenue: -100 } })).code).toBe('validation');
    expect((await h.fail('orders.record', { accountId: uuidv7(), day: '2026-11-23', amount: 1 })).issues).toEqual([{ path: ['accountId'], message: 'validation.invalidId' }]);
    expect((await h.fail('agenda.snooze', { key: 'revisit:x:2026-11-30', untilDay: '2026-02-30' })).code).toBe('validation');
    expect((await h.fail('settings.update', { reminders: { digestTime: '25:00' } })).code).toBe('validation');
    expect(h.snapshot()).toBe(before);
  });
});
