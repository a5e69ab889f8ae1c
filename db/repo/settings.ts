/** Local-only preferences: one JSON value per key (not synced, so no outbox). */
import type { Db } from '../connection.js';
import { statement } from './table.js';

/** Every stored setting; keys never written are absent. */
export function readSettings(db: Db): Record<string, unknown> {
  const rows = statement(db, 'SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}

export function writeSettings(db: Db, values: Record<string, unknown>): void {
  const upsert = statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  })();
}
