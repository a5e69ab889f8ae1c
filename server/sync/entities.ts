/**
 * What the server accepts in a mutation's `fields`, per synced table, built from the entity schemas of
 * `core/model` (camelCase field names). Unknown fields are refused. Each row belongs to one account;
 * who may read or write it is decided by that account (see `access.ts`). A field naming another row (a
 * note's contact) must name a row of that same account (`references`, checked in `apply.ts`).
 */
import { z } from 'zod';
import type { SyncedTable } from '../../core/sync/protocol.js';
import {
  AccountFields,
  ContactFields,
  FamilyMemberFields,
  Id,
  ImportantDate,
  ImportantDateCreate,
  Instant,
  NoteCreate,
  StorableText,
  Visit,
} from '../../core/model/schemas.js';
import { COMPLAINT_STATUSES, ComplaintCreate, GreetingMark, OrderRecord } from '../../core/model/reminders.js';

/** The client's own timestamps travel as data (shown to people), never used for ordering. */
const clientTimestamps = { createdAt: Instant.optional(), updatedAt: Instant.optional() };
const optionalInstant = Instant.nullable().default(null);
const optionalText = (max: number) => StorableText.max(max, { message: 'validation.tooLong' }).nullable().default(null);

/** How a row finds its account: its own id (accounts), a field naming the account, or its parent contact. */
export type AccountLink = { kind: 'self' } | { kind: 'field'; field: 'accountId' } | { kind: 'parent'; field: 'contactId'; table: 'contacts' };

export interface SyncedEntity {
  /** every field a row may carry; defaults fill what a creating mutation leaves out */
  fields: z.ZodObject;
  /** a cross-field rule checked on the whole row after merging (e.g. a lunar date that exists) */
  rowRule?: z.ZodType;
  accountLink: AccountLink;
  /** fields that tie the row to its account: set on create, never changed */
  fixedFields: readonly string[];
  /**
   * the other fields naming a row (`metContactIds`: a list of them), with that row's table: each must be
   * a row of this row's own account (deleted ones too), never another account's or team's, nor missing
   */
  references: Readonly<Record<string, SyncedTable>>;
  /** the free text no concurrent edit may overwrite (notes) */
  protectedText?: string;
}

const byAccountId: Pick<SyncedEntity, 'accountLink' | 'fixedFields'> = { accountLink: { kind: 'field', field: 'accountId' }, fixedFields: ['accountId'] };

export const SYNCED_ENTITIES: Record<SyncedTable, SyncedEntity> = {
  accounts: { fields: AccountFields.extend({ archivedAt: optionalInstant, ...clientTimestamps }), accountLink: { kind: 'self' }, fixedFields: [], references: {} },
  contacts: { fields: ContactFields.extend(clientTimestamps), ...byAccountId, references: {} },
  family_members: {
    fields: FamilyMemberFields.extend(clientTimestamps),
    accountLink: { kind: 'parent', field: 'contactId', table: 'contacts' },
    fixedFields: ['contactId'],
    references: {},
  },
  important_dates: {
    fields: ImportantDate.omit({ id: true, deletedAt: true }).extend(clientTimestamps),
    rowRule: ImportantDateCreate,
    ...byAccountId,
    references: { contactId: 'contacts', familyMemberId: 'family_members' },
  },
  visits: { fields: Visit.omit({ id: true, deletedAt: true }).extend(clientTimestamps), ...byAccountId, references: { metContactIds: 'contacts' } },
  notes: {
    fields: NoteCreate.extend({
      ...clientTimestamps,
      revision: z.number().int().nonnegative().optional(),
      /** set on a conflict copy: the note whose concurrent edit this text was */
      conflictOf: Id.nullable().default(null),
    }),
    ...byAccountId,
    references: { visitId: 'visits', contactId: 'contacts', conflictOf: 'notes' },
    protectedText: 'body',
  },
  complaints: {
    fields: ComplaintCreate.extend({
      firstRespondedAt: optionalInstant,
      response: optionalText(5000),
      resolvedAt: optionalInstant,
      resolution: optionalText(5000),
      status: z.enum(COMPLAINT_STATUSES).default('open'),
      ...clientTimestamps,
    }),
    ...byAccountId,
    references: { contactId: 'contacts' },
  },
  orders: { fields: OrderRecord.extend(clientTimestamps), ...byAccountId, references: {} },
  greetings: {
    fields: GreetingMark.extend({ greetedAt: Instant, ...clientTimestamps }),
    ...byAccountId,
    references: { contactId: 'contacts', familyMemberId: 'family_members', dateId: 'important_dates' },
  },
};

/** One row a mutation's fields name, at its field path (`['metContactIds', 2]`). */
export interface RowReference {
  path: [string] | [string, number];
  table: SyncedTable;
  id: unknown;
}

/**
 * The rows `fields` name through the entity's references, except those `stored` (the row before this
 * mutation) already names: a reference is checked when it is made, and one made before stays valid
 * whatever becomes of the row it names. Values are as they came (unchecked) or as parsed.
 */
export function newReferences(entity: SyncedEntity, fields: Record<string, unknown>, stored: Record<string, unknown> | null): RowReference[] {
  const found: RowReference[] = [];
  for (const [field, table] of Object.entries(entity.references)) {
    const value = fields[field];
    const before = stored?.[field];
    if (Array.isArray(value)) {
      const had = Array.isArray(before) ? new Set<unknown>(before) : new Set<unknown>();
      value.forEach((id: unknown, index) => {
        if (!had.has(id)) found.push({ path: [field, index], table, id });
      });
    } else if (value !== null && value !== undefined && value !== before) found.push({ path: [field], table, id: value });
  }
  return found;
}

/** Built once per entity: zod compiles a schema on first use, so a schema made per call is slow. */
type StrictSchemas = { carried: z.ZodType; whole: z.ZodType<Record<string, unknown>> };
const strictSchemas = new WeakMap<SyncedEntity, StrictSchemas>();

function strictSchemasOf(entity: SyncedEntity): StrictSchemas {
  let schemas = strictSchemas.get(entity);
  if (!schemas) {
    schemas = { carried: entity.fields.partial().strict(), whole: entity.fields.strict() as z.ZodType<Record<string, unknown>> };
    strictSchemas.set(entity, schemas);
  }
  return schemas;
}

export type FieldCheck = { ok: true; data: Record<string, unknown> } | { ok: false; issues: Array<{ path: (string | number)[]; message: string }> };

function issuesOf(error: z.ZodError): Array<{ path: (string | number)[]; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'), message: issue.message }));
}

/**
 * Validates a mutation's fields against the row they will produce. For a new row (`stored` null) the
 * fields must make a whole row (defaults filled in). For an existing row only the carried fields are
 * returned — merging field by field — but the merged row must still be valid as a whole.
 */
export function checkFields(entity: SyncedEntity, stored: Record<string, unknown> | null, fields: Record<string, unknown>): FieldCheck {
  const schemas = strictSchemasOf(entity);
  const carried = schemas.carried.safeParse(fields);
  if (!carried.success) return { ok: false, issues: issuesOf(carried.error) };
  const whole = schemas.whole.safeParse({ ...(stored ?? {}), ...fields });
  if (!whole.success) return { ok: false, issues: issuesOf(whole.error) };
  const rule = entity.rowRule?.safeParse(whole.data);
  if (rule && !rule.success) return { ok: false, issues: issuesOf(rule.error) };
  if (!stored) return { ok: true, data: whole.data };
  const changed = Object.fromEntries(Object.keys(fields).map((key) => [key, whole.data[key]]));
  return { ok: true, data: changed };
}
