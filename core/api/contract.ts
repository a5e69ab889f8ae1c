/**
 * The one app API. The renderer calls it; one Node implementation (`db/service`) serves it;
 * two transports carry it (Electron IPC, local HTTP for browser mode). Every method takes exactly
 * one argument, validated against `apiInputs[method]` by the transport before the service runs.
 */
import { z } from 'zod';
import type { ApiErrorBody } from './errors.js';
import {
  Account,
  AccountCreate,
  AccountListQuery,
  AccountListRow,
  AccountPatch,
  Contact,
  ContactCreate,
  ContactPatch,
  FamilyMember,
  FamilyMemberCreate,
  FamilyMemberPatch,
  CalendarDay,
  Id,
  ImportantDate,
  ImportantDateCreate,
  ImportantDatePatch,
  Note,
  NoteCreate,
  NoteRevision,
  NoteUpdate,
  Settings,
  SettingsPatch,
  StorableText,
  Visit,
  VisitEdit,
  VisitLog,
  VisitPlan,
  VisitReschedule,
  type VisitRevision,
} from '../model/schemas.js';
import { Instant, requiredText } from '../model/primitives.js';
import {
  COMPLAINT_STATUSES,
  ComplaintCreate,
  ComplaintRespond,
  ComplaintResolve,
  ComplaintRevert,
  GreetingMark,
  OrderRecord,
  SnoozeSet,
  type Complaint,
  type Greeting,
  type Order,
} from '../model/reminders.js';
import { AGENDA_MAX_DAYS } from '../agenda/range.js';
import type { AgendaDay } from '../agenda/types.js';
import type { TierSuggestion } from '../tiering/pareto.js';
import type { WeekPlan } from '../agenda/weekPlan.js';
import { CONTACT_KINDS, LANGUAGES, TIERS, VISIT_STATUSES, type Tier, type VisitKind, type VisitStatus } from '../model/enums.js';
import { PERIOD_PRESETS, type ReportPeriod } from '../reports/period.js';
import type { ComplaintSummary, CoverageCounts } from '../reports/coverage.js';
import { ColumnMappingSchema, type ColumnMapping, type ImportKind } from '../import/columns.js';
import type { PreviewRow } from '../import/preview.js';
import { DATE_ORDERS, type DateOrder } from '../import/dates.js';
import type { RowProblem } from '../import/issues.js';

const None = z.object({}).strict().optional();
const ById = z.object({ id: Id }).strict();
const patchOf = <T extends z.ZodTypeAny>(patch: T) => z.object({ id: Id, patch }).strict();

// ---- shapes shared by the report, export and import methods ----
/** reps to report on: owner ids, null = this device's user; omitted = the whole team */
const OwnerIds = z.array(Id.nullable()).max(1000);
/** a preset period (the one containing `day`, default today) or a custom range */
const ReportPeriodInput = z.union([
  z.object({ preset: z.enum(PERIOD_PRESETS), day: CalendarDay.optional() }).strict(),
  z
    .object({ preset: z.literal('custom'), from: CalendarDay, to: CalendarDay })
    .strict()
    .refine((period) => period.from <= period.to, { message: 'validation.invalid', path: ['to'] }),
]);
export type ReportPeriodRequest = z.output<typeof ReportPeriodInput>;
export const VISIT_LOG_SORT_KEYS = ['when', 'account', 'tier', 'city', 'rep', 'kind', 'status'] as const;
const VisitLogFilters = z
  .object({
    ownerIds: OwnerIds.optional(),
    from: CalendarDay.optional(),
    to: CalendarDay.optional(),
    tiers: z.array(z.enum(TIERS)).max(3).optional(),
    kinds: z.array(z.enum(CONTACT_KINDS)).max(20).optional(),
    statuses: z.array(z.enum(VISIT_STATUSES)).max(3).optional(),
    accountId: Id.optional(),
    city: StorableText.trim().min(1).max(100).optional(),
  })
  .strict();
