/**
 * The team's reps as this laptop knows them: everyone who owns an account here, and everyone the team
 * server has named in a pull (`sync_owners`) — the owners of the rows it sent and, to a lead, every active
 * rep of the team — so a rep whose accounts are all archived or deleted, or who never synced, still has
 * a row in the reports. The signed-in user counts only through accounts of their own (a lead owns none).
 */
import type { RepView } from '../../core/api/contract.js';
import type { Db } from '../connection.js';
import { readSettings } from '../repo/settings.js';

/** Every rep, this device's user (owner id null) first, then by name, unnamed ones by id. */
export function listReps(db: Db): RepView[] {
  const rows = db
    .prepare(
      `SELECT r.ownerId, o.display_name AS name
       FROM (SELECT owner_id AS ownerId FROM accounts WHERE deleted_at IS NULL
             UNION
             SELECT id FROM sync_owners WHERE id IS NOT (SELECT user_id FROM sync_state)) r
         LEFT JOIN sync_owners o ON o.id = r.ownerId
       ORDER BY r.ownerId IS NOT NULL, o.display_name IS NULL, o.display_name, r.ownerId`,
    )
    .all() as RepView[];
  const ownName = readSettings(db).repName;
  return rows.map((rep) => (rep.ownerId === null ? { ownerId: null, name: typeof ownName === 'string' && ownName.trim() !== '' ? ownName : null } : rep));
}
