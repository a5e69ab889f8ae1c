/** Notifications already shown (local to this device): each key fires once. */
import type { Db } from '../connection.js';
import { statement } from './table.js';

export function firedNotificationKeys(db: Db): Set<string> {
  return new Set(statement(db, 'SELECT key FROM fired_notifications').pluck().all() as string[]);
}

/** Records keys as fired; a key already recorded keeps its first time. Returns how many were new. */
export function recordFiredNotifications(db: Db, keys: readonly string[], firedAt: string): number {
  const insert = statement(db, 'INSERT INTO fired_notifications (key, fired_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
  return db.transaction(() => keys.reduce((recorded, key) => recorded + insert.run(key, firedAt).changes, 0))();
}
