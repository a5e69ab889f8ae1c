import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiInputs } from '../api/contract.js';
import { AccountCreate, NoteCreate, Visit } from '../model/schemas.js';
import { ComplaintCreate } from '../model/reminders.js';
import { findUnstorableText, isStorableText, nestsDeeperThan, toStorableJson, toStorableText } from './storable.js';

const ACCOUNT_ID = '0190f3a0-0000-7000-8000-000000000001';

/** Any UTF-16 text, lone surrogates included, with the characters the rule is about mixed in often. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('a', '中', '\u0000', '\u0007', '\t', '\n', '\r', '\ud800', '\udfff', '\ufffe', '\uffff', '\ufdd0', '\ud83d\ude00', '\ud83f\udfff', '\udbff\udfff'), maxLength: 12 }),
);

/** The rule spelled out code point by code point, to check the regular expression against. */
function storableByCodePoints(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
    if (code >= 0xd800 && code <= 0xdfff) return false;
    if (code >= 0xfdd0 && code <= 0xfdef) return false;
    if ((code & 0xfffe) === 0xfffe) return false;
  }
  return true;
}

describe('storable text', () => {
  it('refuses NUL and the C0 controls but tab, LF, CR; lone surrogates; noncharacters — and nothing else', () => {
    expect(isStorableText('华东精密 Co.\tline\r\nnext 😀 \u{10FFFD}')).toBe(true);
    for (const bad of ['a\u0000b', '\u001b[31m', 'x\ud800', '\udc00x', '\ud83d', '\ufffe', '\uffff', '\ufdd0', '\ufdef', '\u{1FFFF}', '\u{10FFFE}']) expect(isStorableText(bad)).toBe(false);
    fc.assert(fc.property(anyText, (text) => isStorableText(text) === storableByCodePoints(text)), { numRuns: 2000 });
  });

  it('makes any text storable by replacing only what it may not hold', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const fixed = toStorableText(text);
        expect(isStorableText(fixed)).toBe(true);
        if (isStorableText(text)) expect(fixed).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds unstorable text anywhere in a JSON value, keys included, and copies the value storable', () => {
    const value = { ok: ['fine', { deeper: 'x\u0000' }] };
    expect(findUnstorableText(value)).toEqual(['ok', 1, 'deeper']);
    expect(findUnstorableText({ ['bad\ud800key']: 1 })).toEqual([]);
    expect(findUnstorableText(toStorableJson(value))).toBeNull();
    expect(toStorableJson({ ['k\u0000']: [1, null, 'v\uffff'] })).toEqual({ ['k\uFFFD']: [1, null, 'v\uFFFD'] });
  });

  it('measures nesting without recursion, so a 100,000-deep array is just too deep', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)) as unknown;
    expect(nestsDeeperThan(deep, 32)).toBe(true);
    expect(nestsDeeperThan({ a: [[{ b: 1 }]] }, 4)).toBe(false);
    expect(nestsDeeperThan({ a: [[{ b: [] }]] }, 4)).toBe(true);
  });
});

describe('text fields of the schemas', () => {
  it('accept generated text exactly when it is storable (account name, note body, complaint, visit outcome)', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const text = `x${raw}`; // never blank, so "required" is not what decides
        const storable = isStorableText(text);
        expect(AccountCreate.safeParse({ name: text, tier: 'A' }).success).toBe(storable);
        expect(NoteCreate.safeParse({ accountId: ACCOUNT_ID, body: text }).success).toBe(storable);
        expect(ComplaintCreate.safeParse({ accountId: ACCOUNT_ID, channel: 'phone', severity: 'low', description: text, receivedAt: '2026-03-01T08:00:00Z' }).success).toBe(storable);
        expect(Visit.shape.outcome.safeParse(text).success).toBe(storable);
        expect(apiInputs['sync.resolveConflict'].safeParse({ noteId: ACCOUNT_ID, keep: 'both', mergedBody: text }).success).toBe(storable);
      }),
      { numRuns: 1000 },
    );
  });

  it('name the field and the translated reason', () => {
    const result = AccountCreate.safeParse({ name: 'Acme', tier: 'A', city: 'Su\u0000zhou' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([[['city'], 'validation.invalidCharacter']]);
  });
});