/** The visit log screen's filters and order: what it shows, page after page, and what "export this list" writes. */
const VisitLogQuery = VisitLogFilters.extend({ sort: z.enum(VISIT_LOG_SORT_KEYS).optional(), descending: z.boolean().optional() }).strict();
export const EXPORT_JOB_KINDS = ['visits', 'report', 'calendar'] as const;
export type ExportJobKind = (typeof EXPORT_JOB_KINDS)[number];
export const EXPORT_JOB_FORMATS = ['csv', 'xlsx', 'pdf', 'ics'] as const;
export type ExportJobFormat = (typeof EXPORT_JOB_FORMATS)[number];
/** the formats each export comes in (the first is the default) */
export const EXPORT_FORMATS_OF: Record<ExportJobKind, readonly ExportJobFormat[]> = { visits: ['csv', 'xlsx'], report: ['pdf', 'xlsx'], calendar: ['ics'] };
/** A calendar export's choices: what it holds, and whether it is one file per rep (a zip of calendars). */
const CalendarExportChoices = z
  .object({ visits: z.boolean(), dates: z.boolean(), festivals: z.boolean(), perRep: z.boolean() })
  .strict()
  .refine((choices) => choices.visits || choices.dates || choices.festivals, { message: 'validation.required', path: ['visits'] });
export type CalendarExportChoices = z.output<typeof CalendarExportChoices>;
/** An import file travels base64-encoded; 50 MB of file is about 67 MB of base64. */
export const MAX_IMPORT_FILE_BYTES = 50 * 1024 * 1024;
const ImportFileInput = z
  .object({
    fileName: requiredText(255),
    // The exact size check (with its `import.file.tooLarge` message) is the reader's, on the decoded bytes.
    contentBase64: z.string().min(1, { message: 'validation.required' }).max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4 + 4, { message: 'validation.tooLong' }),
    mapping: ColumnMappingSchema.optional(),
    dateOrder: z.enum(DATE_ORDERS).optional(),
    /** the line of the header row the user picked (a title row above it is skipped); detected when absent */
    headerLine: z.number().int().min(1).max(1_000_000).optional(),
    /** the sheet of a workbook; the first sheet with rows when absent */
    sheet: z.string().min(1).max(255).optional(),
  })
  .strict();

