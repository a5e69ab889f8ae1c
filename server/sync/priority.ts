/**
 * The priority phase of a first sync (`PullRequest.priority`, see `PullPriority`): the rows a laptop's
 * Today needs, before the full pull brings everything in version order. Each query reads only rows the
 * caller may read (`READABLE_ROWS`, as a pull) and only live ones (a first sync has nothing to delete).
 *
 * The phase is a list of (table, id) in a fixed order — by table, accounts last, then by id — and the
 * cursor is the last (table, id) sent. The first page works the list out in its snapshot; this process
 * keeps it for the pages after (a couple of minutes), and another process works it out again. Either
 * way each page reads its rows, with the read permission checked again, in its own snapshot. A row that
 * joins the list meanwhile (a date that comes into the window at midnight) is simply left to the full
 * pull, which brings every row anyway.
 */
import { addDays } from '../../core/calendar/day.js';
import { dateSignaturesWithin, datesDueWithin, type PriorityDate } from '../../core/sync/priority.js';
import type { PullPriority, PulledRow, SyncedTable } from '../../core/sync/protocol.js';
import { ServerError } from '../errors.js';
import { arrayParam, type SqlParam, type SqlQueryable } from '../store/sqlClient.js';
import { READABLE_ROWS } from './access.js';
import { PULLED_COLUMNS, pulledRow, type RowRecord } from './pulledRows.js';
import { readsWholeTeam, type SyncSession } from './session.js';

/**
 * Accounts last: Today lists nothing of an account until the account is there, so while the phase's
 * pages arrive it never shows a half-arrived state (every account "never visited" because its visits
 * are still coming). An account arriving after its visits takes its last visit from them (schema 12),
 * and the client does not check references while it applies a page.
 */
const PRIORITY_TABLES: readonly SyncedTable[] = ['contacts', 'family_members', 'important_dates', 'visits', 'complaints', 'orders', 'greetings', 'accounts'];

/** Greetings this far back: this year's occurrence greeted or not, and how last year's was (the agenda shows it). */
const GREETINGS_BACK_DAYS = 400;

interface Key {
  table: SyncedTable;
  id: string;
}

/** Where a phase with nothing to send ends: before every key. */
const BEFORE_ALL: Key = { table: PRIORITY_TABLES[0]!, id: '00000000-0000-0000-0000-000000000000' };

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

/** Live rows of `table` the caller may read (`r`), matching `condition` (extra params from `$4`): the selected columns. */
function readableLive<Row>(tx: SqlQueryable, session: SyncSession, table: SyncedTable, columns: string, condition: string, params: readonly SqlParam[] = [], tail = ''): Promise<Row[]> {
  return tx.query<Row>(
    `SELECT ${columns} FROM sync_rows r WHERE r.table_name = '${table}' AND ${READABLE_ROWS} AND r.deleted_at IS NULL AND (${condition}) ${tail}`,
    [session.teamId, session.userId, readsWholeTeam(session), ...params],
  );
}

/**
 * The latest completed visit of each of `accountIds` (readable live accounts of the caller: their visits
 * are readable), of any kind and of the `countingKinds`. Ties on the time go to the greater id, as a
 * pull's `max(ARRAY[doneAt, id])` would.
 */
function latestDoneVisits(tx: SqlQueryable, session: SyncSession, accountIds: readonly string[], countingKinds: readonly string[]): Promise<Array<{ latest: string; counted: string | null }>> {
  const latest = (kinds: string) => `SELECT v.id::text FROM sync_rows v
    WHERE v.table_name = 'visits' AND v.account_id = a.id AND v.team_id = $1 AND v.deleted_at IS NULL
      AND v.data->>'status' = 'done' AND v.data->>'doneAt' IS NOT NULL ${kinds}
    ORDER BY v.data->>'doneAt' DESC, v.id DESC LIMIT 1`;
  return tx.query<{ latest: string; counted: string | null }>(
    `SELECT l.id AS latest, c.id AS counted FROM unnest($2::uuid[]) AS a(id)
     CROSS JOIN LATERAL (${latest('')}) l(id)
     LEFT JOIN LATERAL (${latest("AND v.data->>'kind' = ANY($3::text[])")}) c(id) ON true`,
    [session.teamId, arrayParam(accountIds), arrayParam(countingKinds)],
  );
}

