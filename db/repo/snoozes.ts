/** Snoozed agenda items (local to this device, so no outbox): hidden until their day. */
import type { Db } from '../connection.js';
import { statement } from './table.js';

export function setSnooze(db: Db, key: string, untilDay: string): void {
  statement(db, 'INSERT INTO snoozes (key, until_day) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET until_day = excluded.until_day').run(key, untilDay);
}

export function removeSnooze(db: Db, key: string): void {
  statement(db, 'DELETE FROM snoozes WHERE key = ?').run(key);
}