export const apiInputs = {
  'app.info': None,
  'app.status': None,
  /** Recover from a database that cannot be opened: restore a backup (file name from app.status) or start empty.
   *  The broken file is always moved aside, never overwritten. With `recoveryKey` (the key `backup.recoveryKey`
   *  showed), the database as it is opens with that key instead, and this laptop keeps the key. */
  'app.recover': z.object({ backup: z.string().max(200).nullable(), recoveryKey: z.string().max(200).optional() }).strict(),
  'settings.get': None,
  'settings.update': SettingsPatch,
  'demo.load': None,
  /** whether demo data is here, and which demo accounts removing it would keep because the rep worked on them */
  'demo.status': None,
  /** removes the demo data; the rep's own rows and changes stay (and upload) */
  'demo.remove': None,
  'backup.create': None,
  /** The database key as a recovery key (groups of characters), for restoring a backup on another laptop. */
  'backup.recoveryKey': None,

  'accounts.list': AccountListQuery,
  'accounts.cities': None,
  'accounts.get': ById,
  'accounts.create': AccountCreate,
  'accounts.update': patchOf(AccountPatch),
  'accounts.archive': ById,
  'accounts.restore': ById,
  'accounts.timeline': ById,

  'contacts.create': ContactCreate,
  'contacts.update': patchOf(ContactPatch),
  'contacts.delete': ById,

  'family.create': FamilyMemberCreate,
  'family.update': patchOf(FamilyMemberPatch),
  'family.delete': ById,

  'dates.create': ImportantDateCreate,
  'dates.update': patchOf(ImportantDatePatch),
  'dates.delete': ById,
  'dates.upcoming': z.object({ from: CalendarDay, days: z.number().int().min(1).max(366) }).strict(),

  'visits.plan': VisitPlan,
  'visits.log': VisitLog,
  'visits.cancel': ById,
  'visits.reschedule': VisitReschedule,
  'visits.edit': VisitEdit,
  'visits.revisions': ById,
  /** Undo of `visits.log`, while the visit is as that call left it (`updatedAt`): a planned visit it completed
   *  is planned again (of `plannedKind`), a visit it recorded is deleted; the note it wrote goes too. */
  'visits.unlog': z.object({ id: Id, updatedAt: Instant, plannedKind: z.enum(CONTACT_KINDS).nullable() }).strict(),
  /** Undo of planning: the planned visit as `visits.plan` left it (`updatedAt`) is removed. */
  'visits.unplan': z.object({ id: Id, updatedAt: Instant }).strict(),
  'visits.upcoming': z.object({ from: z.string().datetime({ offset: true }), days: z.number().int().min(1).max(366) }).strict(),

  'notes.create': NoteCreate,
  'notes.update': NoteUpdate,
  'notes.delete': ById,
  'notes.revisions': ById,

  'search.quick': z.object({ q: StorableText.max(100) }).strict(),

  // ---- reminders and the Today agenda ----
  /** the ranked agenda for one day (default: today in the user's zone) */
  'agenda.today': z.object({ day: CalendarDay.optional() }).strict().optional(),
  'agenda.range': z.object({ from: CalendarDay, days: z.number().int().min(1).max(AGENDA_MAX_DAYS) }).strict(),
  'agenda.snooze': SnoozeSet,
  'agenda.unsnooze': z.object({ key: StorableText.min(1).max(300) }).strict(),
  'greetings.mark': GreetingMark,
  'greetings.list': z.object({ accountId: Id }).strict(),
  /** Undo of `greetings.mark`: the greeting is deleted (a synced tombstone), so the reminder shows again. */
  'greetings.undo': ById,
  'complaints.create': ComplaintCreate,
  'complaints.respond': ComplaintRespond,
  'complaints.resolve': ComplaintResolve,
  /** Undo of a reply or a resolution, while the complaint is as that call left it (`updatedAt`): its reply and
   *  resolution fields go back to `to`, as an ordinary synced change. */
  'complaints.revert': ComplaintRevert,
  /** `unresolved`: open or replied; `breached`: first reply later than its target, or none yet and past it */
  'complaints.list': z
    .object({ accountId: Id.optional(), status: z.enum(COMPLAINT_STATUSES).optional(), unresolved: z.boolean().optional(), breached: z.boolean().optional(), tier: z.enum(TIERS).optional() })
    .strict(),
  'orders.record': OrderRecord,
  'orders.list': z.object({ accountId: Id }).strict(),
  'tiers.suggestions': None,
  'tiers.accept': z.object({ accountIds: z.array(Id).min(1).max(10000) }).strict(),
  'tiers.ignore': z.object({ accountIds: z.array(Id).min(1).max(10000) }).strict(),
  /** visits for the accounts falling due in this week or next, inside the rep's working hours, from now on */
  'plan.proposeWeek': z.object({ week: z.enum(['this', 'next']).default('this') }).strict(),
  /** accepts (part of) a proposal: plans the visits in one transaction */
  'plan.acceptWeek': z.object({ visits: z.array(z.object({ accountId: Id, plannedAt: z.string().datetime({ offset: true }) }).strict()).min(1).max(200) }).strict(),
  /** notifications to show now (digest, visit reminders); the host fires each once, then calls notifications.fired */
  'notifications.due': None,
  'notifications.fired': z.object({ keys: z.array(StorableText.min(1).max(300)).min(1).max(100) }).strict(),

  // ---- sync with the team's server; tokens stay in the host, never in the renderer ----
  'sync.status': None,
  'sync.signIn': z
    .object({
      serverUrl: requiredText(500),
      username: requiredText(100),
      password: z.string().min(1, { message: 'validation.required' }).max(200, { message: 'validation.tooLong' }),
    })
    .strict(),
  'sync.signOut': None,
  /** `online`: the OS reports a network again; syncs only if the server answers /health */
  'sync.now': z.object({ trigger: z.enum(['user', 'online']).default('user') }).strict().optional(),
  'sync.conflicts': None,
  /** `noteId` is the conflict copy's id. `mine` keeps the note's text, `theirs` takes the copy's text,
   *  `both` keeps both as separate notes; `mergedBody` (whatever `keep` says) becomes the note's text. */
  'sync.resolveConflict': z
    .object({ noteId: Id, keep: z.enum(['mine', 'theirs', 'both']), mergedBody: requiredText(20000).optional() })
    .strict(),
  /** "keep the server's": forgets a refused change (the row already shows the server's copy) */
  'sync.dismissRejected': z.object({ id: z.number().int().positive() }).strict(),
  /** queues a refused change again as a new change of the row */
  'sync.retryRejected': z.object({ id: z.number().int().positive() }).strict(),
  /** puts the text of a refused note change into a new note of the same account */
  'sync.copyRejectedNote': z.object({ id: z.number().int().positive() }).strict(),
  // ---- team reports, exports and imports ----
  /** the reps whose rows this device holds, for filters and rep columns */
  'reports.reps': None,
  'reports.visitLog': VisitLogQuery.extend({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  }).strict(),
  'reports.coverage': z.object({ period: ReportPeriodInput, ownerIds: OwnerIds.optional() }).strict(),
  /** coverage by tier for the `periods` preset periods ending with the one containing `day` (a chart) */
  'reports.coverageTrend': z
    .object({ preset: z.enum(PERIOD_PRESETS), day: CalendarDay.optional(), periods: z.number().int().min(1).max(12).default(6), ownerIds: OwnerIds.optional() })
    .strict(),
  'reports.visitsPerWeek': z.object({ period: ReportPeriodInput, ownerIds: OwnerIds.optional() }).strict(),
  /** starts a background export (a worker thread); poll exports.status */
  'exports.start': z
    .object({
      kind: z.enum(EXPORT_JOB_KINDS),
      format: z.enum(EXPORT_JOB_FORMATS),
      /** the period and reps to export; or, for the visit log only, `visitLog` instead: the list as filtered and sorted on screen */
      period: ReportPeriodInput.optional(),
      ownerIds: OwnerIds.optional(),
      visitLog: VisitLogQuery.optional(),
      language: z.enum(LANGUAGES).optional(),
      /** a calendar export's contents and files; omitted: everything, one file */
      calendar: CalendarExportChoices.optional(),
    })
    .strict()
    .refine((input) => EXPORT_FORMATS_OF[input.kind].includes(input.format), { message: 'validation.invalid', path: ['format'] })
    .refine((input) => input.calendar === undefined || input.kind === 'calendar', { message: 'validation.invalid', path: ['calendar'] })
    .refine((input) => (input.visitLog === undefined ? input.period !== undefined : input.kind === 'visits' && input.period === undefined && input.ownerIds === undefined), {
      message: 'validation.invalid',
      path: ['visitLog'],
    }),
  'exports.status': z.object({ jobId: z.string().min(1).max(100) }).strict(),
  'exports.cancel': z.object({ jobId: z.string().min(1).max(100) }).strict(),
  /** a dry run of an import file: detected (or given) mapping, counts, invalid rows, duplicates; writes nothing */
  'imports.preview': ImportFileInput,
  /** imports every valid row in one transaction, or nothing (invalid rows stop it unless `skipInvalid`) */
  'imports.apply': ImportFileInput.extend({ skipInvalid: z.boolean().default(false) }).strict(),
  'imports.saveMapping': z.object({ name: requiredText(100), mapping: ColumnMappingSchema }).strict(),
  'imports.mappings': None,
} as const;