/** Every (table, id) of the priority phase, in phase order. */
async function priorityKeys(tx: SqlQueryable, session: SyncSession, priority: PullPriority): Promise<Key[]> {
  const accounts = await readableLive<{ id: string; tier: string | null }>(tx, session, 'accounts', `r.id, r.data->>'tier' AS tier`, 'true');
  const greetsKeyContactsOf = new Set<string>(priority.keyContactTiers);
  const keyContactAccounts = accounts.filter((account) => account.tier !== null && greetsKeyContactsOf.has(account.tier)).map((account) => String(account.id));

  // Important dates: the query passes over those that cannot fall in the window; which do is calendar
  // arithmetic (lunar dates too), done here. A date reminded of earlier than the window is looked at too.
  const dateRows = await readableLive<{ id: string; contact_id: string | null; family_member_id: string | null; date: Record<string, unknown> }>(
    tx,
    session,
    'important_dates',
    `r.id, r.data->>'contactId' AS contact_id, r.data->>'familyMemberId' AS family_member_id,
     jsonb_build_object('calendar', r.data->'calendar', 'month', r.data->'month', 'day', r.data->'day', 'isLeapMonth', r.data->'isLeapMonth', 'year', r.data->'year', 'leadDays', r.data->'leadDays') AS date`,
    `(r.data->>'calendar') || ':' || (r.data->>'month') || ':' || (r.data->>'day') = ANY($4::text[]) OR coalesce((r.data->>'leadDays')::int, 0) > $5`,
    [arrayParam(dateSignaturesWithin(priority.day, priority.days)), priority.days],
  );
  const dates = new Map(dateRows.map((row) => [String(row.id), row]));
  const dueDates = datesDueWithin(
    dateRows.map((row): PriorityDate => ({
      id: String(row.id),
      calendar: row.date.calendar === 'lunar' ? 'lunar' : 'gregorian',
      month: Number(row.date.month),
      day: Number(row.date.day),
      isLeapMonth: row.date.isLeapMonth === true,
      year: typeof row.date.year === 'number' ? row.date.year : null,
      leadDays: typeof row.date.leadDays === 'number' ? row.date.leadDays : null,
    })),
    priority.day,
    priority.days,
  );

  const complaints = await readableLive<{ id: string; contact_id: string | null }>(tx, session, 'complaints', `r.id, r.data->>'contactId' AS contact_id`, `r.data->>'resolvedAt' IS NULL`);

  const namedContacts = new Set<string>();
  const familyMembers = new Set<string>();
  for (const id of dueDates) {
    const date = dates.get(id)!;
    if (date.contact_id) namedContacts.add(date.contact_id);
    if (date.family_member_id) familyMembers.add(date.family_member_id);
  }
  for (const complaint of complaints) if (complaint.contact_id) namedContacts.add(complaint.contact_id);

  const contacts = await readableLive<{ id: string }>(
    tx,
    session,
    'contacts',
    'r.id',
    `r.id = ANY($4::uuid[]) OR (r.data->>'isKey' = 'true' AND r.account_id = ANY($5::uuid[]))`,
    [arrayParam([...namedContacts]), arrayParam(keyContactAccounts)],
  );
  const members = familyMembers.size === 0 ? [] : await readableLive<{ id: string }>(tx, session, 'family_members', 'r.id', 'r.id = ANY($4::uuid[])', [arrayParam([...familyMembers])]);

  // Each account's latest completed visit — of any kind (its last contact, which also sets the laptop's
  // last_visit_at), and of the kinds its cadence counts. A client that names those kinds: one seek per
  // readable account in the index of completed visits, newest first (schema 4). One that does not (it
  // counts by kind itself): the latest of each kind, picked in one pass without sorting the visits.
  const done = `r.data->>'status' = 'done' AND r.data->>'doneAt' IS NOT NULL`;
  const latestVisits = priority.countingKinds
    ? await latestDoneVisits(tx, session, accounts.map((account) => String(account.id)), priority.countingKinds)
    : await readableLive<{ latest: string; counted: null }>(
        tx,
        session,
        'visits',
        `(max(ARRAY[r.data->>'doneAt', r.id::text]))[2] AS latest, NULL AS counted`,
        done,
        [],
        `GROUP BY r.account_id, r.data->>'kind'`,
      );
  // Planned from the day before on: an instant of the laptop's today may still be yesterday in UTC.
  const planned = await readableLive<{ id: string }>(tx, session, 'visits', 'r.id', `r.data->>'status' = 'planned' AND r.data->>'plannedAt' >= $4`, [addDays(priority.day, -1)]);
  const latestOrders = await readableLive<{ id: string }>(tx, session, 'orders', `(max(ARRAY[r.data->>'day', r.id::text]))[2] AS id`, `r.data->>'day' IS NOT NULL`, [], 'GROUP BY r.account_id');
  // Greetings of the dates and festival contacts above (greeted already this time? how last time?), and any greeted today.
  const greetings = await readableLive<{ id: string }>(
    tx,
    session,
    'greetings',
    'r.id',
    `r.data->>'occurrenceDay' >= $4 AND (r.data->>'dateId' = ANY($5::text[]) OR (r.data->>'festivalId' IS NOT NULL AND r.data->>'contactId' = ANY($6::text[])) OR r.data->>'greetedAt' >= $7)`,
    [addDays(priority.day, -GREETINGS_BACK_DAYS), arrayParam(dueDates), arrayParam(contacts.map((row) => String(row.id))), addDays(priority.day, -1)],
  );

  const keys: Key[] = [];
  const add = (table: SyncedTable, ids: Iterable<string | null>) => {
    for (const id of new Set(ids)) if (id !== null) keys.push({ table, id: String(id) });
  };
  add('accounts', accounts.map((row) => row.id));
  add('contacts', contacts.map((row) => row.id));
  add('family_members', members.map((row) => row.id));
  add('important_dates', dueDates);
  add('visits', [...latestVisits.flatMap((row) => [row.latest, row.counted]), ...planned.map((row) => row.id)]);
  add('complaints', complaints.map((row) => row.id));
  add('orders', latestOrders.map((row) => row.id));
  add('greetings', greetings.map((row) => row.id));
  return keys.sort(compareKeys);
}

