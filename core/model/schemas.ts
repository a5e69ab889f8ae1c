/**
 * Zod schemas for every entity and every input the app API accepts.
 * Error messages are i18n keys (namespace `validation`), never prose, so the UI can translate them.
 */
import { z } from 'zod';
import { WorkingHours } from './workingHours.js';
import { CurrencySetting } from './currency.js';
import {
  ACCOUNT_SORTS,
  ACCOUNT_STATUSES,
  CALENDARS,
  CONTACT_ROLES,
  DATE_KINDS,
  FAMILY_RELATIONS,
  LANGUAGES,
  TIERS,
  TIER_SOURCES,
  CONTACT_KINDS,
  VISIT_STATUSES,
} from './enums.js';
import { validateYearlyDate } from '../calendar/validate.js';
import { ReminderSettings } from './reminders.js';
import { GreetingTemplates } from './greetingTemplates.js';

export { CalendarDay, Id, Instant, StorableText } from './primitives.js';
import { CalendarDay, Id, Instant, optionalText, requiredText, StorableText } from './primitives.js';

/**
 * A patch schema: every field optional and without its default. (`.partial()` keeps `.default()`s,
 * so a patch of one field would come out of parsing with every defaulted field reset.)
 */
function patchOf<Shape extends z.ZodRawShape>(fields: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(fields.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType)).optional()]),
  );
  return z.object(shape) as unknown as z.ZodType<Partial<z.output<typeof fields>>, Partial<z.input<typeof fields>>>;
}

/** Columns every synced row carries. */
export const SyncedRow = z.object({
  id: Id,
  createdAt: Instant,
  updatedAt: Instant,
  deletedAt: Instant.nullable(),
});

// ---------- accounts ----------
export const AccountFields = z.object({
  name: requiredText(200),
  tier: z.enum(TIERS, { message: 'validation.invalidChoice' }),
  tierSource: z.enum(TIER_SOURCES).default('manual'),
  status: z.enum(ACCOUNT_STATUSES, { message: 'validation.invalidChoice' }).default('active'),
  industry: optionalText(100),
  city: optionalText(100),
  address: optionalText(300),
  longTermContract: z.boolean().default(false),
  strategic: z.boolean().default(false),
  annualRevenue: z
    .number({ message: 'validation.notANumber' })
    .finite({ message: 'validation.notANumber' })
    .nonnegative({ message: 'validation.negative' })
    .nullable()
    .default(null),
  cadenceDays: z
    .number({ message: 'validation.notANumber' })
    .int({ message: 'validation.wholeNumber' })
    .min(1, { message: 'validation.cadenceRange' })
    .max(365, { message: 'validation.cadenceRange' })
    .nullable()
    .default(null),
  interests: optionalText(2000),
  notes: optionalText(10000),
  externalId: optionalText(200),
});
export type AccountFields = z.infer<typeof AccountFields>;
export const AccountCreate = AccountFields;
export type AccountCreate = z.input<typeof AccountCreate>;
export const AccountPatch = patchOf(AccountFields);
export type AccountPatch = z.input<typeof AccountPatch>;

export const Account = SyncedRow.extend(AccountFields.shape).extend({
  archivedAt: Instant.nullable(),
});
export type Account = z.infer<typeof Account>;

export const AccountListQuery = z.object({
  search: StorableText.max(100).optional(),
  tiers: z.array(z.enum(TIERS)).optional(),
  statuses: z.array(z.enum(ACCOUNT_STATUSES)).optional(),
  cities: z.array(StorableText.max(100)).optional(),
  sort: z.enum(ACCOUNT_SORTS).default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  includeArchived: z.boolean().default(false),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});
export type AccountListQuery = z.input<typeof AccountListQuery>;

export interface AccountListRow {
  id: string;
  name: string;
  tier: 'A' | 'B' | 'C';
  tierSource: 'manual' | 'suggested';
  status: (typeof ACCOUNT_STATUSES)[number];
  city: string | null;
  industry: string | null;
  longTermContract: boolean;
  strategic: boolean;
  archivedAt: string | null;
  /** Instant of the most recent completed visit, if any. */
  lastVisitAt: string | null;
  contactCount: number;
  /** who owns the account once synced (a lead's app lists the team's reps' accounts, read-only); null before */
  ownerId?: string | null;
  ownerName?: string | null;
  /** true when this app may not change it (another rep's account in a lead's app); see db/repo/readOnly.ts */
  readOnly?: boolean;
}