export type ApiMethod = keyof typeof apiInputs;
export const API_METHODS = Object.keys(apiInputs) as ApiMethod[];

export interface AppInfo {
  version: string;
  host: 'electron' | 'browser';
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  /** the host's calendar day (`YYYY-MM-DD`, user's zone) by its clock, so a fixed test clock drives the UI too */
  today: string;
}

export interface AccountDetail {
  account: Account;
  contacts: Contact[];
  family: FamilyMember[];
  dates: ImportantDate[];
  lastVisitAt: string | null;
  /** the owner's display name once synced (null: this device's own account, or a name the server did not give) */
  ownerName: string | null;
  /** true: another rep's account in a lead's app; every change to it is refused with `errors.readOnlyAccount` */
  readOnly: boolean;
}

/** A complaint in a list across accounts: its account, the account's tier, and its first-reply target. */
export type ComplaintListRow = Complaint & {
  accountName: string;
  tier: Tier;
  /** instant the first reply is due */
  respondBy: string;
  /** the first reply came after `respondBy`, or none came and it has passed */
  breached: boolean;
};

export type TimelineItem =
  | { type: 'visit'; at: string; visit: Visit }
  | { type: 'greeting'; at: string; greeting: Greeting }
  | { type: 'note'; at: string; note: Note }
  | { type: 'date'; at: string; date: ImportantDate };

