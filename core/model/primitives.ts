import { z } from 'zod';
import { isStorableText } from '../text/storable.js';

export const Id = z.string().uuid({ message: 'validation.invalidId' });
/** A calendar day as `YYYY-MM-DD`: never a Date, so no time-zone shift can move it. */
export const CalendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.invalidDate' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y!, m! - 1, d!));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m! - 1 && dt.getUTCDate() === d;
  }, { message: 'validation.invalidDate' });
/** An instant, ISO 8601 with offset or Z. */
export const Instant = z.string().datetime({ offset: true, message: 'validation.invalidDateTime' });


/** Any text the app keeps: nothing PostgreSQL refuses or no one types (NUL, lone surrogates; see core/text/storable.ts). */
export const StorableText = z.string().refine(isStorableText, { message: 'validation.invalidCharacter' });
export const requiredText = (max: number) =>
  StorableText.trim().min(1, { message: 'validation.required' }).max(max, { message: 'validation.tooLong' });
/** Optional text: blank and missing both become null. */
export const optionalText = (max: number) =>
  StorableText.trim().max(max, { message: 'validation.tooLong' }).nullable().optional()
    .transform((v) => (v === '' || v === undefined ? null : v));
