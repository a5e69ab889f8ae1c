import fs from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, outboxFor, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { listBackups } from './backup.js';
import { SCHEMA_VERSION } from '../connection.js';
import { DEFAULT_REMINDER_SETTINGS } from '../../core/model/reminders.js';

const tempDir = useTempDir();
let h: Harness;
beforeEach(() => {
  h = createHarness(tempDir());
});

const newAccount = (name = '中国石油天然气', extra: Record<string, unknown> = {}) =>
  h.call('accounts.create', { name, tier: 'A', city: '北京', ...extra });

describe('app and settings', () => {
  it('describes the app and reports ready', async () => {
    const info = await h.call('app.info', undefined);
    expect(info).toMatchObject({ version: '0.0.0-test', host: 'browser', dataDir: h.dataDir, schemaVersion: SCHEMA_VERSION });
    expect(info.databasePath).toContain('rounds.sqlite');
    expect(await h.call('app.status', undefined)).toEqual({ state: 'ready' });
  });

  it('returns defaults until settings are changed, then keeps the changes', async () => {
    expect(await h.call('settings.get', undefined)).toEqual({ language: 'en', repName: '', onboarded: false, cadence: { A: 14, B: 30, C: 90 }, reminders: DEFAULT_REMINDER_SETTINGS, currency: 'CNY' });
    const updated = await h.call('settings.update', { language: 'zh-CN', repName: '王芳', onboarded: true });
    expect(updated).toMatchObject({ language: 'zh-CN', repName: '王芳', onboarded: true });
    await h.call('settings.update', { cadence: { A: 7, B: 30, C: 60 } });
    expect(await h.call('settings.get', undefined)).toEqual({ language: 'zh-CN', repName: '王芳', onboarded: true, cadence: { A: 7, B: 30, C: 60 }, reminders: DEFAULT_REMINDER_SETTINGS, currency: 'CNY' });
  });

  it('shows revenue in yuan until the rep picks another currency', async () => {
    expect((await h.call('settings.update', { currency: 'HKD' })).currency).toBe('HKD');
    expect((await h.call('settings.get', undefined)).currency).toBe('HKD');
  });

  it('refuses bad settings without changing anything', async () => {
    const before = h.snapshot();
    expect((await h.fail('settings.update', { repName: '  ' })).issues).toEqual([{ path: ['repName'], message: 'validation.required' }]);
    expect((await h.fail('settings.update', { cadence: { A: 0, B: 30, C: 90 } })).code).toBe('validation');
    expect((await h.fail('settings.update', { language: 'fr' })).code).toBe('validation');
    expect((await h.fail('settings.update', { currency: 'JPY' })).issues).toEqual([{ path: ['currency'], message: 'validation.invalidChoice' }]);
    expect(h.snapshot()).toBe(before);
  });
});

