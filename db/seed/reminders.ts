/**
 * The reminder records of a data set: orders over the last 12 months that add up to each account's annual
 * revenue (so tier suggestions agree with the seeded tiers), a few complaints — one past its 6-hour
 * first-response target at `now`, one still within it, older ones answered — and last year's greetings
 * for some dates, so Today can show what was done last time. Rows are written directly, without
 * outbox entries, like the rest of a data set (see write.ts).
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { dateKey } from '../../core/agenda/keys.js';
import { GREETING_CHANNELS } from '../../core/model/enums.js';
import { addDays, dayOfInstant } from '../../core/calendar/day.js';
import { occurrencesBetween } from '../../core/calendar/occurrence.js';
import { COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES } from '../../core/model/reminders.js';
import type { SeededRandom } from './random.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const COMPLAINT_SHARE = 0.03;
const GREETED_DATE_SHARE = 0.15;
// In Chinese, like the responses written to them below.
const DESCRIPTIONS = ['交货延误两天，影响生产排期', '发票抬头有误，需要重开', '设备调试后仍有异响', '售后响应太慢，报修两天没人回复', '上一批货的料号发错了', '发票金额和报价单对不上'];
// Fit for a birthday, an anniversary or a company's founding day alike.
const GIFTS = ['一束鲜花', '茶叶礼盒', '水果礼篮', '红酒', null];

interface SeededAccount {
  id: string;
  owner_id: string | null;
  status: string;
  annual_revenue: number | null;
  created_at: string;
}

export interface ReminderCounts {
  orders: number;
  complaints: number;
  greetings: number;
}

export function seedReminders(db: Database, rng: SeededRandom, now: Date): ReminderCounts {
  const counts: ReminderCounts = { orders: 0, complaints: 0, greetings: 0 };
  const today = dayOfInstant(now.toISOString());
  const stamp = now.toISOString();
  const accounts = db.prepare('SELECT id, owner_id, status, annual_revenue, created_at FROM accounts ORDER BY id').all() as SeededAccount[];
  const insertOrder = db.prepare(
    'INSERT INTO orders (id, account_id, day, amount, reference, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertComplaint = db.prepare(`INSERT INTO complaints
    (id, account_id, channel, severity, description, received_at, first_responded_at, response, resolved_at, resolution, owner_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  db.transaction(() => {
    let complaintNumber = 0;
    for (const account of accounts) {
      if (account.annual_revenue !== null && account.annual_revenue > 0 && account.status !== 'prospect') {
        counts.orders += seedOrders(account, account.annual_revenue);
      }
      // The first two complaints are the showcase: one past its target, one within it.
      if (complaintNumber < 2 || rng.chance(COMPLAINT_SHARE)) seedComplaint(account, complaintNumber++);
    }
  })();

  function seedOrders(account: SeededAccount, annualRevenue: number): number {
    const firstDay = laterOf(addDays(today, -364), dayOfInstant(account.created_at));
    const span = Math.max(1, (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${firstDay}T00:00:00Z`)) / DAY_MS + 1);
    const orders = rng.int(3, 12);
    const weights = Array.from({ length: orders }, () => 0.5 + rng.next());
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    weights.forEach((weight, index) => {
      const day = addDays(firstDay, rng.int(0, span - 1));
      const createdAt = new Date(Math.min(now.getTime(), Date.parse(`${day}T10:00:00+08:00`)));
      const amount = Math.round(((annualRevenue * weight) / total) * 100) / 100;
      insertOrder.run(rng.uuidv7(createdAt), account.id, day, amount, `SO-${day.replaceAll('-', '')}-${index + 1}`, account.owner_id, createdAt.toISOString(), createdAt.toISOString());
    });
    return orders;
  }

  function seedComplaint(account: SeededAccount, number: number): void {
    // 8 hours ago: past the 6-hour target; 2 hours ago: within it; older ones answered and mostly resolved.
    const hoursAgo = number === 0 ? 8 : number === 1 ? 2 : rng.int(24, 24 * 90);
    const receivedAt = new Date(now.getTime() - hoursAgo * HOUR_MS);
    const answered = hoursAgo >= 24;
    const respondedAt = answered ? new Date(receivedAt.getTime() + rng.int(1, 10) * HOUR_MS).toISOString() : null;
    const resolvedAt = answered && rng.chance(0.7) ? new Date(receivedAt.getTime() + rng.int(12, 96) * HOUR_MS).toISOString() : null;
    insertComplaint.run(
      rng.uuidv7(receivedAt),
      account.id,
      rng.pick(COMPLAINT_CHANNELS),
      rng.pick(COMPLAINT_SEVERITIES),
      rng.pick(DESCRIPTIONS),
      receivedAt.toISOString(),
      respondedAt,
      respondedAt ? '已电话联系客户，确认问题并安排处理。' : null,
      resolvedAt,
      resolvedAt ? '已换货并回访确认。' : null,
      account.owner_id,
      receivedAt.toISOString(),
      stamp,
    );
    counts.complaints += 1;
  }

  counts.greetings = seedLastYearsGreetings(db, rng, today, now);
  return counts;
}

/** Greetings for some dates' most recent occurrence before today (within the last year). */
function seedLastYearsGreetings(db: Database, rng: SeededRandom, today: string, now: Date): number {
  const dates = db.prepare(
    `SELECT id, account_id, contact_id, family_member_id, calendar, month, day, is_leap_month, year, owner_id FROM important_dates ORDER BY id`,
  ).all() as Array<{ id: string; account_id: string; contact_id: string | null; family_member_id: string | null; calendar: 'gregorian' | 'lunar'; month: number; day: number; is_leap_month: number; year: number | null; owner_id: string | null }>;
  const insert = db.prepare(`INSERT INTO greetings
    (id, key, account_id, contact_id, family_member_id, date_id, occurrence_day, channel, gift, greeted_at, owner_id, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let written = 0;
  db.transaction(() => {
    for (const date of dates) {
      if (!rng.chance(GREETED_DATE_SHARE)) continue;
      const yearly = { calendar: date.calendar, month: date.month, day: date.day, isLeapMonth: date.is_leap_month === 1, year: date.year };
      const last = occurrencesBetween(yearly, addDays(today, -365), addDays(today, -1)).at(-1);
      if (!last) continue;
      const greetedAt = new Date(Math.min(now.getTime(), Date.parse(`${last.day}T09:00:00+08:00`))).toISOString();
      const channel = rng.pick(GREETING_CHANNELS);
      insert.run(
        rng.uuidv7(new Date(greetedAt)),
        dateKey(date.id, last.day),
        date.account_id,
        date.contact_id,
        date.family_member_id,
        date.id,
        last.day,
        channel,
        channel === 'gift' || channel === 'visit' ? rng.pick(GIFTS) : null,
        greetedAt,
        date.owner_id,
        greetedAt,
        greetedAt,
      );
      written += 1;
    }
  })();
  return written;
}

function laterOf(x: string, y: string): string {
  return x > y ? x : y;
}
