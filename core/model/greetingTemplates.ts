/**
 * Greeting templates: a few ready messages per occasion (a birthday, a wedding anniversary, a festival)
 * in both languages, which the rep edits in Settings (stored on this computer only) and copies, with the
 * person's name filled in, when marking a greeting. `{name}` stands for the person's name.
 */
import { z } from 'zod';
import type { DateKind } from './enums.js';
import { LANGUAGES, type Language } from './enums.js';
import { FESTIVAL_IDS, type FestivalId } from '../calendar/festivals.js';

export const GREETING_OCCASIONS = ['birthday', 'wedding_anniversary', ...FESTIVAL_IDS, 'other'] as const;
export type GreetingOccasion = (typeof GREETING_OCCASIONS)[number];

/** The placeholder for the person's name. */
export const NAME_PLACEHOLDER = '{name}';

export const GreetingTemplate = z
  .object({
    occasion: z.enum(GREETING_OCCASIONS, { message: 'validation.invalidChoice' }),
    language: z.enum(LANGUAGES, { message: 'validation.invalidChoice' }),
    text: z.string().trim().min(1, { message: 'validation.required' }).max(500, { message: 'validation.tooLong' }),
  })
  .strict();
export type GreetingTemplate = z.infer<typeof GreetingTemplate>;

/** The rep's templates; null keeps the built-in ones. */
export const GreetingTemplates = z.array(GreetingTemplate).max(300).nullable();

const built = (occasion: GreetingOccasion, zh: readonly string[], en: readonly string[]): GreetingTemplate[] => [
  ...zh.map((text) => ({ occasion, language: 'zh-CN' as const, text })),
  ...en.map((text) => ({ occasion, language: 'en' as const, text })),
];

export const DEFAULT_GREETING_TEMPLATES: readonly GreetingTemplate[] = [
  ...built(
    'birthday',
    ['{name}，生日快乐！祝您身体健康，万事如意！', '{name}，祝您生日快乐，新的一岁事事顺心！'],
    ['Happy birthday, {name}! Wishing you good health and a wonderful year ahead.', 'Dear {name}, many happy returns of the day!'],
  ),
  ...built('wedding_anniversary', ['{name}，结婚纪念日快乐！祝您二位幸福美满！'], ['Happy anniversary, {name}! Wishing you both every happiness.']),
  ...built(
    'spring_festival',
    ['{name}，新春快乐！祝您阖家幸福，万事如意！', '{name}，恭贺新禧！感谢您一年来的支持，祝新的一年生意兴隆！'],
    ['Happy Chinese New Year, {name}! Wishing you and your family health and prosperity.', 'Dear {name}, thank you for your support this year. Best wishes for the Spring Festival!'],
  ),
  ...built(
    'mid_autumn',
    ['{name}，中秋快乐！月圆人团圆，祝您阖家幸福！', '{name}，值此中秋佳节，感谢您的支持，祝您和家人节日快乐！'],
    ['Happy Mid-Autumn Festival, {name}! Wishing you a joyful reunion with your family.', 'Dear {name}, thank you for your support. Warm wishes for the Mid-Autumn Festival!'],
  ),
  ...built('dragon_boat', ['{name}，端午安康！'], ['Wishing you a healthy Dragon Boat Festival, {name}!']),
  ...built('national_day', ['{name}，国庆快乐！祝您假期愉快！'], ['Happy National Day, {name}! Enjoy the holiday.']),
  ...built('new_year', ['{name}，新年快乐！感谢您一直以来的支持！'], ['Happy New Year, {name}! Thank you for your support this year.']),
];

/** The occasion a date or festival reminder is for. */
export function occasionOf(reminder: { festivalId: FestivalId } | { dateKind: DateKind }): GreetingOccasion {
  if ('festivalId' in reminder) return reminder.festivalId;
  return reminder.dateKind === 'birthday' || reminder.dateKind === 'wedding_anniversary' ? reminder.dateKind : 'other';
}

/** The templates for an occasion, the given language's first. */
export function templatesFor(templates: readonly GreetingTemplate[], occasion: GreetingOccasion, language: Language): GreetingTemplate[] {
  const matching = templates.filter((template) => template.occasion === occasion);
  return [...matching.filter((template) => template.language === language), ...matching.filter((template) => template.language !== language)];
}

/** The template's text with the person's name in place of every `{name}`. */
export function fillTemplate(text: string, name: string): string {
  return text.split(NAME_PLACEHOLDER).join(name);
}
