/** Reader/writer functions for the greetings and gifts log. */
import { uuidv7 } from 'uuidv7';
import type { Greeting } from '../../core/model/reminders.js';
import type { Db } from '../connection.js';
import { insertSynced, tombstoneSynced } from '../synced/localWrites.js';
import { fromRow, readLive, statement, type SqlRow, type TableSpec } from './table.js';

export const GREETINGS: TableSpec = {
  table: 'greetings',
  fields: {
    key: 'value',
    accountId: 'value',
    contactId: 'value',
    familyMemberId: 'value',
    dateId: 'value',
    festivalId: 'value',
    occurrenceDay: 'value',
    channel: 'value',
    gift: 'value',
    note: 'value',
    greetedAt: 'value',
  },
};

type StoredGreeting = Greeting & { createdAt: string; updatedAt: string; deletedAt: string | null };

function greetingOf({ createdAt: _c, updatedAt: _u, deletedAt: _d, ...greeting }: StoredGreeting): Greeting {
  return greeting;
}

export function insertGreeting(db: Db, values: Omit<Greeting, 'id'>, now: string): Greeting {
  return greetingOf(insertSynced<StoredGreeting>(db, GREETINGS, uuidv7(), values, now));
}

/** An account's greetings, most recent occurrence first. */
export function listGreetingsOfAccount(db: Db, accountId: string): Greeting[] {
  const sql = 'SELECT * FROM greetings WHERE account_id = ? AND deleted_at IS NULL ORDER BY occurrence_day DESC, greeted_at DESC';
  return (statement(db, sql).all(accountId) as SqlRow[]).map((row) => greetingOf(fromRow<StoredGreeting>(GREETINGS, row)));
}

export function getGreeting(db: Db, id: string): Greeting | undefined {
  const stored = readLive<StoredGreeting>(db, GREETINGS, id);
  return stored ? greetingOf(stored) : undefined;
}

/** Deletes the greeting (a tombstone that sync carries to the server). Throws `not_found` if already gone. */
export function deleteGreeting(db: Db, id: string, now: string): void {
  tombstoneSynced(db, GREETINGS, id, now);
}
