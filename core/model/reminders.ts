/**
 * Schemas of the reminder records (complaints, orders, greetings, snoozes) and the reminder settings.
 * Messages are i18n keys (namespace `validation`).
 */
import { z } from 'zod';
import { CalendarDay, Id, Instant, optionalText, requiredText, StorableText } from './primitives.js';
import { CONTACT_KINDS, DATE_KINDS, GREETING_CHANNELS, TIERS } from './enums.js';
import { FESTIVAL_IDS } from '../calendar/festivals.js';

export const COMPLAINT_CHANNELS = ['phone', 'email', 'wechat', 'visit', 'other'] as const;
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const COMPLAINT_STATUSES = ['open', 'responded', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const ComplaintCreate = z.object({
  accountId: Id,
  contactId: Id.nullable().default(null),
  channel: z.enum(COMPLAINT_CHANNELS, { message: 'validation.invalidChoice' }),
  severity: z.enum(COMPLAINT_SEVERITIES, { message: 'validation.invalidChoice' }),
  description: requiredText(10000),
  receivedAt: Instant,
  /** first-response target in hours; null = the default from settings */
  targetHours: z.number({ message: 'validation.notANumber' }).positive({ message: 'validation.targetHoursRange' }).max(720, { message: 'validation.targetHoursRange' }).nullable().default(null),
});
export type ComplaintCreate = z.input<typeof ComplaintCreate>;
export const ComplaintRespond = z.object({ id: Id, respondedAt: Instant, response: optionalText(5000) }).strict();
export const ComplaintResolve = z.object({ id: Id, resolvedAt: Instant, resolution: optionalText(5000) }).strict();
export const ComplaintRevert = z
  .object({
    id: Id,
    updatedAt: Instant,
    to: z.object({ firstRespondedAt: Instant.nullable(), response: optionalText(5000), resolvedAt: Instant.nullable(), resolution: optionalText(5000) }).strict(),
  })
  .strict();

export interface Complaint {
  id: string;
  accountId: string;
  contactId: string | null;
  channel: (typeof COMPLAINT_CHANNELS)[number];
  severity: (typeof COMPLAINT_SEVERITIES)[number];
  description: string;
  receivedAt: string;
  targetHours: number | null;
  firstRespondedAt: string | null;
  response: string | null;
  resolvedAt: string | null;
  resolution: string | null;
  status: ComplaintStatus;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** An order (or a revenue figure for a period) — feeds trailing-12-month revenue and counts as activity for lapse. */
export const OrderRecord = z.object({
  accountId: Id,
  day: CalendarDay,
  amount: z.number({ message: 'validation.notANumber' }).finite({ message: 'validation.notANumber' }).nonnegative({ message: 'validation.negative' }),
  reference: optionalText(200),
});
export type OrderRecord = z.input<typeof OrderRecord>;
export interface Order {
  id: string;
  accountId: string;
  day: string;
  amount: number;
  reference: string | null;
  createdAt: string;
}

export const GreetingMark = z.object({
  /** the agenda item's key (`date:<id>:<day>`, `festival:<id>:<contactId>:<day>`) */
  key: StorableText.min(1).max(300),
  accountId: Id,
  contactId: Id.nullable().default(null),
  familyMemberId: Id.nullable().default(null),
  dateId: Id.nullable().default(null),
  festivalId: z.enum(FESTIVAL_IDS).nullable().default(null),
  occurrenceDay: CalendarDay,
  channel: z.enum(GREETING_CHANNELS, { message: 'validation.invalidChoice' }),
  gift: optionalText(500),
  note: optionalText(2000),
});
export type GreetingMark = z.input<typeof GreetingMark>;
export interface Greeting {
  id: string;
  key: string;
  accountId: string;
  contactId: string | null;
  familyMemberId: string | null;
  dateId: string | null;
  festivalId: string | null;
  occurrenceDay: string;
  channel: (typeof GREETING_CHANNELS)[number];
  gift: string | null;
  note: string | null;
  greetedAt: string;
}

export const SnoozeSet = z.object({ key: StorableText.min(1).max(300), untilDay: CalendarDay }).strict();

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.invalidTime' });
const days = (max: number) => z.number({ message: 'validation.notANumber' }).int({ message: 'validation.wholeNumber' }).min(0, { message: 'validation.leadDaysRange' }).max(max, { message: 'validation.leadDaysRange' });

/** Who gets festival greetings: key contacts of A-tier accounts (default), all key contacts, or only contacts flagged one by one. */
export const FESTIVAL_RECIPIENT_RULES = ['key_contacts_of_a', 'all_key_contacts', 'chosen_contacts'] as const;

export const ReminderSettings = z.object({
  /** maximum gap per tier (the ideal is `Settings.cadence`) */
  cadenceMaximum: z.object({ A: days(365), B: days(365), C: days(365) }),
  hardCapDays: days(365),
  /** contact kinds that restart the cadence clock */
  countingKinds: z.array(z.enum(CONTACT_KINDS)).min(1, { message: 'validation.required' }),
  lapseThresholdDays: days(3650),
  complaintTargetHours: z.number({ message: 'validation.notANumber' }).positive({ message: 'validation.targetHoursRange' }).max(720, { message: 'validation.targetHoursRange' }),
  defaultLeadDays: days(60),
  leadDaysByKind: z.partialRecord(z.enum(DATE_KINDS), days(60)),
  festivalIds: z.array(z.enum(FESTIVAL_IDS)),
  festivalLeadDays: days(60),
  festivalRecipients: z.enum(FESTIVAL_RECIPIENT_RULES),
  notificationsEnabled: z.boolean(),
  digestTime: clock,
  quietHours: z.object({ from: clock, to: clock }).nullable(),
  visitReminderMinutes: z.number().int().min(0).max(1440).nullable(),
  /** tiers whose accounts' key contacts get festival greetings under `key_contacts_of_a` */
  festivalTiers: z.array(z.enum(TIERS)).default(['A']),
  /** days after a reply by which a replied complaint that is not resolved is followed up */
  complaintFollowUpDays: z.number({ message: 'validation.notANumber' }).int({ message: 'validation.wholeNumber' }).min(1, { message: 'validation.leadDaysRange' }).max(60, { message: 'validation.leadDaysRange' }).default(2),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  cadenceMaximum: { A: 21, B: 45, C: 90 },
  hardCapDays: 90,
  countingKinds: ['routine', 'complaint_follow_up', 'executive', 'delivery', 'training', 'survey'],
  lapseThresholdDays: 180,
  complaintTargetHours: 6,
  defaultLeadDays: 3,
  leadDaysByKind: {},
  festivalIds: FESTIVAL_IDS.filter((id) => id !== 'christmas'),
  festivalLeadDays: 3,
  festivalRecipients: 'key_contacts_of_a',
  notificationsEnabled: true,
  digestTime: '08:30',
  quietHours: { from: '21:00', to: '07:30' },
  visitReminderMinutes: 60,
  festivalTiers: ['A'],
  complaintFollowUpDays: 2,
};