export interface QuickSearchResult {
  accounts: AccountListRow[];
  contacts: Array<{ id: string; name: string; title: string | null; accountId: string; accountName: string }>;
}

export type AppStatus =
  | { state: 'ready' }
  | {
      state: 'problem';
      code: 'database_newer' | 'database_corrupt' | 'database_key_unknown';
      databasePath: string;
      backups: Array<{ file: string; createdAt: string; bytes: number }>;
    };

export interface UpcomingDate {
  date: ImportantDate;
  /** the Gregorian calendar day it falls on next (on or after `from`) */
  occurrence: string;
  /** years since `date.year` at that occurrence, when the year is known */
  years: number | null;
  accountName: string;
  contactName: string | null;
  familyMemberName: string | null;
}

/** What each method returns. */
export interface ApiOutputs {
  'app.info': AppInfo;
  'app.status': AppStatus;
  'app.recover': AppStatus;
  'settings.get': Settings;
  'settings.update': Settings;
  'demo.load': { accounts: number; contacts: number; visits: number; notes: number };
  'demo.status': DemoDataView;
  'demo.remove': { removed: number; keptAccounts: string[] };
  'backup.create': { path: string; bytes: number };
  'backup.recoveryKey': { recoveryKey: string };

  'accounts.list': { rows: AccountListRow[]; total: number };
  'accounts.cities': string[];
  'accounts.get': AccountDetail;
  'accounts.create': Account;
  'accounts.update': Account;
  'accounts.archive': Account;
  'accounts.restore': Account;
  'accounts.timeline': TimelineItem[];

  'contacts.create': Contact;
  'contacts.update': Contact;
  'contacts.delete': { id: string };

  'family.create': FamilyMember;
  'family.update': FamilyMember;
  'family.delete': { id: string };

  'dates.create': ImportantDate;
  'dates.update': ImportantDate;
  'dates.delete': { id: string };
  'dates.upcoming': UpcomingDate[];

  'visits.plan': Visit;
  'visits.log': Visit;
  'visits.cancel': Visit;
  'visits.reschedule': Visit;
  'visits.edit': Visit;
  'visits.revisions': VisitRevision[];
  'visits.unlog': { id: string; status: VisitStatus | 'deleted' };
  'visits.unplan': { id: string };
  'visits.upcoming': Array<Visit & { accountName: string; tier: 'A' | 'B' | 'C' }>;

  'notes.create': Note;
  'notes.update': Note;
  'notes.delete': { id: string };
  'notes.revisions': NoteRevision[];

  'search.quick': QuickSearchResult;

