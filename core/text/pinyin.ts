import { pinyin } from 'pinyin-pro';

export interface SearchKeys {
  /** full pinyin without tones or spaces, lower case: zhongguoshiyou */
  pinyin: string;
  /** first letter of each syllable (and of each Latin word): zgsy */
  initials: string;
}

/** Keys that let a name be found by its pinyin or pinyin initials; Latin text passes through lower-cased. */
export function searchKeysFor(name: string): SearchKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return {
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
  };
}
