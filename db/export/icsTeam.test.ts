/**
 * A lead's calendar export: the team's planned visits (each naming its rep), the contacts' important
 * dates and festivals as chosen, for a period, as one file or one file per rep in a zip — text that
 * any RFC 5545 reader takes, whatever the names hold.
 */
import fs from 'node:fs';
import path from 'node:path';
import ical, { type VEvent } from 'node-ical';
import { afterEach, describe, expect, it } from 'vitest';
import { customPeriod } from '../../core/reports/period.js';
import type { Db } from '../connection.js';
import { openFixtureDatabase, REP_ONE, REP_TWO } from '../reports/testFixture.js';
import { useTempDir } from '../testing/tempDir.js';
import { repFileNames } from './ics.js';
import { exportToFile, type ExportOrder } from './run.js';
import { exportLabels } from './wording.js';
import { readStoredZip } from './zip.js';

const REP_ONE_NAME = '王芳 🌸';
/** a name that tries every special character of the format: comma, semicolon, quote, backslash, markup */
const REP_TWO_NAME = '<script>alert(1)</script>, Li; "Lei" \\ 李雷';
const LONG_ACCOUNT = `${'华东区域医疗器械销售有限公司'.repeat(6)}🏥`;
const REP_THREE = '01900000-0000-7000-8000-000000000003';
/** how the Team screens name a rep the team server has not named */
const UNNAMED = exportLabels('zh-CN').rep('000003');

/** Planned visits of three reps in and around January 2026, with awkward text. */
function addTeam(db: Db): void {
  const stamp = '2025-11-01T00:00:00.000Z';
  db.prepare('INSERT INTO sync_owners (id, display_name) VALUES (?, ?), (?, ?)').run(REP_ONE, REP_ONE_NAME, REP_TWO, REP_TWO_NAME);
  db.prepare(`INSERT INTO accounts (id, name, tier, status, city, address, owner_id, created_at, updated_at) VALUES (?, ?, 'A', 'active', '杭州', '西湖区文三路 90 号', ?, ?, ?)`).run(
    'acc-long',
    LONG_ACCOUNT,
    REP_ONE,
    stamp,
    stamp,
  );
  db.prepare(`INSERT INTO accounts (id, name, tier, status, city, owner_id, created_at, updated_at) VALUES ('acc-3rd', 'Third & Sons', 'B', 'active', NULL, ?, ?, ?)`).run(
    REP_THREE,
    stamp,
    stamp,
  );
  const visit = db.prepare(
    `INSERT INTO visits (id, account_id, kind, status, planned_at, purpose, met_contact_ids, owner_id, created_at, updated_at) VALUES (?, ?, 'routine', ?, ?, ?, '[]', ?, ?, ?)`,
  );
  visit.run('p-1', 'acc-long', 'planned', '2026-01-07T01:30:00.000Z', '介绍新品,报价;\n带样品 "A\\B"\u0000', REP_ONE, stamp, stamp);
  visit.run('p-2', 'acc-1', 'planned', '2026-01-31T15:00:00.000Z', null, REP_ONE, stamp, stamp); // 23:00 in Shanghai on the 31st
  visit.run('p-3', 'acc-3', 'planned', '2026-01-12T06:00:00.000Z', '<b>bold</b>', REP_TWO, stamp, stamp);
  visit.run('p-4', 'acc-3rd', 'planned', '2026-01-20T02:00:00.000Z', null, REP_THREE, stamp, stamp);
  visit.run('p-out', 'acc-1', 'planned', '2026-01-31T16:00:00.000Z', null, REP_ONE, stamp, stamp); // 1 February in Shanghai
  visit.run('p-cancelled', 'acc-1', 'cancelled', '2026-01-15T02:00:00.000Z', null, REP_ONE, stamp, stamp);
  db.prepare(
    `INSERT INTO important_dates (id, account_id, contact_id, kind, calendar, month, day, is_leap_month, year, created_at, updated_at)
     VALUES ('d-lunar', 'acc-1', 'con-1', 'birthday', 'lunar', 12, 8, 0, 1980, ?, ?)`,
  ).run(stamp, stamp); // 腊月初八: 2026-01-26
}