  'agenda.today': AgendaDay & {
    /** reminders and visits dealt with on that day: greetings marked, visits done, complaints answered */
    done: number;
  };
  'agenda.range': AgendaDay[];
  'agenda.snooze': { key: string; untilDay: string };
  'agenda.unsnooze': { key: string };
  'greetings.mark': Greeting;
  'greetings.list': Greeting[];
  'greetings.undo': { id: string };
  'complaints.create': Complaint;
  'complaints.respond': Complaint;
  'complaints.resolve': Complaint;
  'complaints.revert': Complaint;
  'complaints.list': ComplaintListRow[];
  'orders.record': Order;
  'orders.list': Order[];
  'tiers.suggestions': Array<TierSuggestion & { accountName: string; ignored: boolean }>;
  'tiers.accept': { updated: number };
  'tiers.ignore': { ignored: number };
  'plan.proposeWeek': WeekPlan;
  'plan.acceptWeek': Visit[];
  'notifications.due': Array<DueNotificationView>;
  'notifications.fired': { recorded: number };

  'sync.status': SyncStatusView;
  'sync.signIn': SyncStatusView;
  'sync.signOut': SyncStatusView;
  'sync.now': SyncNowView;
  'sync.conflicts': { notes: NoteConflictView[]; rejected: RejectedChangeView[] };
  'sync.resolveConflict': { noteId: string };
  'sync.dismissRejected': { id: number };
  'sync.retryRejected': { id: number };
  'sync.copyRejectedNote': { noteId: string };

  'reports.reps': RepView[];
  'reports.visitLog': { rows: VisitLogRowView[]; total: number };
  'reports.coverage': CoverageView;
  'reports.coverageTrend': CoverageTrendPoint[];
  'reports.visitsPerWeek': VisitsPerWeekView;
  'exports.start': { jobId: string };
  'exports.status': ExportJobView;
  'exports.cancel': ExportJobView;
  'imports.preview': ImportPreviewView;
  'imports.apply': ImportApplyView;
  'imports.saveMapping': SavedMapping[];
  'imports.mappings': SavedMapping[];
}

/** A rep whose rows this device holds; `ownerId` null = this device's user. Rows name reps by `ownerId` only. */
export interface RepView {
  ownerId: string | null;
  /** the display name from the team server (or, for this device's user, settings); null when unknown */
  name: string | null;
}

export interface VisitLogRowView {
  id: string;
  accountId: string;
  accountName: string;
  tier: Tier;
  city: string | null;
  ownerId: string | null;
  kind: VisitKind;
  status: VisitStatus;
  plannedAt: string | null;
  doneAt: string | null;
  purpose: string | null;
  contactsMet: string[];
  outcome: string | null;
  nextStep: string | null;
}

/** The period report for the screen: counts per tier and per rep, the most overdue accounts, the sections. */
export interface CoverageView {
  period: ReportPeriod;
  /** the last day evaluated (`to`, or today for a running period); null for a period not yet begun */
  evaluatedTo: string | null;
  total: CoverageCounts;
  byTier: Record<Tier, CoverageCounts>;
  byRep: Array<{ ownerId: string | null; counts: CoverageCounts }>;
  /** most overdue first, at most 200 */
  overdue: Array<{ accountId: string; accountName: string; tier: Tier; ownerId: string | null; lastVisitDay: string | null; daysOverdue: number }>;
  overdueTotal: number;
  complaints: ComplaintSummary;
  lifecycle: { lapsed: number; wonBack: number };
  greetings: { due: number; done: number };
}

export interface CoverageTrendPoint {
  period: ReportPeriod;
  byTier: Record<Tier, { due: number; withinCadence: number }>;
}

export interface VisitsPerWeekView {
  /** Monday of each week touching the period */
  weeks: string[];
  /** completed visits per rep, one count per week */
  reps: Array<{ ownerId: string | null; counts: number[] }>;
}

