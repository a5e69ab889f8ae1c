import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.js';
import { yearsText } from './yearsText.js';

function inLanguage(language: string) {
  return i18n.cloneInstance({ lng: language }).getFixedT(language, 'today');
}

describe('yearsText', () => {
  it('uses English ordinal suffixes for anniversaries, including the teens', () => {
    const t = inLanguage('en');
    const texts = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((years) => yearsText(t, 'wedding_anniversary', years));
    expect(texts).toEqual([
      '1st anniversary', '2nd anniversary', '3rd anniversary', '4th anniversary', '11th anniversary', '12th anniversary',
      '13th anniversary', '21st anniversary', '22nd anniversary', '23rd anniversary', '101st anniversary',
    ]);
  });

  it('says a birthday is an age, not an anniversary', () => {
    expect(yearsText(inLanguage('en'), 'birthday', 60)).toBe('turns 60');
    expect(yearsText(inLanguage('zh-CN'), 'birthday', 60)).toBe('满 60 岁');
  });

  it('counts Chinese anniversaries without English suffixes', () => {
    expect(yearsText(inLanguage('zh-CN'), 'contract_anniversary', 2)).toBe('2 周年');
    expect(yearsText(inLanguage('zh-CN'), 'contract_anniversary', 22)).toBe('22 周年');
  });
});
