import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, outboxFor, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

const tempDir = useTempDir();
let h: Harness;
let accountId: string;

beforeEach(async () => {
  h = createHarness(tempDir());
  accountId = (await h.call('accounts.create', { name: '华东医药', tier: 'B' })).id;
});

const datesOf = (contactId: string) => h.db.prepare('SELECT id, kind, calendar, month, day, is_leap_month, year FROM important_dates WHERE contact_id = ?').all(contactId);

describe('a new contact with a birthday', () => {
  it('saves the contact and a Gregorian birthday together, each with its outbox entry', async () => {
    const contact = await h.call('contacts.create', { accountId, name: '李娜', birthday: { calendar: 'gregorian', month: 3, day: 14, year: 1985 } });
    const dates = datesOf(contact.id) as Array<{ id: string }>;
    expect(dates).toEqual([{ id: expect.any(String), kind: 'birthday', calendar: 'gregorian', month: 3, day: 14, is_leap_month: 0, year: 1985 }]);
    expect(outboxFor(h.db, contact.id)).toEqual([expect.objectContaining({ op: 'upsert' })]);
    expect(outboxFor(h.db, dates[0]!.id)).toEqual([
      { op: 'upsert', fields: expect.objectContaining({ accountId, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 3, day: 14 }) },
    ]);
    const detail = await h.call('accounts.get', { id: accountId });
    expect(detail.dates.map((d) => [d.contactId, d.kind])).toEqual([[contact.id, 'birthday']]);
  });

  it('keeps a lunar birthday in a leap month', async () => {
    // 2023 has a leap 2nd month
    const contact = await h.call('contacts.create', { accountId, name: '王芳', birthday: { calendar: 'lunar', month: 2, day: 10, isLeapMonth: true, year: 2023 } });
    expect(datesOf(contact.id)).toEqual([expect.objectContaining({ calendar: 'lunar', month: 2, day: 10, is_leap_month: 1, year: 2023 })]);
  });

  it('saves just the contact when no birthday is given', async () => {
    const contact = await h.call('contacts.create', { accountId, name: '赵强', birthday: null });
    expect(datesOf(contact.id)).toEqual([]);
  });

  it('saves neither when the birthday is impossible', async () => {
    const before = h.snapshot();
    const error = await h.fail('contacts.create', { accountId, name: '李娜', birthday: { calendar: 'lunar', month: 3, day: 10, isLeapMonth: true, year: 2023 } });
    expect(error.code).toBe('validation');
    expect(error.issues?.[0]?.path).toEqual(['birthday', 'isLeapMonth']);
    expect(h.snapshot()).toBe(before);
  });

  it('saves neither when writing the birthday fails', async () => {
    h.db.exec("CREATE TRIGGER dates_fail BEFORE INSERT ON important_dates BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const before = h.snapshot();
    expect((await h.fail('contacts.create', { accountId, name: '李娜', birthday: { calendar: 'gregorian', month: 3, day: 14 } })).code).toBe('internal');
    expect(h.snapshot()).toBe(before);
  });
});