/**
 * Phases worked out by this process, for their next pages: a couple of minutes, one per client (a
 * client asking again with other settings replaces its own), and at most so many phases and keys in all
 * (a lead's phase names every row Today needs of the whole team), the oldest dropped first — so neither
 * many clients nor one that keeps asking for new phases and never finishes grows the process.
 */
const KEPT_MS = 2 * 60_000;
const keptLimits = { phases: 200, keys: 500_000 };
const keptPhases = new Map<string, { request: string; keys: Key[]; at: number }>();
let keptKeys = 0;

/** What this process keeps (for tests): how many phases and keys in all. */
export function keptPriorityPhases(): { phases: number; keys: number } {
  return { phases: keptPhases.size, keys: keptKeys };
}

/** Sets how many phases and keys this process keeps at most (tests); returns the limits before. */
export function limitKeptPriorityPhases(limits: { phases: number; keys: number }): { phases: number; keys: number } {
  const before = { ...keptLimits };
  Object.assign(keptLimits, limits);
  return before;
}

function forgetPhase(client: string): void {
  const kept = keptPhases.get(client);
  if (!kept) return;
  keptKeys -= kept.keys.length;
  keptPhases.delete(client);
}

async function phaseKeys(tx: SqlQueryable, session: SyncSession, priority: PullPriority): Promise<Key[]> {
  const client = `${session.clientId}:${session.userId}`;
  const { after: _after, ...asked } = priority;
  const request = JSON.stringify(asked);
  const now = Date.now();
  const kept = keptPhases.get(client);
  if (priority.after !== null && kept && kept.request === request && now - kept.at < KEPT_MS) return kept.keys;
  const keys = await priorityKeys(tx, session, priority);
  forgetPhase(client);
  if (keys.length <= keptLimits.keys) {
    keptPhases.set(client, { request, keys, at: now });
    keptKeys += keys.length;
  }
  // Oldest first (insertion order): drop the stale, then as many as the limits say.
  for (const [old, phase] of keptPhases) {
    if (keptPhases.size <= keptLimits.phases && keptKeys <= keptLimits.keys && now - phase.at < KEPT_MS) break;
    forgetPhase(old);
  }
  return keys;
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
  const keys = await phaseKeys(tx, session, priority);
  const start = after === null ? 0 : keys.findIndex((key) => compareKeys(key, after) > 0);
  const remaining = start < 0 ? [] : keys.slice(start);
  const wanted = remaining.slice(0, limit);
  const hasMore = remaining.length > limit;
  const idsByTable = new Map<SyncedTable, string[]>();
  for (const key of wanted) {
    const ids = idsByTable.get(key.table);
    if (ids) ids.push(key.id);
    else idsByTable.set(key.table, [key.id]);
  }
  const records: RowRecord[] = [];
  for (const [table, ids] of idsByTable) {
    // By the primary key, one table at a time; readable rows only, as always.
    records.push(
      ...(await tx.query<RowRecord>(`SELECT ${PULLED_COLUMNS} FROM sync_rows r WHERE r.table_name = $4 AND r.id = ANY($5::uuid[]) AND ${READABLE_ROWS}`, [
        session.teamId,
        session.userId,
        readsWholeTeam(session),
        table,
        arrayParam(ids),
      ])),
    );
  }
  const byKey = new Map(records.map((record) => [`${record.table_name}/${String(record.id)}`, record]));
  const page = wanted.flatMap((key) => byKey.get(`${key.table}/${key.id}`) ?? []);
  return {
    rows: page.map(pulledRow),
    ownerIds: [...new Set(page.map((record) => record.owner_id))],
    cursor: encodePriorityCursor(session.teamId, wanted.at(-1) ?? after ?? BEFORE_ALL),
    hasMore,
    ...(withTotal ? { total: remaining.length } : {}),
  };
}
