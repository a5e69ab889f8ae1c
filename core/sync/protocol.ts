/**
 * The sync protocol between a Rounds client and the sync server (docs/ARCHITECTURE.md "Sync"): push batches of
 * mutations, pull rows changed since a cursor. Both sides validate every message with these schemas.
 *
 * Field names inside `fields` / `data` are the camelCase names of `core/model` (never SQL column names),
 * so the two stores (SQLite on the laptop, PostgreSQL on the server) can differ in layout.
 */
import { z } from 'zod';
import { CONTACT_KINDS, TIERS } from '../model/enums.js';
import { CalendarDay, StorableText } from '../model/primitives.js';

/** Bumped on any incompatible change; the server refuses other versions with `426 upgrade_required`. */
export const SYNC_PROTOCOL_VERSION = 1;

export const SYNCED_TABLES = [
  'accounts',
  'contacts',
  'family_members',
  'important_dates',
  'visits',
  'notes',
  'complaints',
  'orders',
  'greetings',
] as const;
export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Limits the server enforces (a larger message is a 413, nothing applied). */
export const SYNC_LIMITS = {
  mutationsPerPush: 500,
  fieldsBytesPerMutation: 64 * 1024,
  pullPageMax: 5000,
  /** the largest request body the server reads (a bigger push is split by the client) */
  requestBytes: 4 * 1024 * 1024,
  /** how deep a request body may nest arrays and objects (a push needs 5): deeper is a 400, before any schema or the store sees it */
  bodyDepth: 32,
} as const;

const Uuid = z.string().uuid();

export const Mutation = z
  .object({
    /** per-client, strictly increasing; the server skips ids it has already applied */
    mutationId: z.number().int().positive(),
    table: z.enum(SYNCED_TABLES),
    rowId: Uuid,
    op: z.enum(['upsert', 'delete']),
    /** only the fields this change set (camelCase); empty for a delete */
    fields: z.record(z.string().max(64), z.unknown()),
    /** the server version of the row this change was made on; null for a row the client created */
    baseVersion: z.number().int().nonnegative().nullable(),
    /** the client's clock when the change was made: shown to people, never used for ordering */
    clientTime: z.string().datetime({ offset: true }),
  })
  .strict();
export type Mutation = z.infer<typeof Mutation>;

