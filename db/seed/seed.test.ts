import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../connection.js';
import { openDatabase } from '../openDatabase.js';
import { SCALE_PROFILES, seedDatabase, seedWithProfile } from './index.js';
import { paretoTiers } from './tiers.js';

const NOW = new Date(2026, 10, 22, 9, 30); // 22 Nov 2026, 09:30 local time
const TABLES = ['accounts', 'contacts', 'family_members', 'important_dates', 'visits', 'notes', 'note_revisions'];
const open: Db[] = [];

function freshDb(): Db {
  const db = openDatabase(':memory:');
  open.push(db);
  return db;
}

afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const count = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const allRows = (db: Db) => Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));

function seededDemo(seed = 42): Db {
  const db = freshDb();
  seedDatabase(db, { scale: 'demo', seed, now: NOW });
  return db;
}

describe('seedDatabase determinism', () => {
  it('gives identical rows, ids included, for the same seed and now', () => {
    expect(allRows(seededDemo(42))).toEqual(allRows(seededDemo(42)));
  });

  it('gives different rows for a different seed', () => {
    const a = allRows(seededDemo(42));
    const b = allRows(seededDemo(43));
    expect(b.accounts).not.toEqual(a.accounts);
    const namesA = new Set((a.accounts as Array<{ name: string }>).map((r) => r.name));
    expect((b.accounts as Array<{ name: string }>).filter((r) => namesA.has(r.name)).length).toBeLessThan(30);
  });
});

describe('the demo data set', () => {
  it('has exactly 60 accounts and reports exactly what it wrote', () => {
    const db = freshDb();
    const counts = seedDatabase(db, { scale: 'demo', seed: 42, now: NOW });
    expect(counts.accounts).toBe(60);
    expect(counts).toEqual({
      accounts: count(db, 'accounts'),
      contacts: count(db, 'contacts'),
      dates: count(db, 'important_dates'),
      visits: count(db, 'visits'),
      notes: count(db, 'notes'),
    });
  });

  it('writes no outbox entries and revision 1 of every note', () => {
    const db = seededDemo();
    expect(count(db, 'outbox')).toBe(0);
    const revisions = db.prepare('SELECT count(*) AS n FROM note_revisions r JOIN notes n ON n.id = r.note_id AND r.body = n.body WHERE r.revision = 1').get() as { n: number };
    expect(revisions.n).toBe(count(db, 'notes'));
  });

  it('uses UUIDv7-shaped ids whose time is the row’s creation time', () => {
    const db = seededDemo();
    const rows = db.prepare('SELECT id, created_at FROM accounts UNION ALL SELECT id, created_at FROM notes').all() as Array<{ id: string; created_at: string }>;
    for (const { id, created_at } of rows) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse(created_at));
    }
  });

  it('is bilingual: mostly Chinese names, some English and joint-venture ones', () => {
    const db = seededDemo();
    const names = (db.prepare('SELECT name FROM accounts UNION ALL SELECT name FROM contacts').all() as Array<{ name: string }>).map((r) => r.name);
    const latin = names.filter((n) => /^[A-Za-z]/.test(n));
    expect(latin.length).toBeGreaterThan(3);
    expect(latin.length).toBeLessThan(names.length * 0.25);
    const initials = db.prepare("SELECT name_initials FROM accounts WHERE name GLOB '上海*'").all() as Array<{ name_initials: string }>;
    expect(initials.every((r) => r.name_initials.startsWith('sh'))).toBe(true);
  });

  it('contains the hard dates: 29 February, lunar leap months and lunar day 30', () => {
    const db = seededDemo();
    const has = (where: string) => count(db, `important_dates WHERE ${where}`) > 0;
    expect(has("calendar = 'gregorian' AND month = 2 AND day = 29")).toBe(true);
    expect(has("calendar = 'lunar' AND is_leap_month = 1")).toBe(true);
    expect(has("calendar = 'lunar' AND day = 30")).toBe(true);
    expect(has("kind = 'wedding_anniversary'") && has('family_member_id IS NOT NULL') && has("kind = 'founding_day'")).toBe(true);
  });

  it('plans visits in the next two weeks, a few of them today, and logs none in the future', () => {
    const db = seededDemo();
    const planned = (db.prepare("SELECT planned_at FROM visits WHERE status = 'planned'").all() as Array<{ planned_at: string }>).map((r) => new Date(r.planned_at));
    const startOfToday = new Date(2026, 10, 22);
    const horizon = new Date(2026, 11, 7);
    expect(planned.length).toBeGreaterThan(5);
    expect(planned.every((d) => d >= startOfToday && d < horizon)).toBe(true);
    expect(planned.filter((d) => d < new Date(2026, 10, 23)).length).toBeGreaterThanOrEqual(3);
    expect(count(db, `visits WHERE status = 'done' AND done_at > '${NOW.toISOString()}'`)).toBe(0);
    expect(count(db, "visits WHERE status = 'cancelled'")).toBeGreaterThan(0);
  });
});

