/**
 * Storable text: what any text the app keeps may contain, on the laptop and on the team's server.
 *
 * PostgreSQL refuses U+0000 in `text` and `jsonb` and a lone UTF-16 surrogate in `jsonb`; one such
 * character in a synced field used to fail the server's whole push, on every retry. Noncharacters and
 * the other C0 controls store, but no rep types them: they come from broken files and pastes, and are
 * refused with them so the rule is one that people can be told. Tab, newline and carriage return stay.
 */

/** C0 controls but tab, LF, CR; an unpaired surrogate (with `u`, a lone one is its own code point); U+FDD0–FDEF, U+nFFFE/nFFFF. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSTORABLE = /[\0-\x08\x0B\x0C\x0E-\x1F]|\p{Surrogate}|\p{Noncharacter_Code_Point}/u;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'gu');

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The text with each character it may not hold replaced by U+FFFD, for keeping a record of refused input. */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\uFFFD');
}

/**
 * Where the first text a JSON value may not store sits: the path to the string, or to the object whose
 * key it is. Null when every string and key is storable.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return path;
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** A copy of a JSON value whose strings and keys are all storable (see `toStorableText`). */
export function toStorableJson(value: unknown): unknown {
  if (typeof value === 'string') return toStorableText(value);
  if (Array.isArray(value)) return value.map(toStorableJson);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [toStorableText(key), toStorableJson(item)]));
  }
  return value;
}

/**
 * Whether a parsed JSON value nests deeper than `limit` arrays and objects. Iterative, so a value that
 * a recursive walk (or PostgreSQL's jsonb parser, or a zod schema) would overflow on is measured safely.
 */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    if (depth > limit) return true;
    for (const item of Object.values(next.value)) stack.push({ value: item, depth });
  }
  return false;
}
