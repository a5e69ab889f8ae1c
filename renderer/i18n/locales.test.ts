import { describe, expect, it } from 'vitest';
import { ACCOUNT_STATUSES, CALENDARS, CONTACT_KINDS, CONTACT_ROLES, DATE_KINDS, FAMILY_RELATIONS, TIERS, TIER_SOURCES, VISIT_STATUSES } from '../../core/model/enums.js';
import { bundledResources } from './index.js';

/** Every leaf key of a nested resource object, as dotted paths. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

const resources = bundledResources();
const zh = resources['zh-CN'] ?? {};
const en = resources.en ?? {};

describe('locale resources', () => {
  it('ship the same namespaces in both languages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const ns of ['common', 'accounts', 'settings', 'onboarding', 'today', 'calendar', 'festival']) expect(Object.keys(en)).toContain(ns);
  });

  it.each(Object.keys(en))('namespace %s has exactly the same keys in zh-CN and en', (ns) => {
    expect(leafKeys(zh[ns]).sort()).toEqual(leafKeys(en[ns]).sort());
  });

  it('have no empty strings', () => {
    for (const lang of [zh, en]) for (const ns of Object.keys(lang)) {
      for (const key of leafKeys(lang[ns])) {
        const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], lang[ns]);
        expect(text, `${ns}:${key}`).not.toBe('');
      }
    }
  });

  it('label every enum value', () => {
    const enums: Record<string, readonly string[]> = {
      tier: TIERS,
      tierSource: TIER_SOURCES,
      accountStatus: ACCOUNT_STATUSES,
      contactRole: CONTACT_ROLES,
      familyRelation: FAMILY_RELATIONS,
      dateKind: DATE_KINDS,
      calendar: CALENDARS,
      visitKind: CONTACT_KINDS,
      visitStatus: VISIT_STATUSES,
    };
    const keys = new Set(leafKeys(en.common));
    for (const [name, values] of Object.entries(enums)) for (const value of values) expect(keys).toContain(`enum.${name}.${value}`);
  });

  it('translate every validation message the core schemas use', async () => {
    const sources = import.meta.glob<string>('../../core/**/*.ts', { eager: true, query: '?raw', import: 'default' });
    const used = new Set<string>();
    for (const [path, text] of Object.entries(sources)) {
      if (path.endsWith('.test.ts')) continue;
      for (const match of text.matchAll(/'(validation\.[A-Za-z]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    const keys = new Set(leafKeys(en.common));
    for (const key of used) expect(keys).toContain(key);
  });

  it('translate every API error code', async () => {
    const errorsSource = (await import('../../core/api/errors.ts?raw')).default;
    const union = /export type ApiErrorCode =([^;]+);/.exec(errorsSource)?.[1] ?? '';
    const codes = [...union.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(5);
    const keys = new Set(leafKeys(en.common));
    for (const code of [...codes, 'hostUnreachable']) expect(keys).toContain(`errors.${code}`);
  });
});
