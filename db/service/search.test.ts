import { beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

const tempDir = useTempDir();
let h: Harness;
const ids: Record<string, string> = {};

beforeEach(async () => {
  h = createHarness(tempDir());
  const accounts = [
    { name: '中国石油天然气', tier: 'A', city: '北京', status: 'active' },
    { name: '中国银行', tier: 'B', city: '上海', status: 'at_risk' },
    { name: '张江高科', tier: 'C', city: '上海', status: 'active' },
    { name: 'Acme Trading', tier: 'B', city: 'Shenzhen', status: 'prospect' },
    { name: '华为技术', tier: 'A', city: '深圳', status: 'lapsed' },
    { name: '100%_Foods', tier: 'C', city: null, status: 'active' },
  ] as const;
  for (const account of accounts) ids[account.name] = (await h.call('accounts.create', account)).id;
});

const names = async (query: Parameters<Harness['call']>[1] & object) =>
  (await h.call('accounts.list', query as never)).rows.map((row) => row.name);

describe('account search', () => {
  it('finds Chinese substrings of one, two and three characters', async () => {
    expect(await names({ search: '张' })).toEqual(['张江高科']);
    expect(await names({ search: '中国' })).toEqual(['中国石油天然气', '中国银行']);
    expect(await names({ search: '中国石' })).toEqual(['中国石油天然气']);
    expect(await names({ search: '石油天然' })).toEqual(['中国石油天然气']);
  });

  it('finds pinyin initials and full pinyin', async () => {
    expect(await names({ search: 'zgsy' })).toEqual(['中国石油天然气']);
    expect(await names({ search: 'zg' })).toEqual(['中国石油天然气', '中国银行']);
    expect(await names({ search: 'zhongguo' })).toEqual(['中国石油天然气', '中国银行']);
    expect(await names({ search: 'ZhongGuoYin' })).toEqual(['中国银行']);
    expect(await names({ search: 'zhong guo yin' })).toEqual(['中国银行']);
    expect(await names({ search: 'hw' })).toEqual(['华为技术']);
  });

  it('finds English words in any case, and cities', async () => {
    expect(await names({ search: 'acme' })).toEqual(['Acme Trading']);
    expect(await names({ search: 'trad' })).toEqual(['Acme Trading']);
    expect(await names({ search: '上海' })).toEqual(['张江高科', '中国银行']);
    expect(await names({ search: 'shenzhen' })).toEqual(['Acme Trading']);
  });

  it("finds accounts by their contacts' names, pinyin and initials, not by deleted contacts", async () => {
    await h.call('contacts.create', { accountId: ids['中国银行']!, name: '张伟', title: '行长' });
    await h.call('contacts.create', { accountId: ids['Acme Trading']!, name: 'Zoe Zhang' });
    const gone = await h.call('contacts.create', { accountId: ids['华为技术']!, name: '刘备' });
    await h.call('contacts.delete', { id: gone.id });
    expect(await names({ search: '张伟' })).toEqual(['中国银行']);
    expect(await names({ search: 'zw' })).toEqual(['中国银行']);
    expect(await names({ search: 'zhangwei' })).toEqual(['中国银行']);
    expect(await names({ search: 'zoe' })).toEqual(['Acme Trading']);
    expect(await names({ search: '张' })).toEqual(['张江高科', '中国银行']);
    expect(await names({ search: '刘备' })).toEqual([]);
  });

  it('needs every word to match some field: account name, city or contact name', async () => {
    await h.call('contacts.create', { accountId: ids['中国银行']!, name: '张伟' });
    await h.call('contacts.create', { accountId: ids['张江高科']!, name: '李娜' });
    expect(await names({ search: '上海 张伟' })).toEqual(['中国银行']);
    expect(await names({ search: '张伟 上海' })).toEqual(['中国银行']);
    expect(await names({ search: '上海 李娜' })).toEqual(['张江高科']);
    expect(await names({ search: '北京 张伟' })).toEqual([]);
    expect(await names({ search: 'acme shenzhen' })).toEqual(['Acme Trading']);
    expect(await names({ search: 'acme beijing' })).toEqual([]);
    expect(await names({ search: 'zg yh' })).toEqual(['中国银行']);
    // Chinese typed without spaces: one phrase as before, or two parts
    expect(await names({ search: '中国银行' })).toEqual(['中国银行']);
    expect(await names({ search: '上海张伟' })).toEqual(['中国银行']);
    expect(await names({ search: '李娜上海' })).toEqual(['张江高科']);
    expect(await names({ search: '北京张伟' })).toEqual([]);
  });

  it('quick search lists contacts apart, not their accounts again', async () => {
    await h.call('contacts.create', { accountId: ids['中国银行']!, name: '张伟' });
    const result = await h.call('search.quick', { q: '张伟' });
    expect(result.accounts).toEqual([]);
    expect(result.contacts.map((c) => c.accountName)).toEqual(['中国银行']);
  });

  it('treats LIKE and FTS special characters as text', async () => {
    expect(await names({ search: '%' })).toEqual(['100%_Foods']);
    expect(await names({ search: '%_F' })).toEqual(['100%_Foods']);
    expect(await names({ search: '"' })).toEqual([]);
    expect(await names({ search: 'a"b OR c' })).toEqual([]);
    expect(await names({ search: '   ' })).toHaveLength(6);
  });

  it('filters by tier, status and city', async () => {
    expect(await names({ tiers: ['A'] })).toEqual(['华为技术', '中国石油天然气']);
    expect(await names({ statuses: ['at_risk', 'prospect'] })).toEqual(['Acme Trading', '中国银行']);
    expect(await names({ cities: ['上海'], tiers: ['C'] })).toEqual(['张江高科']);
    expect(await names({ search: 'zg', tiers: ['B'] })).toEqual(['中国银行']);
  });

  it('sorts by pinyin name, tier and last visit (never visited last)', async () => {
    expect(await names({})).toEqual(['100%_Foods', 'Acme Trading', '华为技术', '张江高科', '中国石油天然气', '中国银行']);
    expect((await names({ direction: 'desc' }))[0]).toBe('中国银行');
    expect(await names({ sort: 'tier' })).toEqual(['华为技术', '中国石油天然气', 'Acme Trading', '中国银行', '100%_Foods', '张江高科']);
    await h.call('visits.log', { accountId: ids['中国银行']!, doneAt: '2026-10-01T00:00:00Z' });
    await h.call('visits.log', { accountId: ids['华为技术']!, doneAt: '2026-11-01T00:00:00Z' });
    await h.call('visits.log', { accountId: ids['华为技术']!, doneAt: '2026-09-01T00:00:00Z' });
    await h.call('visits.plan', { accountId: ids['张江高科']!, plannedAt: '2026-12-01T00:00:00Z' });
    const byVisit = await h.call('accounts.list', { sort: 'lastVisit', direction: 'desc' });
    expect(byVisit.rows.slice(0, 3).map((r) => [r.name, r.lastVisitAt])).toEqual([
      ['华为技术', '2026-11-01T00:00:00.000Z'],
      ['中国银行', '2026-10-01T00:00:00.000Z'],
      ['100%_Foods', null],
    ]);
    expect((await names({ sort: 'lastVisit', direction: 'asc' })).slice(0, 2)).toEqual(['中国银行', '华为技术']);
  });

  it('pages with a total, and counts contacts', async () => {
    const page = await h.call('accounts.list', { limit: 2, offset: 2 });
    expect(page.total).toBe(6);
    expect(page.rows.map((r) => r.name)).toEqual(['华为技术', '张江高科']);
    await h.call('contacts.create', { accountId: ids['华为技术']!, name: '任正' });
    expect((await h.call('accounts.list', { search: 'hwjs' })).rows[0]?.contactCount).toBe(1);
  });

  it('refuses bad list queries', async () => {
    expect((await h.fail('accounts.list', { tiers: ['D'] })).code).toBe('validation');
    expect((await h.fail('accounts.list', { limit: 0 })).code).toBe('validation');
    expect((await h.fail('accounts.list', { sort: 'revenue' })).code).toBe('validation');
  });
});

describe('quick search', () => {
  it('returns accounts and contacts by name, pinyin and initials', async () => {
    await h.call('contacts.create', { accountId: ids['中国银行']!, name: '张伟', title: '行长' });
    await h.call('contacts.create', { accountId: ids['Acme Trading']!, name: 'Zoe Zhang' });
    const result = await h.call('search.quick', { q: '张' });
    expect(result.accounts.map((a) => a.name)).toEqual(['张江高科']);
    expect(result.contacts).toEqual([expect.objectContaining({ name: '张伟', title: '行长', accountName: '中国银行' })]);
    expect((await h.call('search.quick', { q: 'zw' })).contacts.map((c) => c.name)).toEqual(['张伟']);
    expect((await h.call('search.quick', { q: 'zhang' })).contacts.map((c) => c.name)).toEqual(['张伟', 'Zoe Zhang']);
    expect(await h.call('search.quick', { q: ' ' })).toEqual({ accounts: [], contacts: [] });
  });

  it('leaves out archived accounts and their contacts', async () => {
    await h.call('contacts.create', { accountId: ids['张江高科']!, name: '张三' });
    await h.call('accounts.archive', { id: ids['张江高科']! });
    expect(await h.call('search.quick', { q: '张' })).toEqual({ accounts: [], contacts: [] });
  });
});