export interface ExportJobView {
  jobId: string;
  kind: ExportJobKind;
  format: ExportJobFormat;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  /** when done: the file's name in `<dataDir>/exports/` and its full path (a calendar per rep: a .zip) */
  file: { name: string; path: string } | null;
  /** when failed: an i18n key (`team:export.errors.*`) */
  error: string | null;
}

export interface ImportPreviewView {
  headers: string[];
  /** the mapping used: the one given, else detected from the headers */
  mapping: ColumnMapping;
  kind: ImportKind;
  /** how the file was read (`utf-8`, `gb18030`, a sheet name) */
  source: string;
  rows: number;
  counts: { new: number; updated: number; unchanged: number; invalid: number };
  /** sorted by line; keys in the `import` namespace (`import.*`, `validation.*`) */
  invalid: RowProblem[];
  /** problems beyond the listed ones */
  invalidNotListed: number;
  duplicates: Array<{ line: number; against: 'file' | 'database'; by: string; firstLine?: number }>;
  /** the line of the header row used: the one given, else detected */
  headerLine: number;
  /** the first rows of the file as text, to pick another header row from */
  headerCandidates: Array<{ line: number; cells: string[] }>;
  /** the first data rows, each mapped cell raw and as it will be read */
  sample: PreviewRow[];
  /** a workbook's sheets (the one read is `source`); empty for CSV */
  sheets: string[];
  /** no column is mapped to the account name: nothing can be imported until one is (counts are all 0) */
  needsAccountName: boolean;
}

export interface ImportApplyView extends ImportPreviewView {
  /** false: invalid rows and no `skipInvalid`; nothing was written */
  imported: boolean;
}

export interface SavedMapping {
  name: string;
  mapping: ColumnMapping;
}

export type { DateOrder };

/** The always-visible sync status. */
/** Why a database file got a new client identity: a backup or older file put back, or a copy from another folder or laptop. */
export type IdentityReset = 'restored' | 'copied';

export interface SyncStatusView {
  state: 'signed_out' | 'online' | 'offline';
  /** a sync is running now */
  running: boolean;
  /** what the running sync is doing: sending this laptop's changes, or receiving the team's */
  activity?: 'sending' | 'receiving';
  /**
   * how this laptop hears of the team's changes while signed in: `live` (the server tells it at once),
   * `connecting` (opening that connection), `polling` (it cannot be held: the app asks every 30 s)
   */
  updates?: 'live' | 'connecting' | 'polling';
  /** grows each time a sync changed what this laptop shows (rows arrived, a change was refused): screens reload */
  dataVersion?: number;
  /** local changes not yet on the server */
  pending: number;
  lastSyncedAt: string | null;
  /**
   * rows pulled so far by the running sync (`total` when the server says); a first sync says its phase:
   * the rows Today needs (`today`), then everything (`all`)
   */
  progress: { done: number; total?: number; phase?: 'today' | 'all' } | null;
  /** i18n key of the last failure (`sync:errors.*`); null after a success */
  lastError: string | null;
  serverUrl: string | null;
  user: { id: string; username: string; displayName: string; role: 'rep' | 'lead' | 'admin'; teamName: string } | null;
  /** open note conflicts plus rejected changes (the inbox badge) */
  conflicts: number;
  /** this database file got a new client identity (a backup put back, a copy from elsewhere): sign in again */
  identityReset?: IdentityReset;
}

/** What one sync did: changes sent and received, and what the server refused. */
export interface SyncRunView {
  pushed: number;
  pulled: number;
  /** received rows that brought something new to this laptop */
  changed: number;
  /** changes of this laptop the server refused in this sync (now in the conflicts inbox) */
  rejected: number;
  /** unresolved note conflicts after it */
  conflicts: number;
  /** the server asked for a full resync, and got it */
  reset: boolean;
}

