import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translator.js';
import { ApiError } from './errors.js';
import { parseApiInput } from './validate.js';

const ACCOUNT_ID = '0190a5b2-7c1e-7000-8000-000000000001';

function refusal(input: unknown): ApiError {
  try {
    parseApiInput('contacts.create', input);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('length limits', () => {
  it('say the limit of the field that is too long, in English and Chinese', () => {
    const error = refusal({ accountId: ACCOUNT_ID, name: '张'.repeat(101), interests: 'x'.repeat(2001) });
    const issues = error.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message, i.params])).toEqual([
      ['name', 'validation.tooLongMax', { max: 100 }],
      ['interests', 'validation.tooLongMax', { max: 2000 }],
    ]);
    const [name, interests] = issues;
    expect(translator('en')(name!.message, name!.params)).toBe('Too long: at most 100 characters');
    expect(translator('zh-CN')(name!.message, name!.params)).toBe('内容过长：最多 100 个字');
    expect(translator('zh-CN')(interests!.message, interests!.params)).toBe('内容过长：最多 2000 个字');
  });

  it('leave other messages as they were', () => {
    const error = refusal({ accountId: ACCOUNT_ID, name: ' ' });
    expect(error.issues).toEqual([{ path: ['name'], message: 'validation.required' }]);
  });
});