// ---------- contacts ----------
export const ContactFields = z.object({
  accountId: Id,
  name: requiredText(100),
  title: optionalText(100),
  role: z.enum(CONTACT_ROLES, { message: 'validation.invalidChoice' }).nullable().default(null),
  phone: StorableText
    .trim()
    .max(40, { message: 'validation.tooLong' })
    .regex(/^[+()\d\s-]*$/, { message: 'validation.invalidPhone' })
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  email: z
    .union([z.literal(''), z.string().trim().email({ message: 'validation.invalidEmail' })])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  wechat: optionalText(100),
  interests: optionalText(2000),
  isKey: z.boolean().default(false),
});
export const ContactPatch = patchOf(ContactFields.omit({ accountId: true }));
export type ContactPatch = z.input<typeof ContactPatch>;
export const Contact = SyncedRow.extend(ContactFields.shape);
export type Contact = z.infer<typeof Contact>;

export const FamilyMemberFields = z.object({
  contactId: Id,
  name: requiredText(100),
  relation: z.enum(FAMILY_RELATIONS, { message: 'validation.invalidChoice' }),
  notes: optionalText(1000),
});
export const FamilyMemberCreate = FamilyMemberFields;
export type FamilyMemberCreate = z.input<typeof FamilyMemberCreate>;
export const FamilyMemberPatch = patchOf(FamilyMemberFields.omit({ contactId: true }));
export type FamilyMemberPatch = z.input<typeof FamilyMemberPatch>;
export const FamilyMember = SyncedRow.extend(FamilyMemberFields.shape);
export type FamilyMember = z.infer<typeof FamilyMember>;

// ---------- important dates ----------
/** A date that recurs every year, in either calendar. For lunar dates `year` is the lunar year. */
export const YearlyDateFields = z.object({
  calendar: z.enum(CALENDARS),
  month: z.number().int().min(1, { message: 'validation.monthRange' }).max(12, { message: 'validation.monthRange' }),
  day: z.number().int().min(1, { message: 'validation.dayRange' }).max(31, { message: 'validation.dayRange' }),
  isLeapMonth: z.boolean().default(false),
  year: z.number().int().min(1900, { message: 'validation.yearRange' }).max(2100, { message: 'validation.yearRange' }).nullable().default(null),
});
export type YearlyDate = z.infer<typeof YearlyDateFields>;

const importantDateShape = z.object({
  accountId: Id,
  contactId: Id.nullable().default(null),
  familyMemberId: Id.nullable().default(null),
  kind: z.enum(DATE_KINDS, { message: 'validation.invalidChoice' }),
  label: optionalText(100),
  leadDays: z.number().int().min(0, { message: 'validation.leadDaysRange' }).max(60, { message: 'validation.leadDaysRange' }).nullable().default(null),
}).extend(YearlyDateFields.shape);

function refineYearlyDate(v: Partial<YearlyDate> & { kind?: string; label?: string | null }, ctx: z.RefinementCtx) {
  if (v.calendar !== undefined && v.month !== undefined && v.day !== undefined) {
    const problem = validateYearlyDate({
      calendar: v.calendar,
      month: v.month,
      day: v.day,
      isLeapMonth: v.isLeapMonth ?? false,
      year: v.year ?? null,
    });
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.messageKey });
  }
  if (v.kind === 'custom' && !v.label) ctx.addIssue({ code: 'custom', path: ['label'], message: 'validation.labelRequired' });
}

export const ImportantDateCreate = importantDateShape.superRefine(refineYearlyDate);
export type ImportantDateCreate = z.input<typeof ImportantDateCreate>;

/**
 * A new contact, with the birthday if the rep knows it (Gregorian or lunar): saved as the contact's
 * `birthday` important date in the same transaction (see db/service/people.ts).
 */
export const ContactCreate = ContactFields.extend({
  birthday: YearlyDateFields.superRefine(refineYearlyDate).nullable().optional(),
});
export type ContactCreate = z.input<typeof ContactCreate>;
/** A patch replaces the whole date (calendar, month, day, leap, year) so it can be validated as one. */
export const ImportantDatePatch = importantDateShape
  .omit({ accountId: true, contactId: true, familyMemberId: true })
  .superRefine(refineYearlyDate);
export type ImportantDatePatch = z.input<typeof ImportantDatePatch>;
export const ImportantDate = SyncedRow.extend(importantDateShape.shape);
export type ImportantDate = z.infer<typeof ImportantDate>;

// ---------- visits ----------
export const VisitPlan = z.object({
  accountId: Id,
  kind: z.enum(CONTACT_KINDS, { message: 'validation.invalidChoice' }).default('routine'),
  plannedAt: Instant,
  purpose: optionalText(1000),
});
export type VisitPlan = z.input<typeof VisitPlan>;