export const PushRequest = z
  .object({
    protocolVersion: z.number().int(),
    /** one per installation (device), chosen by the client */
    clientId: Uuid,
    mutations: z.array(Mutation).max(SYNC_LIMITS.mutationsPerPush),
    /**
     * The last mutation id of the batch this one follows, when the client sends it before that batch's
     * answer (pipelining). The server applies this batch only once it has processed up to `after`;
     * otherwise it answers `409 out_of_order` and applies nothing, so a lost earlier batch is never
     * mistaken for one already applied.
     */
    after: z.number().int().positive().optional(),
    /**
     * The highest mutation id the server has confirmed to this client, as the client's database
     * remembers it. It only grows; a request with less than the server saw comes from an older copy of
     * that database and is refused with `stale_copy` (the copy then signs in as a new device).
     */
    acknowledged: z.number().int().nonnegative().optional(),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequest>;

export const REJECTION_REASONS = ['invalid', 'forbidden', 'not_found', 'deleted'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface MutationResult {
  mutationId: number;
  /** `duplicate`: already applied by an earlier push (a retry) — treated as applied */
  status: 'applied' | 'duplicate' | 'rejected';
  reason?: RejectionReason;
  /** i18n key of the reason, for the rejected-changes inbox */
  message?: string;
  /** the row's server version after this mutation */
  version?: number;
  /** a note edited concurrently elsewhere: the incoming text was kept as this conflict copy */
  conflictCopyId?: string;
  /**
   * rejected: the row as the server has it, when it exists and the client may read it, so the client
   * puts its copy back instead of showing a change that was never saved (a tombstone for `deleted`)
   */
  current?: PulledRow;
}

export interface PushResponse {
  results: MutationResult[];
  /** the highest mutation id of this client the server has processed */
  lastMutationId: number;
}

/** How far ahead the priority phase looks by default (important dates, planned visits). */
export const PRIORITY_DAYS = 30;
/** The laptop's today a priority phase accepts: the window (up to 92 days) stays inside the lunar tables. */
export const PRIORITY_FIRST_DAY = '1901-01-01';
export const PRIORITY_LAST_DAY = '2100-12-31';

/**
 * The priority phase of a first sync: instead of rows in version order, the rows a rep needs today —
 * every account, each account's latest completed visit (of any kind, and of the kinds its cadence
 * counts) and latest order, planned visits from `day` on, open complaints, important dates whose next
 * occurrence falls within `days` (or the date's own lead time, when longer) with their people, key
 * contacts of A-tier accounts (whom Today's festival greetings go to), and the past year's greetings
 * of those dates and contacts and any greeted today. Paged with a cursor of
 * its own (`after`: the previous answer's `cursor`); the answer says `priority: true`. The full pull
 * from a null cursor follows and brings everything, these rows again included.
 */
export const PullPriority = z
  .object({
    /**
     * the laptop's today, in its own time zone: a day the calendar's tables cover (lunar years
     * 1899–2101), so the server can tell which lunar dates fall in the window rather than fail
     */
    day: CalendarDay.refine((day) => day >= PRIORITY_FIRST_DAY && day <= PRIORITY_LAST_DAY, { message: 'validation.invalidDate' }),
    days: z.number().int().min(1).max(92).default(PRIORITY_DAYS),
    /** the `cursor` of the previous priority answer; null for the first page */
    after: z.string().max(200).nullable().default(null),
    /**
     * The visit kinds the laptop's cadence counts (a setting of the laptop): each account's latest
     * completed visit of these kinds comes besides its latest of any kind. Absent: the latest of each kind.
     */
    countingKinds: z.array(z.enum(CONTACT_KINDS)).min(1).max(CONTACT_KINDS.length).optional(),
    /** whose key contacts the laptop greets at festivals: accounts of these tiers (default A) */
    keyContactTiers: z.array(z.enum(TIERS)).max(TIERS.length).default(['A']),
  })
  .strict();
export type PullPriority = z.infer<typeof PullPriority>;

export const PullRequest = z
  .object({
    protocolVersion: z.number().int(),
    clientId: Uuid,
    /** opaque; null for a first (full) sync */
    cursor: z.string().max(200).nullable(),
    limit: z.number().int().min(1).max(SYNC_LIMITS.pullPageMax).default(1000),
    /** ask how many rows the whole pull brings (the first page of a pull; counting costs the server a scan) */
    withTotal: z.boolean().default(false),
    /**
     * The highest mutation id the server has confirmed to this client, as the client's database
     * remembers it. It only grows; a request with less than the server saw comes from an older copy of
     * that database and is refused with `stale_copy` (the copy then signs in as a new device).
     */
    acknowledged: z.number().int().nonnegative().optional(),
    /**
     * A first sync's priority phase (see `PullPriority`): the rows the laptop's Today needs, before the
     * full pull. Optional and only sent by newer clients; a server without it refuses the request (400).
     */
    priority: PullPriority.optional(),
  })
  .strict();
export type PullRequest = z.infer<typeof PullRequest>;

export interface PulledRow {
  table: SyncedTable;
  id: string;
  version: number;
  ownerId: string;
  /** all fields of the row (camelCase), tombstones included (`deletedAt` set) */
  data: Record<string, unknown>;
}

export interface PullResponse {
  rows: PulledRow[];
  cursor: string;
  hasMore: boolean;
  /** the highest mutation id of this client the server has processed (so the client can clear its outbox) */
  lastMutationId: number;
  /** the cursor is older than the tombstone purge window: drop local synced data and pull from null */
  resetRequired: boolean;
  /** when asked (`withTotal`): how many rows this whole pull (all pages from the request's cursor; of a priority phase, all its pages) returns, for a progress bar */
  total?: number;
  /** an answer to `PullRequest.priority`: `cursor` continues the priority phase, not the pull (a server that ignores the field answers a plain first page) */
  priority?: true;
  /** optional: display names of the owners of the rows on this page (a lead's app shows whose account it is); a lead's pull also names every active rep of the team */
  owners?: Array<{ id: string; displayName: string }>;
}

export const LoginRequest = z
  .object({
    // The server looks the name up and stores the device's: PostgreSQL text cannot hold everything a JS string can.
    username: StorableText.trim().min(1).max(100),
    password: z.string().min(1).max(200),
    deviceName: StorableText.trim().min(1).max(100),
    clientId: Uuid,
    /**
     * The client id this database had before it was recognised as a restored backup or a copy (it now
     * signs in under a new one). The answer says how far the server got with it, so the client drops
     * what the server already has and sends the rest again.
     */
    previousClientId: Uuid.optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const USER_ROLES = ['rep', 'lead', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: UserRole;
  teamId: string;
  teamName: string;
}

export interface LoginResponse {
  accessToken: string;
  /** seconds */
  accessExpiresIn: number;
  refreshToken: string;
  user: SessionUser;
  /** with `previousClientId` of the same user: the last mutation id the server processed for it (0: none) */
  previousLastMutationId?: number;
}

export const RefreshRequest = z.object({ refreshToken: z.string().min(10).max(500) }).strict();

/** Error body of every non-2xx answer. */
export interface SyncErrorBody {
  error: 'invalid' | 'unauthorized' | 'forbidden' | 'not_found' | 'out_of_order' | 'stale_copy' | 'payload_too_large' | 'upgrade_required' | 'too_many_attempts' | 'internal';
  /** i18n key */
  message: string;
  /** too_many_attempts: seconds until another attempt is considered (also the `Retry-After` header) */
  retryAfter?: number;
  issues?: Array<{ path: (string | number)[]; message: string }>;
}
