import fs from 'node:fs';
import path from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { calendarEntries } from '../reports/calendar.js';
import { openFixtureDatabase, REP_TWO } from '../reports/testFixture.js';
import { useTempDir } from '../testing/tempDir.js';
import { calendarText, writeCalendar } from './ics.js';
import { ExportAbortedError } from './job.js';
import { exportLabels } from './wording.js';

const labels = exportLabels('zh-CN');
const stamp = new Date('2026-01-01T00:00:00.000Z');

function addDates(db: Db): void {
  const insert = db.prepare(
    `INSERT INTO important_dates (id, account_id, contact_id, kind, calendar, month, day, is_leap_month, year, created_at, updated_at)
     VALUES (?, 'acc-1', 'con-1', 'birthday', ?, ?, ?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
  );
  insert.run('date-lunar', 'lunar', 8, 15, 0, 1980); // 农历八月十五: 2026-09-25
  insert.run('date-leap', 'lunar', 6, 1, 1, null); // 闰六月初一: 2025-07-25 (no leap sixth month in 2026: 2026-07-14)
  insert.run('date-feb29', 'gregorian', 2, 29, 0, null); // 2026 is common: 28 February
}

/** node-ical gives an all-day start as local midnight of its day. */
const localDay = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((component): component is VEvent => component?.type === 'VEVENT');
}

describe('iCalendar export', () => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());
  const year2026 = { from: '2026-01-01', to: '2026-12-31', timeZone: 'Asia/Shanghai' };

  it('parses with node-ical: a lunar birthday all-day on its Gregorian day, visits at their instants, festivals', () => {
    db = openFixtureDatabase(tempDir());
    addDates(db);
    const parsed = events(calendarText(calendarEntries(db, year2026), labels, stamp));
    const byUid = new Map(parsed.map((event) => [event.uid, event]));

    const lunar = byUid.get('date-lunar-2026-09-25@rounds')!;
    expect(lunar.datetype).toBe('date');
    expect(localDay(lunar.start)).toBe('2026-09-25');
    expect(localDay(lunar.end!)).toBe('2026-09-26');
    expect(lunar.summary).toBe('张伟：生日（中国石油天然气股份有限公司）');
    expect(lunar.description).toBe('农历八月十五');
    expect(localDay(byUid.get('date-leap-2026-07-14@rounds')!.start)).toBe('2026-07-14');
    expect(byUid.has('date-feb29-2026-02-28@rounds')).toBe(true);

    const visit = byUid.get('v-4-visit@rounds')!;
    expect(visit.datetype).toBe('date-time');
    expect(visit.start.toISOString()).toBe('2026-02-03T01:00:00.000Z');
    expect(visit.summary).toBe('例行拜访：=HYPERLINK("http://evil")');

    expect(localDay(byUid.get('mid_autumn-2026-09-25@rounds')!.start)).toBe('2026-09-25');
    expect(localDay(byUid.get('spring_festival-2026-02-17@rounds')!.start)).toBe('2026-02-17');
  });

  it('lands the leap-month birthday on its day in a year that has the leap month', () => {
    db = openFixtureDatabase(tempDir());
    addDates(db);
    const parsed = events(calendarText(calendarEntries(db, { from: '2025-07-01', to: '2025-07-31', timeZone: 'Asia/Shanghai' }), labels, stamp));
    expect(parsed.map((event) => event.uid)).toContain('date-leap-2025-07-25@rounds');
  });

  it('keeps UIDs stable across exports, also when a visit is moved', () => {
    db = openFixtureDatabase(tempDir());
    addDates(db);
    const uids = () => events(calendarText(calendarEntries(db!, year2026), labels, new Date())).map((event) => event.uid).sort();
    const first = uids();
    db.prepare("UPDATE visits SET planned_at = '2026-02-04T03:00:00.000Z' WHERE id = 'v-4'").run();
    expect(uids()).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
  });

  it('limits visits and dates to one rep', () => {
    db = openFixtureDatabase(tempDir());
    addDates(db);
    const entries = calendarEntries(db, { ...year2026, ownerIds: [REP_TWO] });
    expect(entries.visits.map((visit) => visit.id)).toEqual(['v-4']);
    expect(entries.dates).toEqual([]);
    expect(entries.festivals.length).toBeGreaterThan(10);
  });

  it('writes the file, and none when cancelled', async () => {
    db = openFixtureDatabase(tempDir());
    const dir = tempDir();
    const entries = calendarEntries(db, year2026);
    await writeCalendar(path.join(dir, 'rounds.ics'), entries, labels, stamp);
    expect(fs.readFileSync(path.join(dir, 'rounds.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR/);
    const controller = new AbortController();
    controller.abort();
    await expect(writeCalendar(path.join(dir, 'cancelled.ics'), entries, labels, stamp, { signal: controller.signal })).rejects.toBeInstanceOf(ExportAbortedError);
    expect(fs.readdirSync(dir)).toEqual(['rounds.ics']);
  });
});