/** Why a sync failed, in the words the app and `rounds sync` show. */
export interface SyncFailureView {
  /** `offline`, `signed_out`, `device_revoked`, `forbidden`, `upgrade_required`, `server`, `disk_full`, … */
  code: string;
  /** i18n key of the message (`sync:errors.<code>`, or `common:errors.disk_full`) */
  message: string;
  params?: Record<string, string | number>;
  /** what the connection or the server said besides, when it said more than the code */
  detail?: string;
}

/** The status after a "sync now", with what that sync did (`run`) or why it failed (`failure`); both null when none ran. */
export interface SyncNowView extends SyncStatusView {
  run: SyncRunView | null;
  failure: SyncFailureView | null;
}

export interface NoteConflictView {
  /** the conflict copy: the other version of the text */
  copy: Note;
  /** the note as it stands; null when it was deleted meanwhile */
  current: Note | null;
  accountId: string;
  accountName: string;
}

/** A change of this device the server refused; kept until the user dismisses it. */
export interface RejectedChangeView {
  id: number;
  mutationId: number;
  table: string;
  rowId: string;
  op: 'upsert' | 'delete';
  fields: Record<string, unknown>;
  reason: 'invalid' | 'forbidden' | 'not_found' | 'deleted' | 'too_large';
  /** i18n key from the server, if any */
  message: string | null;
  changedAt: string;
  rejectedAt: string;
  /** which row it was, named from this laptop's copy (or from the fields tried when the row is gone) */
  about: RejectedChangeSubject;
}

export interface RejectedChangeSubject {
  accountId: string | null;
  accountName: string | null;
  /** the contact or family member the row is, or is about */
  personName: string | null;
  /** what tells the row apart in time: a visit's time, an order's or greeting's day, when a note or complaint was written */
  when: string | null;
  /** for each field tried, the value this laptop has now (the server's copy, once refused); null when the row is gone */
  current: Record<string, unknown> | null;
  /** the row is still here, so the change can be sent again */
  canRetry: boolean;
  /** a note text that can go into a new note of its account */
  canCopyText: boolean;
}

/** Demo data on this laptop: it is never uploaded. */
export interface DemoDataView {
  present: boolean;
  /** demo accounts that removal keeps as the rep's own, because the rep wrote or changed something there */
  keptAccounts: string[];
}

/** A notification to show: what it is about, never prose (the host or renderer translates it). */
export interface DueNotificationView {
  key: string;
  kind: 'digest' | 'visit';
  fireAt: string;
  /** digest: counts by agenda item kind; visit: the visit and its account */
  digest: { total: number; complaints: number; visits: number; overdue: number; dates: number } | null;
  visit: { id: string; accountId: string; accountName: string; plannedAt: string } | null;
}

export type ApiInput<M extends ApiMethod> = z.input<(typeof apiInputs)[M]>;
export type ApiParsedInput<M extends ApiMethod> = z.output<(typeof apiInputs)[M]>;

/** The typed client the renderer holds: one function per method. */
export type RoundsApi = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiOutputs[M]> };

/** The server side: one handler per method, given validated input. */
export type ApiHandlers = { [M in ApiMethod]: (input: ApiParsedInput<M>) => ApiOutputs[M] | Promise<ApiOutputs[M]> };

/** What a transport carries back. Errors travel as data because Electron's contextBridge strips an
 *  Error subclass down to its message (no code, no issues). */
export type ApiResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** The Electron preload's `window.rounds`: one function per method, resolving to an `ApiResult`. */
export type RoundsBridge = { [M in ApiMethod]: (input: ApiInput<M>) => Promise<ApiResult<ApiOutputs[M]>> };

/** Where a click on a desktop notification takes the user (sent by the main process to the renderer). */
export type NavigateTarget = { screen: 'today' } | { screen: 'account'; accountId: string; visitId: string | null };

/** The Electron preload's whole `window.rounds`: the API plus the main process's navigation requests. */
export type RoundsPreload = RoundsBridge & {
  /** calls `callback` for each request to open an item; returns a function that stops listening */
  onNavigate(callback: (target: NavigateTarget) => void): () => void;
};
