/**
 * The priority phase of a first sync (`PullRequest.priority`, see `PullPriority`): the rows a laptop's
 * Today needs, before the full pull brings everything in version order. Each query reads only rows the
 * caller may read (`READABLE_ROWS`, as a pull) and only live ones (a first sync has nothing to delete).
 *
 * The phase is a list of (table, id) in a fixed order — parents' tables first, then by id — worked out
 * again for each page inside the page's snapshot; the cursor is the last (table, id) sent. A row that
 * joins the list behind the cursor meanwhile (a date that comes into the window at midnight) is simply
 * left to the full pull, which brings every row anyway.
 */
import { addDays } from '../../core/calendar/day.js';
import { datesDueWithin, type PriorityDate } from '../../core/sync/priority.js';
import type { PullPriority, PulledRow, SyncedTable } from '../../core/sync/protocol.js';
import { ServerError } from '../errors.js';
import { arrayParam, type SqlQueryable } from '../store/sqlClient.js';
import { READABLE_ROWS } from './access.js';
import { PULLED_COLUMNS, pulledRow, type RowRecord } from './pull.js';
import { readsWholeTeam, type SyncSession } from './session.js';

/** Parents before children, so a page can be applied in order (the client does not check references while it applies one anyway). */
const PRIORITY_TABLES: readonly SyncedTable[] = ['accounts', 'contacts', 'family_members', 'important_dates', 'visits', 'complaints', 'orders', 'greetings'];

/** Greetings this far back: this year's occurrence greeted or not, and how last year's was (the agenda shows it). */
const GREETINGS_BACK_DAYS = 400;

interface Key {
  table: SyncedTable;
  id: string;
}

/** Where a phase with nothing to send ends: before every key. */
const BEFORE_ALL: Key = { table: 'accounts', id: '00000000-0000-0000-0000-000000000000' };

const compareKeys = (x: Key, y: Key): number => PRIORITY_TABLES.indexOf(x.table) - PRIORITY_TABLES.indexOf(y.table) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

function encodePriorityCursor(teamId: string, key: Key): string {
  return `p:${teamId}:${PRIORITY_TABLES.indexOf(key.table)}:${key.id}`;
}

function decodePriorityCursor(text: string, teamId: string): Key {
  const match = /^p:([0-9a-f-]{36}):(\d):([0-9a-f-]{36})$/.exec(text);
  const table = match ? PRIORITY_TABLES[Number(match[2])] : undefined;
  if (!match || !table || match[1] !== teamId) {
    throw new ServerError('invalid', 'sync.server.badCursor', [{ path: ['priority', 'after'], message: 'sync.server.badCursor' }]);
  }
  return { table, id: match[3]! };
}