describe('accounts', () => {
  it('creates an account with defaults, pinyin keys and one outbox entry', async () => {
    const account = await newAccount();
    expect(account).toMatchObject({ name: '中国石油天然气', tier: 'A', tierSource: 'manual', status: 'active', city: '北京', archivedAt: null, deletedAt: null });
    expect(account.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const keys = h.db.prepare('SELECT name_pinyin, name_initials FROM accounts WHERE id = ?').get(account.id);
    expect(keys).toEqual({ name_pinyin: 'zhongguoshiyoutianranqi', name_initials: 'zgsytrq' });
    const outbox = outboxFor(h.db, account.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ op: 'upsert', fields: { name: '中国石油天然气', tier: 'A', city: '北京', longTermContract: false } });
  });

  it('updates only what changed and writes only those fields to the outbox', async () => {
    const account = await newAccount();
    h.setNow('2026-11-24T00:00:00.000Z');
    const updated = await h.call('accounts.update', { id: account.id, patch: { tier: 'B', city: '北京', strategic: true, annualRevenue: 1200000 } });
    expect(updated).toMatchObject({ tier: 'B', strategic: true, annualRevenue: 1200000, updatedAt: '2026-11-24T00:00:00.000Z' });
    expect(outboxFor(h.db, account.id)[1]).toEqual({ op: 'upsert', fields: { tier: 'B', strategic: true, annualRevenue: 1200000 } });
    await h.call('accounts.update', { id: account.id, patch: { tier: 'B' } });
    expect(outboxFor(h.db, account.id)).toHaveLength(2);
    // a patch of one field leaves every other field (defaulted ones included) as it was
    expect(await h.call('accounts.update', { id: account.id, patch: { status: 'at_risk' } })).toMatchObject({
      status: 'at_risk',
      strategic: true,
      annualRevenue: 1200000,
      tierSource: 'manual',
    });
  });

  it('keeps pinyin keys in step with a renamed account', async () => {
    const account = await newAccount();
    await h.call('accounts.update', { id: account.id, patch: { name: '华为技术' } });
    expect((await h.call('accounts.list', { search: 'hwjs' })).rows.map((r) => r.id)).toEqual([account.id]);
    expect((await h.call('accounts.list', { search: 'zgsy' })).total).toBe(0);
  });

  it('archives and restores: archived accounts leave the list unless asked for', async () => {
    const account = await newAccount();
    const archived = await h.call('accounts.archive', { id: account.id });
    expect(archived.archivedAt).toBe('2026-11-23T02:00:00.000Z');
    expect((await h.call('accounts.list', {})).total).toBe(0);
    expect((await h.call('accounts.list', { includeArchived: true })).rows[0]?.archivedAt).toBe(archived.archivedAt);
    expect((await h.call('accounts.restore', { id: account.id })).archivedAt).toBeNull();
    expect((await h.call('accounts.list', {})).total).toBe(1);
    expect(outboxFor(h.db, account.id).slice(1)).toEqual([
      { op: 'upsert', fields: { archivedAt: archived.archivedAt } },
      { op: 'upsert', fields: { archivedAt: null } },
    ]);
  });

  it('refuses invalid accounts and unknown ids without changing anything', async () => {
    const account = await newAccount();
    const before = h.snapshot();
    const bad = await h.fail('accounts.create', { name: '', tier: 'D', annualRevenue: -5 });
    expect(bad.code).toBe('validation');
    expect(bad.issues?.map((i) => i.message).sort()).toEqual(['validation.invalidChoice', 'validation.negative', 'validation.required']);
    expect((await h.fail('accounts.update', { id: account.id, patch: { cadenceDays: 400 } })).code).toBe('validation');
    expect((await h.fail('accounts.update', { id: uuidv7(), patch: { tier: 'B' } })).code).toBe('not_found');
    expect((await h.fail('accounts.get', { id: uuidv7() })).code).toBe('not_found');
    expect((await h.fail('accounts.archive', { id: 'not-an-id' })).code).toBe('validation');
    expect(h.snapshot()).toBe(before);
  });

  it('writes a change and its outbox entry atomically', async () => {
    h.db.exec("CREATE TRIGGER outbox_fails BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = h.snapshot();
    expect((await h.fail('accounts.create', { name: '失败公司', tier: 'C' })).code).toBe('internal');
    expect(h.snapshot()).toBe(before);
  });

  it('lists the cities in use', async () => {
    await newAccount('甲', { city: '上海' });
    await newAccount('乙', { city: '北京' });
    await newAccount('丙', { city: '上海' });
    await newAccount('Acme', { city: null });
    expect(await h.call('accounts.cities', undefined)).toEqual(['上海', '北京'].sort());
  });
});

describe('contacts and family', () => {
  it('creates, updates and deletes contacts; deleting one tombstones its family and dates', async () => {
    const account = await newAccount();
    const contact = await h.call('contacts.create', { accountId: account.id, name: '李明', role: 'decision_maker', email: 'li@example.com', isKey: true });
    const spouse = await h.call('family.create', { contactId: contact.id, name: '王丽', relation: 'spouse' });
    const birthday = await h.call('dates.create', { accountId: account.id, familyMemberId: spouse.id, kind: 'birthday', calendar: 'lunar', month: 8, day: 15 });
    expect(birthday.contactId).toBe(contact.id);
    expect(await h.call('contacts.update', { id: contact.id, patch: { title: '总经理' } })).toMatchObject({ title: '总经理', name: '李明' });
    expect(await h.call('family.update', { id: spouse.id, patch: { notes: '喜欢兰花' } })).toMatchObject({ notes: '喜欢兰花' });

    const detail = await h.call('accounts.get', { id: account.id });
    expect([detail.contacts.length, detail.family.length, detail.dates.length]).toEqual([1, 1, 1]);

    expect(await h.call('contacts.delete', { id: contact.id })).toEqual({ id: contact.id });
    const after = await h.call('accounts.get', { id: account.id });
    expect([after.contacts.length, after.family.length, after.dates.length]).toEqual([0, 0, 0]);
    expect(outboxFor(h.db, spouse.id).at(-1)).toEqual({ op: 'delete', fields: {} });
    expect(outboxFor(h.db, birthday.id).at(-1)).toEqual({ op: 'delete', fields: {} });
    expect(h.db.prepare('SELECT deleted_at FROM contacts WHERE id = ?').pluck().get(contact.id)).toBe('2026-11-23T02:00:00.000Z');
    expect((await h.fail('contacts.delete', { id: contact.id })).code).toBe('not_found');
  });

  it('deletes a family member with its dates', async () => {
    const account = await newAccount();
    const contact = await h.call('contacts.create', { accountId: account.id, name: '李明' });
    const child = await h.call('family.create', { contactId: contact.id, name: '李小明', relation: 'child' });
    await h.call('dates.create', { accountId: account.id, familyMemberId: child.id, kind: 'birthday', calendar: 'gregorian', month: 6, day: 1 });
    await h.call('family.delete', { id: child.id });
    const detail = await h.call('accounts.get', { id: account.id });
    expect([detail.contacts.length, detail.family.length, detail.dates.length]).toEqual([1, 0, 0]);
  });

  it('refuses bad contacts and references to missing rows', async () => {
    const account = await newAccount();
    const before = h.snapshot();
    expect((await h.fail('contacts.create', { accountId: account.id, name: '李明', email: 'not-mail', phone: 'abc' })).issues?.map((i) => i.message).sort()).toEqual([
      'validation.invalidEmail',
      'validation.invalidPhone',
    ]);
    expect(await h.fail('contacts.create', { accountId: uuidv7(), name: '李明' })).toMatchObject({
      code: 'validation',
      issues: [{ path: ['accountId'], message: 'validation.invalidId' }],
    });
    expect((await h.fail('family.create', { contactId: uuidv7(), name: '王丽', relation: 'spouse' })).code).toBe('validation');
    expect((await h.fail('family.create', { contactId: uuidv7(), name: '王丽', relation: 'cousin' })).code).toBe('validation');
    expect((await h.fail('contacts.update', { id: uuidv7(), patch: { name: 'x' } })).code).toBe('not_found');
    expect((await h.fail('family.delete', { id: uuidv7() })).code).toBe('not_found');
    expect(h.snapshot()).toBe(before);
  });
});

describe('important dates', () => {
  it('refuses dates tied to another account’s contact or to impossible days', async () => {
    const mine = await newAccount('甲公司');
    const other = await newAccount('乙公司');
    const stranger = await h.call('contacts.create', { accountId: other.id, name: '赵强' });
    const before = h.snapshot();
    expect(await h.fail('dates.create', { accountId: mine.id, contactId: stranger.id, kind: 'birthday', calendar: 'gregorian', month: 3, day: 1 })).toMatchObject({
      code: 'validation',
      issues: [{ path: ['contactId'] }],
    });
    expect((await h.fail('dates.create', { accountId: mine.id, kind: 'birthday', calendar: 'lunar', month: 13, day: 1 })).code).toBe('validation');
    expect((await h.fail('dates.create', { accountId: mine.id, kind: 'custom', calendar: 'gregorian', month: 2, day: 30 })).code).toBe('validation');
    expect(h.snapshot()).toBe(before);
  });

  it('lists upcoming occurrences within the window, sorted, with names', async () => {
    const account = await newAccount('甲公司');
    const contact = await h.call('contacts.create', { accountId: account.id, name: '李明' });
    await h.call('dates.create', { accountId: account.id, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 12, day: 1, year: 1976 });
    await h.call('dates.create', { accountId: account.id, kind: 'founding_day', calendar: 'gregorian', month: 11, day: 25 });
    await h.call('dates.create', { accountId: account.id, kind: 'custom', label: '签约', calendar: 'gregorian', month: 1, day: 10 });
    // 2026 正月初一 is 2026-02-17
    await h.call('dates.create', { accountId: account.id, contactId: contact.id, kind: 'wedding_anniversary', calendar: 'lunar', month: 1, day: 1 });

    const upcoming = await h.call('dates.upcoming', { from: '2026-11-23', days: 10 });
    expect(upcoming.map((u) => [u.occurrence, u.date.kind, u.contactName, u.years])).toEqual([
      ['2026-11-25', 'founding_day', null, null],
      ['2026-12-01', 'birthday', '李明', 50],
    ]);
    expect(upcoming[0]?.accountName).toBe('甲公司');
    const lunar = await h.call('dates.upcoming', { from: '2026-02-10', days: 8 });
    expect(lunar.map((u) => u.occurrence)).toEqual(['2026-02-17']);
  });

  it('updates and deletes dates', async () => {
    const account = await newAccount();
    const date = await h.call('dates.create', { accountId: account.id, kind: 'founding_day', calendar: 'gregorian', month: 5, day: 4 });
    const moved = await h.call('dates.update', { id: date.id, patch: { kind: 'founding_day', calendar: 'gregorian', month: 2, day: 29, leadDays: 7 } });
    expect(moved).toMatchObject({ month: 2, day: 29, leadDays: 7, isLeapMonth: false });
    await h.call('dates.delete', { id: date.id });
    expect((await h.call('accounts.get', { id: account.id })).dates).toEqual([]);
    expect((await h.fail('dates.update', { id: date.id, patch: { kind: 'founding_day', calendar: 'gregorian', month: 1, day: 1 } })).code).toBe('not_found');
  });
});

describe('visits and notes', () => {
  it('plans, lists upcoming, and completes a planned visit with a note in one step', async () => {
    const account = await newAccount();
    const contact = await h.call('contacts.create', { accountId: account.id, name: '李明' });
    const planned = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-25T10:00:00+08:00', purpose: '季度回访' });
    expect(planned).toMatchObject({ status: 'planned', plannedAt: '2026-11-25T02:00:00.000Z', kind: 'routine' });
    const upcoming = await h.call('visits.upcoming', { from: '2026-11-23T00:00:00Z', days: 7 });
    expect(upcoming.map((v) => [v.id, v.accountName, v.tier])).toEqual([[planned.id, account.name, 'A']]);
    expect(await h.call('visits.upcoming', { from: '2026-11-26T00:00:00Z', days: 7 })).toEqual([]);

    h.setNow('2026-11-25T04:00:00.000Z');
    const done = await h.call('visits.log', {
      visitId: planned.id,
      accountId: account.id,
      doneAt: '2026-11-25T03:00:00Z',
      metContactIds: [contact.id],
      outcome: '续签意向明确',
      nextVisitDate: '2026-12-09',
      note: '客户关心交付周期',
    });
    expect(done).toMatchObject({ id: planned.id, status: 'done', doneAt: '2026-11-25T03:00:00.000Z', metContactIds: [contact.id], purpose: '季度回访' });
    const timeline = await h.call('accounts.timeline', { id: account.id });
    const note = timeline.find((item) => item.type === 'note');
    expect(note?.type === 'note' && note.note).toMatchObject({ visitId: planned.id, body: '客户关心交付周期' });
    expect((await h.call('accounts.get', { id: account.id })).lastVisitAt).toBe('2026-11-25T03:00:00.000Z');
    expect(outboxFor(h.db, planned.id).at(-1)?.fields).toMatchObject({ status: 'done', outcome: '续签意向明确' });
    expect((await h.fail('visits.cancel', { id: planned.id })).code).toBe('conflict');
    expect((await h.fail('visits.log', { visitId: planned.id, accountId: account.id, doneAt: '2026-11-25T03:30:00Z' })).code).toBe('conflict');
  });

  it('records an unplanned visit and cancels a planned one', async () => {
    const account = await newAccount();
    const logged = await h.call('visits.log', { accountId: account.id, kind: 'phone_call', doneAt: '2026-11-20T08:00:00Z' });
    expect(logged).toMatchObject({ status: 'done', kind: 'phone_call', plannedAt: null });
    const planned = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-12-01T01:00:00Z' });
    expect(await h.call('visits.cancel', { id: planned.id })).toMatchObject({ status: 'cancelled', cancelledAt: '2026-11-23T02:00:00.000Z' });
    expect(await h.call('visits.upcoming', { from: '2026-11-23T00:00:00Z', days: 30 })).toEqual([]);
  });

  it('refuses a visit log that names another account’s contact or visit, changing nothing', async () => {
    const mine = await newAccount('甲公司');
    const other = await newAccount('乙公司');
    const stranger = await h.call('contacts.create', { accountId: other.id, name: '赵强' });
    const otherVisit = await h.call('visits.plan', { accountId: other.id, plannedAt: '2026-12-01T01:00:00Z' });
    const before = h.snapshot();
    expect(await h.fail('visits.log', { accountId: mine.id, doneAt: '2026-11-22T01:00:00Z', metContactIds: [stranger.id], note: 'x' })).toMatchObject({
      code: 'validation',
      issues: [{ path: ['metContactIds', 0] }],
    });
    expect((await h.fail('visits.log', { visitId: otherVisit.id, accountId: mine.id, doneAt: '2026-11-22T01:00:00Z' })).code).toBe('validation');
    expect((await h.fail('visits.log', { visitId: uuidv7(), accountId: mine.id, doneAt: '2026-11-22T01:00:00Z' })).code).toBe('not_found');
    expect((await h.fail('visits.plan', { accountId: mine.id, plannedAt: 'tomorrow' })).code).toBe('validation');
    expect((await h.fail('visits.cancel', { id: uuidv7() })).code).toBe('not_found');
    expect(h.snapshot()).toBe(before);
  });

  it('logs a visit and its note in one transaction', async () => {
    const account = await newAccount();
    const planned = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-25T02:00:00Z' });
    h.db.exec("CREATE TRIGGER notes_fail BEFORE INSERT ON notes BEGIN SELECT RAISE(ABORT, 'no'); END");
    const before = h.snapshot();
    expect((await h.fail('visits.log', { visitId: planned.id, accountId: account.id, doneAt: '2026-11-23T01:00:00Z', note: '记录' })).code).toBe('internal');
    expect(h.snapshot()).toBe(before);
  });

  it('keeps every revision of a note, including its deletion', async () => {
    const account = await newAccount();
    const note = await h.call('notes.create', { accountId: account.id, body: '第一版' });
    expect(note.revision).toBe(1);
    h.setNow('2026-11-24T00:00:00.000Z');
    expect(await h.call('notes.update', { id: note.id, body: '第二版' })).toMatchObject({ body: '第二版', revision: 2 });
    expect((await h.call('notes.update', { id: note.id, body: '第二版' })).revision).toBe(2);
    await h.call('notes.delete', { id: note.id });
    const revisions = await h.call('notes.revisions', { id: note.id });
    expect(revisions.map((r) => [r.revision, r.body, r.deleted])).toEqual([
      [3, '第二版', true],
      [2, '第二版', false],
      [1, '第一版', false],
    ]);
    expect(outboxFor(h.db, note.id).map((e) => e.op)).toEqual(['upsert', 'upsert', 'upsert', 'delete']);
    expect((await h.call('accounts.timeline', { id: account.id })).filter((i) => i.type === 'note')).toEqual([]);
    expect((await h.fail('notes.update', { id: note.id, body: '复活' })).code).toBe('not_found');
    expect((await h.fail('notes.revisions', { id: uuidv7() })).code).toBe('not_found');
  });

  it('refuses notes with empty bodies or foreign references', async () => {
    const mine = await newAccount('甲公司');
    const other = await newAccount('乙公司');
    const otherVisit = await h.call('visits.plan', { accountId: other.id, plannedAt: '2026-12-01T01:00:00Z' });
    const before = h.snapshot();
    expect((await h.fail('notes.create', { accountId: mine.id, body: '   ' })).issues).toEqual([{ path: ['body'], message: 'validation.required' }]);
    expect((await h.fail('notes.create', { accountId: mine.id, visitId: otherVisit.id, body: 'x' })).issues?.[0]?.path).toEqual(['visitId']);
    expect((await h.fail('notes.create', { accountId: uuidv7(), body: 'x' })).issues?.[0]?.path).toEqual(['accountId']);
    expect(h.snapshot()).toBe(before);
  });

  it('orders the timeline newest first across visits, notes and dates', async () => {
    const account = await newAccount();
    await h.call('visits.log', { accountId: account.id, doneAt: '2026-10-01T02:00:00Z' });
    h.setNow('2026-11-01T00:00:00.000Z');
    await h.call('notes.create', { accountId: account.id, body: '十一月' });
    await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-30T02:00:00Z' });
    await h.call('dates.create', { accountId: account.id, kind: 'founding_day', calendar: 'gregorian', month: 1, day: 15 });
    const timeline = await h.call('accounts.timeline', { id: account.id });
    expect(timeline.map((i) => [i.type, i.at.slice(0, 10)])).toEqual([
      ['date', '2027-01-15'],
      ['visit', '2026-11-30'],
      ['note', '2026-11-01'],
      ['visit', '2026-10-01'],
    ]);
    expect((await h.fail('accounts.timeline', { id: uuidv7() })).code).toBe('not_found');
  });
});

describe('demo data and backups', () => {
  it('refuses to mix demo data into existing accounts', async () => {
    await newAccount();
    const before = h.snapshot();
    expect((await h.fail('demo.load', undefined)).code).toBe('conflict');
    expect(h.snapshot()).toBe(before);
  });

  it('backs up into the data folder and lists the backups', async () => {
    const account = await newAccount();
    const backup = await h.call('backup.create', undefined);
    expect(backup.path).toContain(`${h.dataDir}/backups/rounds-2026-11-23T02-00-00-000Z.sqlite`);
    expect(backup.bytes).toBeGreaterThan(0);
    expect(fs.statSync(backup.path).size).toBe(backup.bytes);
    expect(listBackups(h.dataDir).map((b) => b.file)).toEqual(['rounds-2026-11-23T02-00-00-000Z.sqlite']);
    const Database = (await import('better-sqlite3-multiple-ciphers')).default;
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.prepare('SELECT name FROM accounts WHERE id = ?').pluck().get(account.id)).toBe(account.name);
    copy.close();
  });

  it('lists no backups when there are none', () => {
    expect(listBackups(h.dataDir)).toEqual([]);
  });
});