const january = customPeriod('2026-01-01', '2026-01-31');

function order(out: string, calendar: ExportOrder['calendar']): ExportOrder {
  return { period: january, today: '2026-01-01', timeZone: 'Asia/Shanghai', language: 'zh-CN', format: 'ics', out, now: new Date('2026-01-01T00:00:00.000Z'), ...(calendar ? { calendar } : {}) };
}

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((component): component is VEvent => component?.type === 'VEVENT');
}

/** The team's planned visits in the period, straight from the database: what the export must hold. */
function plannedInPeriod(db: Db): Array<{ id: string; ownerId: string | null }> {
  return db
    .prepare(`SELECT id, owner_id AS ownerId FROM visits WHERE status = 'planned' AND deleted_at IS NULL AND planned_at >= '2025-12-31T16:00:00.000Z' AND planned_at < '2026-01-31T16:00:00.000Z' ORDER BY id`)
    .all() as Array<{ id: string; ownerId: string | null }>;
}

/** RFC 5545 §3.1: lines of at most 75 octets, CRLF-ended, folded without splitting a UTF-8 character, no control characters. */
function expectWellFormed(bytes: Buffer): void {
  const text = bytes.toString('utf8');
  expect(text.endsWith('\r\n')).toBe(true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let start = 0;
  for (let at = bytes.indexOf('\r\n'); at !== -1; at = bytes.indexOf('\r\n', start)) {
    const line = bytes.subarray(start, at);
    expect(line.length).toBeLessThanOrEqual(75);
    expect(() => decoder.decode(line)).not.toThrow(); // a split character would not decode on its own
    // eslint-disable-next-line no-control-regex
    expect(decoder.decode(line)).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
    start = at + 2;
  }
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
}

describe('a lead’s calendar export', () => {
  const tempDir = useTempDir();
  let db: Db | undefined;
  afterEach(() => db?.close());

  it('holds every planned visit of the team in the period, each naming its rep, with its time, an hour long, and its place', async () => {
    db = openFixtureDatabase(tempDir());
    addTeam(db);
    const out = path.join(tempDir(), 'team.ics');
    await exportToFile(db, 'calendar', order(out, { visits: true, dates: true, festivals: true, perRep: false }));
    const bytes = fs.readFileSync(out);
    expectWellFormed(bytes);
    const parsed = events(bytes.toString('utf8'));
    const visits = parsed.filter((event) => event.uid.endsWith('-visit@rounds'));
    expect(visits.map((event) => event.uid).sort()).toEqual(plannedInPeriod(db).map((visit) => `${visit.id}-visit@rounds`));
    // 23:00 on the 31st in Shanghai is in; midnight after it, a cancelled visit and v-4 (February) are not
    expect(plannedInPeriod(db).map((visit) => visit.id)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);

    const byUid = new Map(parsed.map((event) => [event.uid, event]));
    const long = byUid.get('p-1-visit@rounds')!;
    expect(long.summary).toBe(`例行拜访：${LONG_ACCOUNT}（${REP_ONE_NAME}）`);
    expect(long.start.toISOString()).toBe('2026-01-07T01:30:00.000Z');
    expect(long.end?.toISOString()).toBe('2026-01-07T02:30:00.000Z');
    expect(long.location).toBe('杭州 西湖区文三路 90 号');
    expect(long.description).toBe(`销售代表：${REP_ONE_NAME}\n拜访目的：介绍新品,报价;\n带样品 "A\\B"`);
    const script = byUid.get('p-3-visit@rounds')!;
    expect(script.summary).toBe(`例行拜访：=HYPERLINK("http://evil")（${REP_TWO_NAME}）`);
    expect(script.location).toBe('深圳');
    // a rep the team server never named is known by the tail of the id, as on the Team screens
    expect(byUid.get('p-4-visit@rounds')!.summary).toBe(`例行拜访：Third & Sons（${UNNAMED}）`);
    // escaped as RFC 5545 wants, on the wire
    expect(bytes.toString('utf8').replace(/\r\n /g, '')).toContain('SUMMARY:例行拜访：=HYPERLINK("http://evil")（<script>alert(1)</script>\\, Li\\; "Lei" \\\\ 李雷）');

    expect(byUid.get('d-lunar-2026-01-26@rounds')?.summary).toContain('张伟');
    expect(byUid.has('new_year-2026-01-01@rounds')).toBe(true);
  });

  it('leaves out what the lead did not choose', async () => {
    db = openFixtureDatabase(tempDir());
    addTeam(db);
    const out = path.join(tempDir(), 'dates.ics');
    const count = await exportToFile(db, 'calendar', order(out, { visits: false, dates: true, festivals: false, perRep: false }));
    const uids = events(fs.readFileSync(out, 'utf8')).map((event) => event.uid);
    expect(uids).toEqual(['d-lunar-2026-01-26@rounds']);
    expect(count).toBe(1);
  });

  it('one file per rep: a zip with a calendar for each rep, named by the rep, holding exactly that rep’s visits and dates', async () => {
    db = openFixtureDatabase(tempDir());
    addTeam(db);
    const out = path.join(tempDir(), 'team.zip');
    await exportToFile(db, 'calendar', order(out, { visits: true, dates: true, festivals: true, perRep: true }));
    const files = readStoredZip(fs.readFileSync(out));
    expect(files.map((file) => file.name).sort()).toEqual(['_script_alert(1)__script_, Li; _Lei_ _ 李雷.ics', '王芳 🌸.ics', `${UNNAMED}.ics`].sort());
    const expected = plannedInPeriod(db);
    const ownerOf: Record<string, string> = { '王芳 🌸.ics': REP_ONE, [`${UNNAMED}.ics`]: REP_THREE, '_script_alert(1)__script_, Li; _Lei_ _ 李雷.ics': REP_TWO };
    for (const file of files) {
      expectWellFormed(file.data);
      const parsed = events(file.data.toString('utf8'));
      const visits = parsed.filter((event) => event.uid.endsWith('-visit@rounds')).map((event) => event.uid);
      expect(visits.sort(), file.name).toEqual(expected.filter((visit) => visit.ownerId === ownerOf[file.name]).map((visit) => `${visit.id}-visit@rounds`));
      expect(parsed.some((event) => event.uid === 'new_year-2026-01-01@rounds'), file.name).toBe(true);
      expect(parsed.some((event) => event.uid.startsWith('d-lunar-')), file.name).toBe(ownerOf[file.name] === REP_ONE);
    }
  });

  it('one file per rep for the reps asked for only', async () => {
    db = openFixtureDatabase(tempDir());
    addTeam(db);
    const out = path.join(tempDir(), 'two.zip');
    await exportToFile(db, 'calendar', { ...order(out, { visits: true, dates: false, festivals: false, perRep: true }), ownerIds: [REP_TWO] });
    const files = readStoredZip(fs.readFileSync(out));
    expect(files).toHaveLength(1);
    expect(events(files[0]!.data.toString('utf8')).map((event) => event.uid)).toEqual(['p-3-visit@rounds']);
  });

  it('names files safely for every file system, and two reps of one name apart', () => {
    expect(repFileNames(['王芳', 'a/b:c*?', '王芳', '..', ' 王芳 ', 'CON'])).toEqual(['王芳.ics', 'a_b_c__.ics', '王芳 (2).ics', '_.ics', '王芳 (3).ics', '_CON.ics']);
  });
});