/** Live rows of `table` the caller may read, matching `condition` (over alias `r`, extra params from `$4`). */
async function idsOf(tx: SqlQueryable, session: SyncSession, table: SyncedTable, condition: string, params: readonly (string | number | boolean)[] = []): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT r.id FROM sync_rows r WHERE r.table_name = '${table}' AND ${READABLE_ROWS} AND r.deleted_at IS NULL AND (${condition})`,
    [session.teamId, session.userId, readsWholeTeam(session), ...params],
  );
  return rows.map((row) => String(row.id));
}

/** Every (table, id) of the priority phase, in phase order. */
async function priorityKeys(tx: SqlQueryable, session: SyncSession, priority: PullPriority): Promise<Key[]> {
  const readable = [session.teamId, session.userId, readsWholeTeam(session)] as const;
  const accounts = await tx.query<{ id: string; tier: string | null }>(
    `SELECT r.id, r.data->>'tier' AS tier FROM sync_rows r WHERE r.table_name = 'accounts' AND ${READABLE_ROWS} AND r.deleted_at IS NULL`,
    readable,
  );
  const aTier = accounts.filter((account) => account.tier === 'A').map((account) => String(account.id));

  // Important dates: which fall in the window is calendar arithmetic (lunar dates too), done here.
  // (Whom else a rep greets at festivals is a setting of the laptop: the default, key contacts of A-tier accounts, comes first.)
  const dateRows = await tx.query<{ id: string; contact_id: string | null; family_member_id: string | null; data: Record<string, unknown> }>(
    `SELECT r.id, r.data->>'contactId' AS contact_id, r.data->>'familyMemberId' AS family_member_id,
       jsonb_build_object('calendar', r.data->'calendar', 'month', r.data->'month', 'day', r.data->'day', 'isLeapMonth', r.data->'isLeapMonth', 'year', r.data->'year', 'leadDays', r.data->'leadDays') AS data
     FROM sync_rows r WHERE r.table_name = 'important_dates' AND ${READABLE_ROWS} AND r.deleted_at IS NULL`,
    readable,
  );
  const dates = new Map(dateRows.map((row) => [String(row.id), row]));
  const dueDates = datesDueWithin(
    dateRows.map((row): PriorityDate => ({
      id: String(row.id),
      calendar: row.data.calendar === 'lunar' ? 'lunar' : 'gregorian',
      month: Number(row.data.month),
      day: Number(row.data.day),
      isLeapMonth: row.data.isLeapMonth === true,
      year: typeof row.data.year === 'number' ? row.data.year : null,
      leadDays: typeof row.data.leadDays === 'number' ? row.data.leadDays : null,
    })),
    priority.day,
    priority.days,
  );

  const complaints = await tx.query<{ id: string; contact_id: string | null }>(
    `SELECT r.id, r.data->>'contactId' AS contact_id FROM sync_rows r
     WHERE r.table_name = 'complaints' AND ${READABLE_ROWS} AND r.deleted_at IS NULL AND r.data->>'resolvedAt' IS NULL`,
    readable,
  );

  const namedContacts = new Set<string>();
  const familyMembers = new Set<string>();
  for (const id of dueDates) {
    const date = dates.get(id)!;
    if (date.contact_id) namedContacts.add(date.contact_id);
    if (date.family_member_id) familyMembers.add(date.family_member_id);
  }
  for (const complaint of complaints) if (complaint.contact_id) namedContacts.add(complaint.contact_id);

  const contacts = await idsOf(
    tx,
    session,
    'contacts',
    `r.id = ANY($4::uuid[]) OR (r.data->>'isKey' = 'true' AND r.account_id = ANY($5::uuid[]))`,
    [arrayParam([...namedContacts]), arrayParam(aTier)],
  );
  const members = familyMembers.size === 0 ? [] : await idsOf(tx, session, 'family_members', 'r.id = ANY($4::uuid[])', [arrayParam([...familyMembers])]);

  // Each account's latest completed visit of each kind: the cadence clock counts the kinds the rep
  // chose (a setting of the laptop), and the latest of any kind is the account's last contact.
  const latestVisits = await tx.query<{ id: string }>(
    `SELECT DISTINCT ON (r.account_id, r.data->>'kind') r.id FROM sync_rows r
     WHERE r.table_name = 'visits' AND ${READABLE_ROWS} AND r.deleted_at IS NULL AND r.data->>'status' = 'done'
     ORDER BY r.account_id, r.data->>'kind', r.data->>'doneAt' DESC NULLS LAST`,
    readable,
  );
  // Planned from the day before on: an instant of the laptop's today may still be yesterday in UTC.
  const planned = await idsOf(tx, session, 'visits', `r.data->>'status' = 'planned' AND r.data->>'plannedAt' >= $4`, [addDays(priority.day, -1)]);
  const latestOrders = await tx.query<{ id: string }>(
    `SELECT DISTINCT ON (r.account_id) r.id FROM sync_rows r
     WHERE r.table_name = 'orders' AND ${READABLE_ROWS} AND r.deleted_at IS NULL
     ORDER BY r.account_id, r.data->>'day' DESC NULLS LAST`,
    readable,
  );
  const greetings = await idsOf(tx, session, 'greetings', `r.data->>'occurrenceDay' >= $4`, [addDays(priority.day, -GREETINGS_BACK_DAYS)]);

  const keys: Key[] = [];
  const add = (table: SyncedTable, ids: Iterable<string>) => {
    for (const id of ids) keys.push({ table, id: String(id) });
  };
  add('accounts', accounts.map((row) => row.id));
  add('contacts', contacts);
  add('family_members', members);
  add('important_dates', dueDates);
  add('visits', new Set([...latestVisits.map((row) => String(row.id)), ...planned]));
  add('complaints', complaints.map((row) => row.id));
  add('orders', latestOrders.map((row) => row.id));
  add('greetings', greetings);
  return keys.sort(compareKeys);
}

export interface PriorityPage {
  rows: PulledRow[];
  /** owner ids of the page's rows */
  ownerIds: string[];
  cursor: string;
  hasMore: boolean;
  /** rows of the phase from the request's cursor on, when asked */
  total?: number;
}

/** One page of the priority phase, read in the caller's snapshot. */
export async function priorityPage(tx: SqlQueryable, session: SyncSession, priority: PullPriority, limit: number, withTotal: boolean): Promise<PriorityPage> {
  const after = priority.after === null ? null : decodePriorityCursor(priority.after, session.teamId);
  const keys = await priorityKeys(tx, session, priority);
  const start = after === null ? 0 : keys.findIndex((key) => compareKeys(key, after) > 0);
  const remaining = start < 0 ? [] : keys.slice(start);
  const wanted = remaining.slice(0, limit);
  const hasMore = remaining.length > limit;
  const records =
    wanted.length === 0
      ? []
      : await tx.query<RowRecord>(
          `SELECT ${PULLED_COLUMNS} FROM sync_rows r
           WHERE (r.table_name, r.id) IN (SELECT * FROM unnest($4::text[], $5::uuid[])) AND ${READABLE_ROWS}`,
          [session.teamId, session.userId, readsWholeTeam(session), arrayParam(wanted.map((key) => key.table)), arrayParam(wanted.map((key) => key.id))],
        );
  const byKey = new Map(records.map((record) => [`${record.table_name}/${String(record.id)}`, record]));
  const page = wanted.flatMap((key) => byKey.get(`${key.table}/${key.id}`) ?? []);
  const last = wanted.at(-1) ?? after;
  return {
    rows: page.map(pulledRow),
    ownerIds: [...new Set(page.map((record) => record.owner_id))],
    cursor: encodePriorityCursor(session.teamId, last ?? BEFORE_ALL),
    hasMore,
    ...(withTotal ? { total: remaining.length } : {}),
  };
}
