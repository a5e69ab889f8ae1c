/**
 * The locale files as written: JSON.parse keeps the last of two equal keys without a word, so a key
 * pasted twice (two edits meeting in one file) would silently drop a translation. Each file is scanned
 * for a key repeated within one object.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = path.join(import.meta.dirname, 'locales');

/** Dotted paths of keys that appear twice in the same object of `text` (valid JSON). */
export function repeatedKeys(text: string): string[] {
  const repeated: string[] = [];
  // One frame per open object or array: the keys seen so far, the key being read, and the path to it.
  const frames: Array<{ keys: Set<string> | null; path: string; key: string | null }> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = JSON.parse(text.slice(i, end + 1)) as string;
      const frame = frames.at(-1);
      if (expectKey && frame?.keys) {
        if (frame.keys.has(value)) repeated.push(frame.path ? `${frame.path}.${value}` : value);
        frame.keys.add(value);
        frame.key = value;
        expectKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      const parent = frames.at(-1);
      const at = parent?.key ? (parent.path ? `${parent.path}.${parent.key}` : parent.key) : (parent?.path ?? '');
      frames.push({ keys: char === '{' ? new Set() : null, path: at, key: null });
      expectKey = char === '{';
    } else if (char === '}' || char === ']') {
      frames.pop();
    } else if (char === ',') {
      expectKey = frames.at(-1)?.keys !== null;
    }
  }
  return repeated;
}

describe('locale files', () => {
  it('a repeated key is found, however deep', () => {
    expect(repeatedKeys('{"a": {"b": "x", "c": "y, \\"z\\"", "b": "w"}, "d": ["e", {"f": 1}], "a": 2}')).toEqual(['a.b', 'a']);
    expect(repeatedKeys('{"a": {"b": 1}, "c": {"b": 2}}')).toEqual([]);
  });

  const files = fs.readdirSync(LOCALES).flatMap((language) => fs.readdirSync(path.join(LOCALES, language)).map((file) => path.join(language, file)));

  it.each(files)('%s has no key twice in one object', (file) => {
    expect(repeatedKeys(fs.readFileSync(path.join(LOCALES, file), 'utf8'))).toEqual([]);
  });
});
