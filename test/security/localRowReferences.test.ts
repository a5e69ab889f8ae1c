/**
 * The app's own use cases (issue 11): a note, visit, date, complaint or greeting may name only rows of
 * its own account. Naming another account's contact, visit, family member or date, or one that does not
 * exist (or no longer does), is refused with `validation.foreignReference` on the field, translated
 * with the field's name in both languages, and changes nothing: no row, no outbox entry. The server
 * holds the same rule (rowReferences.test.ts).
 */
import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiMethod } from '../../core/api/contract.js';
import { createHarness, type Harness } from '../../db/testing/harness.js';
import { useTempDir } from '../../db/testing/tempDir.js';
import { i18n } from '../../renderer/i18n/index.js';

const NOW = '2026-11-23T02:00:00.000Z';
const tempDir = useTempDir();
let h: Harness;

beforeEach(() => {
  h = createHarness(tempDir(), NOW);
});

/** An account with a contact, that contact's family member and birthday, and a planned visit. */
async function accountWithRows(name: string) {
  const account = await h.call('accounts.create', { name, tier: 'A' });
  const contact = await h.call('contacts.create', { accountId: account.id, name: `${name}的联系人` });
  const member = await h.call('family.create', { contactId: contact.id, name: `${name}的家人`, relation: 'child' });
  const date = await h.call('dates.create', { accountId: account.id, contactId: contact.id, kind: 'birthday', calendar: 'gregorian', month: 5, day: 1 });
  const visit = await h.call('visits.plan', { accountId: account.id, plannedAt: '2026-11-25T02:00:00.000Z' });
  return { account: account.id, contact: contact.id, member: member.id, date: date.id, visit: visit.id };
}
type Rows = Awaited<ReturnType<typeof accountWithRows>>;

/** Each use case that names a row: the method, the field path, and its input naming `ref` from `own`'s account. */
const USE_CASES: Array<{
  name: string;
  method: ApiMethod;
  path: [string, ...Array<string | number>];
  names: keyof Rows;
  input: (own: Rows, ref: string) => unknown;
  /** the planned visit a log completes is the row acted on: one that does not exist is `not_found` */
  missing?: 'not_found';
}> = [
  { name: 'a note’s contact', method: 'notes.create', path: ['contactId'], names: 'contact', input: (own, ref) => ({ accountId: own.account, contactId: ref, body: '见了谁' }) },
  { name: 'a note’s visit', method: 'notes.create', path: ['visitId'], names: 'visit', input: (own, ref) => ({ accountId: own.account, visitId: ref, body: '哪次拜访' }) },
  { name: 'the people met at a visit', method: 'visits.log', path: ['metContactIds', 1], names: 'contact', input: (own, ref) => ({ accountId: own.account, doneAt: NOW, metContactIds: [own.contact, ref] }) },
  { name: 'the planned visit a visit completes', method: 'visits.log', path: ['visitId'], names: 'visit', input: (own, ref) => ({ accountId: own.account, visitId: ref, doneAt: NOW }), missing: 'not_found' },
  { name: 'a date’s contact', method: 'dates.create', path: ['contactId'], names: 'contact', input: (own, ref) => ({ accountId: own.account, contactId: ref, kind: 'birthday', calendar: 'gregorian', month: 6, day: 1 }) },
  { name: 'a date’s family member', method: 'dates.create', path: ['familyMemberId'], names: 'member', input: (own, ref) => ({ accountId: own.account, familyMemberId: ref, kind: 'birthday', calendar: 'gregorian', month: 6, day: 1 }) },
  { name: 'a complaint’s contact', method: 'complaints.create', path: ['contactId'], names: 'contact', input: (own, ref) => ({ accountId: own.account, contactId: ref, channel: 'phone', severity: 'low', description: '投诉', receivedAt: NOW }) },
  ...(['contact', 'member', 'date'] as const).map((names) => ({
    name: `a greeting’s ${names}`,
    method: 'greetings.mark' as const,
    path: [{ contact: 'contactId', member: 'familyMemberId', date: 'dateId' }[names]] as [string],
    names,
    input: (own: Rows, ref: string) => ({ key: `date:${own.date}:2026-11-23`, accountId: own.account, [{ contact: 'contactId', member: 'familyMemberId', date: 'dateId' }[names]]: ref, occurrenceDay: '2026-11-23', channel: 'wechat' }),
  })),
];

describe('the app refuses a reference outside the account', () => {
  it.each(USE_CASES)('$name: another account’s or a missing one is refused and changes nothing; its own is taken', async ({ method, path, names, input, missing }) => {
    const own = await accountWithRows('甲公司');
    const other = await accountWithRows('乙公司');
    const foreign = { code: 'validation', issues: [{ path, message: 'validation.foreignReference' }], params: { field: path[0] } };
    for (const [ref, refused] of [[other[names], foreign], [uuidv7(), missing ? { code: missing } : foreign]] as const) {
      const before = h.snapshot();
      expect(await h.fail(method, input(own, ref))).toMatchObject(refused);
      expect(h.snapshot()).toBe(before);
    }
    await h.call(method, input(own, own[names]) as never);
  });

  it('refuses a contact of the account that was deleted', async () => {
    const own = await accountWithRows('甲公司');
    await h.call('contacts.delete', { id: own.contact });
    const before = h.snapshot();
    expect((await h.fail('notes.create', { accountId: own.account, contactId: own.contact, body: '他已经不在了' })).issues).toEqual([{ path: ['contactId'], message: 'validation.foreignReference' }]);
    expect(h.snapshot()).toBe(before);
  });

  it('says which field, in Chinese and in English', () => {
    const zh = i18n.getFixedT('zh-CN', 'common');
    const en = i18n.getFixedT('en', 'common');
    expect(zh('validation.foreignReference', { field: 'contactId' })).toBe('联系人：不属于该客户（属于其他客户或已不存在）');
    expect(en('validation.foreignReference', { field: 'metContactIds' })).toBe("People met: not one of this account's (it belongs to another account or no longer exists)");
    // and the server's refusal, in the rejected-changes inbox
    expect(i18n.getFixedT('zh-CN', 'sync')('rejected.foreignReference')).toMatch(/不属于该客户/);
    expect(i18n.getFixedT('en', 'sync')('rejected.foreignReference')).toMatch(/not this account's/);
  });
});
