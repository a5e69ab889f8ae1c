import { pinyin } from 'pinyin-pro';

export interface SearchKeys {
  /** full pinyin without tones or spaces, lower case: zhongguoshiyou */
  pinyin: string;
  /** first letter of each syllable (and of each Latin word): zgsy */
  initials: string;
}

/** Keys that let a name be found by its pinyin or pinyin initials; Latin text passes through lower-cased. */
export function searchKeysFor(name: string): SearchKeys {
  // pinyin-pro returns a run of non-Chinese text as one item ("China Petroleum Co."); split it into
  // words so each Latin word contributes its own initial (cp for China Petroleum).
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .flatMap((item) => item.toLowerCase().split(/[^a-z0-9]+/))
    .filter(Boolean);
  return {
    pinyin: syllables.join(''),
    initials: syllables.map((s) => s[0]).join(''),
  };
}
