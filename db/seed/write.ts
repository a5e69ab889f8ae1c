/**
 * Bulk inserts for data sets: prepared statements straight against schema 1's tables.
 *
 * Seeded rows write no outbox entries on purpose: the outbox carries the user's own edits to the
 * server, and a data set is not an edit — pushing 100,000 demo notes would flood the team's server
 * with made-up data. If a seeded database ever syncs, its rows are the device's initial state.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';

interface Synced {
  id: string;
  owner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccountRow extends Synced {
  name: string;
  name_pinyin: string;
  name_initials: string;
  tier: 'A' | 'B' | 'C';
  tier_source: 'manual' | 'suggested';
  status: string;
  industry: string | null;
  city: string | null;
  address: string | null;
  long_term_contract: 0 | 1;
  strategic: 0 | 1;
  annual_revenue: number | null;
  cadence_days: number | null;
  interests: string | null;
  notes: string | null;
}

export interface ContactRow extends Synced {
  account_id: string;
  name: string;
  name_pinyin: string;
  name_initials: string;
  title: string | null;
  role: string | null;
  phone: string | null;
  email: string | null;
  wechat: string | null;
  interests: string | null;
  is_key: 0 | 1;
}

export interface FamilyMemberRow extends Synced {
  contact_id: string;
  name: string;
  relation: 'spouse' | 'child' | 'parent' | 'sibling' | 'other';
  notes: string | null;
}

export interface ImportantDateRow extends Synced {
  account_id: string;
  contact_id: string | null;
  family_member_id: string | null;
  kind: string;
  label: string | null;
  calendar: 'gregorian' | 'lunar';
  month: number;
  day: number;
  is_leap_month: 0 | 1;
  year: number | null;
  lead_days: number | null;
}

export interface VisitRow extends Synced {
  account_id: string;
  kind: string;
  status: 'planned' | 'done' | 'cancelled';
  planned_at: string | null;
  done_at: string | null;
  cancelled_at: string | null;
  purpose: string | null;
  met_contact_ids: string;
  outcome: string | null;
  next_step: string | null;
  next_visit_date: string | null;
}

export interface NoteRow extends Synced {
  account_id: string;
  visit_id: string | null;
  contact_id: string | null;
  body: string;
  /** id of the note's revision 1 in note_revisions (not a notes column) */
  revision_id: string;
}

/** Everything that belongs to one account, written together. */
export interface AccountBundle {
  account: AccountRow;
  contacts: ContactRow[];
  family: FamilyMemberRow[];
  dates: ImportantDateRow[];
  visits: VisitRow[];
  notes: NoteRow[];
}

export interface SeedCounts {
  accounts: number;
  contacts: number;
  dates: number;
  visits: number;
  notes: number;
}

function insertInto(db: Database, table: string, columns: readonly string[]) {
  return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
}

const SYNCED = ['id', 'owner_id', 'created_at', 'updated_at'] as const;

/** Prepares the statements once; `write` then inserts bundles (call it inside a transaction). */
export function bundleWriter(db: Database) {
  const accounts = insertInto(db, 'accounts', [
    ...SYNCED, 'name', 'name_pinyin', 'name_initials', 'tier', 'tier_source', 'status', 'industry', 'city', 'address',
    'long_term_contract', 'strategic', 'annual_revenue', 'cadence_days', 'interests', 'notes',
  ]);
  const contacts = insertInto(db, 'contacts', [
    ...SYNCED, 'account_id', 'name', 'name_pinyin', 'name_initials', 'title', 'role', 'phone', 'email', 'wechat', 'interests', 'is_key',
  ]);
  const family = insertInto(db, 'family_members', [...SYNCED, 'contact_id', 'name', 'relation', 'notes']);
  const dates = insertInto(db, 'important_dates', [
    ...SYNCED, 'account_id', 'contact_id', 'family_member_id', 'kind', 'label', 'calendar', 'month', 'day', 'is_leap_month', 'year', 'lead_days',
  ]);
  const visits = insertInto(db, 'visits', [
    ...SYNCED, 'account_id', 'kind', 'status', 'planned_at', 'done_at', 'cancelled_at', 'purpose', 'met_contact_ids', 'outcome', 'next_step', 'next_visit_date',
  ]);
  const notes = insertInto(db, 'notes', [...SYNCED, 'account_id', 'visit_id', 'contact_id', 'body']);
  // Every note starts its history with revision 1, exactly as a note written in the app would.
  const firstRevision = db.prepare(
    `INSERT INTO note_revisions (id, note_id, revision, body, deleted, created_at) VALUES (@id, @note_id, 1, @body, 0, @created_at)`,
  );

  return (bundle: AccountBundle, counts: SeedCounts): void => {
    accounts.run(bundle.account);
    for (const row of bundle.contacts) contacts.run(row);
    for (const row of bundle.family) family.run(row);
    for (const row of bundle.dates) dates.run(row);
    for (const row of bundle.visits) visits.run(row);
    for (const row of bundle.notes) {
      notes.run(row);
      firstRevision.run({ id: row.revision_id, note_id: row.id, body: row.body, created_at: row.created_at });
    }
    counts.accounts += 1;
    counts.contacts += bundle.contacts.length;
    counts.dates += bundle.dates.length;
    counts.visits += bundle.visits.length;
    counts.notes += bundle.notes.length;
  };
}