/** Completes a planned visit, or (without `visitId`) records one that was never planned. */
export const VisitLog = z.object({
  visitId: Id.optional(),
  accountId: Id,
  kind: z.enum(CONTACT_KINDS, { message: 'validation.invalidChoice' }).default('routine'),
  doneAt: Instant,
  metContactIds: z.array(Id).max(50).default([]),
  outcome: optionalText(5000),
  nextStep: optionalText(2000),
  nextVisitDate: CalendarDay.nullable().default(null),
  /** Optional note written with the visit: stored as a note tied to it. */
  note: optionalText(20000),
});
export type VisitLog = z.input<typeof VisitLog>;

export const Visit = SyncedRow.extend({
  accountId: Id,
  kind: z.enum(CONTACT_KINDS),
  status: z.enum(VISIT_STATUSES),
  plannedAt: Instant.nullable(),
  doneAt: Instant.nullable(),
  cancelledAt: Instant.nullable(),
  purpose: StorableText.nullable(),
  metContactIds: z.array(Id),
  outcome: StorableText.nullable(),
  nextStep: StorableText.nullable(),
  nextVisitDate: z.string().nullable(),
});
export type Visit = z.infer<typeof Visit>;

/** Moves a planned visit to another time. */
export const VisitReschedule = z.object({ id: Id, plannedAt: Instant });
export type VisitReschedule = z.input<typeof VisitReschedule>;

/** A done visit's record: what `visits.log` wrote (its note aside), and what `visits.edit` corrects. */
export const VISIT_RECORD_FIELDS = ['kind', 'doneAt', 'metContactIds', 'outcome', 'nextStep', 'nextVisitDate'] as const;
export type VisitRecord = Pick<Visit, (typeof VISIT_RECORD_FIELDS)[number]>;

/** Corrects a done visit's record; the visit keeps its history (`visits.revisions`). */
export const VisitEdit = VisitLog.omit({ visitId: true, accountId: true, note: true }).extend({ id: Id });
export type VisitEdit = z.input<typeof VisitEdit>;

/** One state of a done visit's record in its local history. */
export interface VisitRevision {
  visitId: string;
  revision: number;
  record: VisitRecord;
  createdAt: string;
}

// ---------- notes ----------
export const NoteCreate = z.object({
  accountId: Id,
  visitId: Id.nullable().default(null),
  contactId: Id.nullable().default(null),
  body: requiredText(20000),
});
export type NoteCreate = z.input<typeof NoteCreate>;
export const NoteUpdate = z.object({ id: Id, body: requiredText(20000) });
export type NoteUpdate = z.input<typeof NoteUpdate>;
export const Note = SyncedRow.extend({
  accountId: Id,
  visitId: Id.nullable(),
  contactId: Id.nullable(),
  body: StorableText,
  revision: z.number().int(),
});
export type Note = z.infer<typeof Note>;
export interface NoteRevision {
  noteId: string;
  revision: number;
  body: string;
  /** null for the revision that deleted the note */
  createdAt: string;
  deleted: boolean;
}

// ---------- settings ----------
export const CadencePolicy = z.object({
  A: z.number().int().min(1, { message: 'validation.cadenceRange' }).max(365, { message: 'validation.cadenceRange' }),
  B: z.number().int().min(1, { message: 'validation.cadenceRange' }).max(365, { message: 'validation.cadenceRange' }),
  C: z.number().int().min(1, { message: 'validation.cadenceRange' }).max(365, { message: 'validation.cadenceRange' }),
});
export type CadencePolicy = z.infer<typeof CadencePolicy>;
export const DEFAULT_CADENCE: CadencePolicy = { A: 14, B: 30, C: 90 };

export const Settings = z.object({
  language: z.enum(LANGUAGES),
  repName: StorableText.trim().max(100),
  onboarded: z.boolean(),
  cadence: CadencePolicy,
  /** what reminds the rep, and when; defaults in `core/model/reminders.ts` */
  reminders: ReminderSettings,
  /** the hours "Plan my week" plans inside; absent until the rep changes them (`DEFAULT_WORKING_HOURS`) */
  workingHours: WorkingHours.optional(),
  /** the currency revenue is shown in (`core/model/currency.ts`); yuan until the rep picks another */
  currency: CurrencySetting.optional(),
  /** the rep's greeting templates (on this computer only); absent or null: the built-in ones (`core/model/greetingTemplates.ts`) */
  greetingTemplates: GreetingTemplates.optional(),
});
export type Settings = z.infer<typeof Settings>;
export const SettingsPatch = Settings.partial().extend({
  repName: requiredText(100).optional(),
  /** any subset of the reminder settings; the service merges it over the current ones */
  reminders: patchOf(ReminderSettings).optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;