/** Independent check against ICU: the set of lunar (year, month, day, leap) days that really occur. */
function existingLunarDays(years: Iterable<number>): Set<string> {
  const fmt = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const days = new Set<string>();
  for (const year of years) {
    // a lunar year starts in Jan/Feb of its related Gregorian year and ends by Feb of the next
    for (let t = Date.UTC(year, 0, 15); t < Date.UTC(year + 1, 2, 1); t += 86_400_000) {
      const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
      days.add(`${parts.relatedYear}-${parts.month}-${parts.day}`);
    }
  }
  return days;
}

describe('a scaled-down rep data set (500 of 2,000 accounts)', () => {
  const QUARTER = 0.25;
  const db = openDatabase(':memory:');
  const counts = seedWithProfile(db, { ...SCALE_PROFILES.rep, accountsPerRep: 500 }, 7, NOW);
  afterEach(() => undefined);

  it('keeps the rep proportions within ±5%', () => {
    const targets = { accounts: 2000, contacts: 10_000, dates: 20_000, visits: 50_000, notes: 100_000 };
    for (const [key, target] of Object.entries(targets)) {
      const got = counts[key as keyof typeof counts];
      expect(Math.abs(got / (target * QUARTER) - 1), `${key}: ${got}`).toBeLessThanOrEqual(0.05);
    }
  });

  it('has only lunar dates that exist in the Chinese calendar', () => {
    const lunar = db.prepare("SELECT year, month, day, is_leap_month FROM important_dates WHERE calendar = 'lunar'").all() as Array<{ year: number; month: number; day: number; is_leap_month: number }>;
    expect(lunar.length).toBeGreaterThan(300);
    const exists = existingLunarDays(new Set(lunar.map((d) => d.year)));
    const missing = lunar.filter((d) => !exists.has(`${d.year}-${d.month}${d.is_leap_month ? 'bis' : ''}-${d.day}`));
    expect(missing).toEqual([]);
    expect(lunar.filter((d) => d.is_leap_month).length).toBeGreaterThan(3);
  });

  it('suggests tiers by the 80/20 rule: A is about a fifth of accounts with about 80% of revenue', () => {
    const rows = db.prepare('SELECT tier, tier_source, annual_revenue FROM accounts').all() as Array<{ tier: string; tier_source: string; annual_revenue: number | null }>;
    const expected = paretoTiers(rows.map((r) => r.annual_revenue ?? 0));
    const suggested = rows.map((r, i) => ({ ...r, expected: expected[i] })).filter((r) => r.tier_source === 'suggested');
    expect(suggested.length).toBeGreaterThan(rows.length * 0.85);
    expect(suggested.every((r) => r.tier === r.expected)).toBe(true);

    const withRevenue = rows.filter((r) => r.annual_revenue !== null);
    const aShare = expected.filter((t) => t === 'A').length / withRevenue.length;
    expect(aShare).toBeGreaterThan(0.12);
    expect(aShare).toBeLessThan(0.3);
  });

  it('visits A accounts about every two weeks, B monthly, C quarterly', () => {
    const perTier = db
      .prepare(
        `SELECT a.tier, count(v.id) * 1.0 / count(DISTINCT a.id) AS perAccount FROM accounts a JOIN visits v ON v.account_id = a.id
         WHERE v.status = 'done' AND a.status = 'active' AND a.cadence_days IS NULL AND v.done_at >= ? GROUP BY a.tier`,
      )
      .all(new Date(2025, 10, 22).toISOString()) as Array<{ tier: string; perAccount: number }>;
    const last12Months = Object.fromEntries(perTier.map((r) => [r.tier, r.perAccount]));
    expect(last12Months.A).toBeGreaterThan(18);
    expect(last12Months.B).toBeGreaterThan(8);
    expect(last12Months.B).toBeLessThan(15);
    expect(last12Months.C).toBeLessThan(6);
  });
});

describe('demo text reads like a rep’s own notes', () => {
  const CJK = /[\u3400-\u9fff]/;
  it('writes about a person only with that person’s name, and in the language spoken with them', () => {
    const db = seededDemo();
    const notes = db.prepare(`SELECT n.body, a.name AS account, c.name AS contact FROM notes n JOIN accounts a ON a.id = n.account_id LEFT JOIN contacts c ON c.id = n.contact_id`).all() as Array<{ body: string; account: string; contact: string | null }>;
    expect(notes.length).toBeGreaterThan(50);
    for (const note of notes) {
      // never "华东精密有限公司的孩子今年高考": an account note does not name the account as if it were a person
      expect(note.body).not.toContain(note.account);
      const englishContact = note.contact !== null && !CJK.test(note.contact);
      expect(CJK.test(note.body), note.body).toBe(!englishContact);
    }
    const visits = db.prepare(`SELECT v.purpose, v.outcome, v.next_step, c.name AS contact FROM visits v LEFT JOIN contacts c ON c.id = json_extract(v.met_contact_ids, '$[0]') WHERE v.status = 'done'`).all() as Array<{ purpose: string; outcome: string; next_step: string | null; contact: string | null }>;
    for (const visit of visits) {
      const chinese = visit.contact === null || CJK.test(visit.contact);
      for (const text of [visit.purpose, visit.outcome, visit.next_step].filter((t): t is string => t !== null)) expect(CJK.test(text), text).toBe(chinese);
    }
  });
});
