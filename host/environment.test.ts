import { describe, expect, it } from 'vitest';
import { clockFromEnv, defaultLanguage } from './environment.js';

describe('defaultLanguage', () => {
  it('picks Chinese for any zh locale and English otherwise', () => {
    expect(defaultLanguage({ LANG: 'zh_CN.UTF-8' }, 'en-US')).toBe('zh-CN');
    expect(defaultLanguage({ LANG: 'zh_TW.UTF-8' }, 'en-US')).toBe('zh-CN');
    expect(defaultLanguage({ LANG: 'de_DE.UTF-8' }, 'zh-CN')).toBe('en');
  });

  it('follows POSIX precedence and falls back to Intl when LANG is unset or C', () => {
    expect(defaultLanguage({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }, 'zh-CN')).toBe('en');
    expect(defaultLanguage({ LANG: 'C.UTF-8' }, 'zh-Hans-CN')).toBe('zh-CN');
    expect(defaultLanguage({}, 'fr-FR')).toBe('en');
  });

  it('without a locale in the environment, reads the one every Intl service of the runtime has', () => {
    expect(defaultLanguage({ LANG: 'C.UTF-8' })).toBe(/^zh/.test(Intl.DateTimeFormat().resolvedOptions().locale) ? 'zh-CN' : 'en');
  });
});

describe('clockFromEnv', () => {
  it('is absent without ROUNDS_NOW and fixed with it', () => {
    expect(clockFromEnv({})).toBeUndefined();
    const now = clockFromEnv({ ROUNDS_NOW: '2026-02-17T01:00:00+08:00' });
    expect(now?.().toISOString()).toBe('2026-02-16T17:00:00.000Z');
  });

  it('rejects a value that is not an instant', () => {
    expect(() => clockFromEnv({ ROUNDS_NOW: 'tomorrow' })).toThrow('ROUNDS_NOW');
  });
});
