import { describe, expect, it } from 'vitest';
import { searchKeysFor } from './pinyin.js';

describe('searchKeysFor', () => {
  it('gives full pinyin and initials for Chinese names', () => {
    expect(searchKeysFor('中国石油')).toEqual({ pinyin: 'zhongguoshiyou', initials: 'zgsy' });
  });

  it('gives each Latin word its own initial', () => {
    expect(searchKeysFor('China Petroleum Co.')).toEqual({ pinyin: 'chinapetroleumco', initials: 'cpc' });
  });

  it('handles mixed Chinese and Latin text', () => {
    expect(searchKeysFor('Ping An 平安保险')).toEqual({ pinyin: 'pinganpinganbaoxian', initials: 'papabx' });
    expect(searchKeysFor('3M中国').initials).toBe('3zg');
  });

  it('gives empty keys for text without letters', () => {
    expect(searchKeysFor('——')).toEqual({ pinyin: '', initials: '' });
  });
});
