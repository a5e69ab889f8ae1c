/**
 * How many years an important date marks, in words: "turns 60" for a birthday, "22nd anniversary"
 * for anything else. English anniversaries are ordinals, so they go through i18next's ordinal plurals
 * (`_ordinal_one/_two/_few/_other`); Chinese has only the `other` form ("22 周年").
 */
import type { TFunction } from 'i18next';
import type { DateKind } from '../../../core/model/enums.js';

/** `t` must be bound to the `today` namespace. */
export function yearsText(t: TFunction<'today'>, kind: DateKind, years: number): string {
  return kind === 'birthday' ? t('item.age', { count: years }) : t('item.anniversary', { count: years, ordinal: true });
}
