import { describe, expect, it } from 'vitest';
import { detectMapping, importKindOf, missingHeaders, parseMapping } from './columns.js';

describe('detectMapping', () => {
  it('reads English headers', () => {
    const mapping = detectMapping(['Account Name', 'City', 'Tier', 'Contact', 'Title', 'Phone', 'Email', 'WeChat', 'Birthday', 'Lunar birthday', 'Anniversary', 'Revenue', 'External ID', 'Favourite colour']);
    expect(mapping).toEqual({
      'Account Name': 'accountName', City: 'city', Tier: 'tier', Contact: 'contactName', Title: 'title', Phone: 'phone',
      Email: 'email', WeChat: 'wechat', Birthday: 'birthday', 'Lunar birthday': 'lunarBirthday', Anniversary: 'anniversary',
      Revenue: 'annualRevenue', 'External ID': 'accountExternalId', 'Favourite colour': null,
    });
    expect(importKindOf(mapping)).toBe('contacts');
  });

  it('reads Chinese headers', () => {
    expect(detectMapping(['客户名称', '城市', '客户等级', '联系人', '职务', '手机', '邮箱', '微信', '生日', '农历生日', '结婚纪念日', '年销售额'])).toEqual({
      客户名称: 'accountName', 城市: 'city', 客户等级: 'tier', 联系人: 'contactName', 职务: 'title', 手机: 'phone', 邮箱: 'email',
      微信: 'wechat', 生日: 'birthday', 农历生日: 'lunarBirthday', 结婚纪念日: 'anniversary', 年销售额: 'annualRevenue',
    });
    expect(detectMapping(['公司名称', '电话', '年营业额'])).toEqual({ 公司名称: 'accountName', 电话: 'phone', 年营业额: 'annualRevenue' });
  });

  it('reads Salesforce account and contact exports', () => {
    const accounts = detectMapping(['Account ID', 'Account Name', 'BillingCity', 'AnnualRevenue', 'Industry']);
    expect(accounts).toEqual({ 'Account ID': 'accountExternalId', 'Account Name': 'accountName', BillingCity: 'city', AnnualRevenue: 'annualRevenue', Industry: 'industry' });
    expect(importKindOf(accounts)).toBe('accounts');
    const contacts = detectMapping(['First Name', 'Last Name', 'Title', 'Email', 'Phone', 'Birthdate', 'Account Name', 'Account ID']);
    expect(contacts).toEqual({
      'First Name': 'firstName', 'Last Name': 'lastName', Title: 'title', Email: 'email', Phone: 'phone', Birthdate: 'birthday',
      'Account Name': 'accountName', 'Account ID': 'accountExternalId',
    });
  });

  it('gives HubSpot record ids to companies or contacts by what the file holds', () => {
    expect(detectMapping(['Record ID', 'Company name', 'City', 'Annual Revenue', 'Industry'])).toEqual({
      'Record ID': 'accountExternalId', 'Company name': 'accountName', City: 'city', 'Annual Revenue': 'annualRevenue', Industry: 'industry',
    });
    const contacts = detectMapping(['Record ID', 'First Name', 'Last Name', 'Job Title', 'Email', 'Phone Number', 'Associated Company']);
    expect(contacts).toEqual({
      'Record ID': 'contactExternalId', 'First Name': 'firstName', 'Last Name': 'lastName', 'Job Title': 'title', Email: 'email',
      'Phone Number': 'phone', 'Associated Company': 'accountName',
    });
  });

  it('reads the visit log this app exports, and uses each target once', () => {
    const mapping = detectMapping(['客户名称', '等级', '城市', '销售代表', '类型', '状态', '计划时间', '完成时间', '目的', '会见联系人', '结果', '下一步']);
    expect(importKindOf(mapping)).toBe('visits');
    expect(mapping['完成时间']).toBe('visitDoneAt');
    expect(mapping['类型']).toBe('visitKind');
    expect(detectMapping(['Phone', 'Mobile'])).toEqual({ Phone: 'phone', Mobile: null });
  });
});

describe('saved mappings', () => {
  it('round-trips through JSON and refuses unknown fields', () => {
    const mapping = detectMapping(['客户名称', '备注']);
    expect(parseMapping(JSON.parse(JSON.stringify(mapping)))).toEqual({ ok: true, mapping });
    expect(parseMapping({ 客户名称: 'accountNam' })).toEqual({ ok: false, key: 'import.mapping.invalid', params: { header: '客户名称' } });
    expect(parseMapping([1])).toMatchObject({ ok: false });
  });

  it('names the mapped headers a file lacks', () => {
    expect(missingHeaders({ 客户名称: 'accountName', 城市: 'city', 备注: null }, ['客户名称', '备注'])).toEqual(['城市']);
  });
});
