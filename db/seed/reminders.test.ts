// The local zone decides "today" for the data set; fixed before any date code runs.
process.env.TZ = 'Asia/Shanghai';

import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { openDatabase } from '../openDatabase.js';
import { createService } from '../service/index.js';
import { callApi } from '../service/dispatch.js';
import { seedDatabase } from './index.js';

const NOW = new Date('2026-11-23T02:00:00.000Z');
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function demo(): Db {
  const db = openDatabase(':memory:');
  open.push(db);
  seedDatabase(db, { scale: 'demo', seed: 42, now: NOW });
  return db;
}

describe('the demo data set’s reminders', () => {
  it('puts a complaint past its target at the top of Today and one still within it next', async () => {
    const db = demo();
    const service = createService({ db, dataDir: '/nonexistent', host: 'browser', version: 'test', now: () => NOW });
    const result = await callApi(service, 'agenda.today', undefined);
    expect(result.ok).toBe(true);
    const items = (result as { ok: true; value: { items: Array<{ kind: string }> } }).value.items;
    expect(items.slice(0, 2).map((item) => item.kind)).toEqual(['complaint_breached', 'complaint_open']);
  });

  it('gives each account with revenue orders over the last 12 months adding up to it', () => {
    const db = demo();
    const rows = db
      .prepare(`SELECT a.annual_revenue AS revenue, sum(o.amount) AS ordered, min(o.day) AS first, max(o.day) AS last
        FROM accounts a JOIN orders o ON o.account_id = a.id GROUP BY a.id`)
      .all() as Array<{ revenue: number; ordered: number; first: string; last: string }>;
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      expect(Math.abs(row.ordered - row.revenue)).toBeLessThan(1);
      expect(row.first >= '2025-11-24' && row.last <= '2026-11-23').toBe(true);
    }
  });

  it('logs last year’s greetings under the keys Today looks them up by', () => {
    const db = demo();
    const greetings = db.prepare('SELECT key, date_id, occurrence_day FROM greetings').all() as Array<{ key: string; date_id: string; occurrence_day: string }>;
    expect(greetings.length).toBeGreaterThan(0);
    for (const greeting of greetings) {
      expect(greeting.key).toBe(`date:${greeting.date_id}:${greeting.occurrence_day}`);
      expect(greeting.occurrence_day < '2026-11-23').toBe(true);
    }
  });
});
