/** Reps as exports name them: until team sync brings rep names, another rep is known by the tail of their id. */
import type { Db } from '../connection.js';
import { readSettings } from '../repo/settings.js';
import type { RepNamer } from './columns.js';
import type { ExportLabels } from './wording.js';

/** Characters of an owner id shown for a rep with no name (UUIDv7 ids end in random bits). */
export const SHORT_ID_LENGTH = 6;

export function repNamer(db: Db, labels: ExportLabels): RepNamer {
  const ownName = readSettings(db).repName;
  const me = typeof ownName === 'string' && ownName.trim() !== '' ? ownName : labels.me;
  return (ownerId) => (ownerId === null ? me : labels.rep(ownerId.slice(-SHORT_ID_LENGTH)));
}

export type RepLookup = { ok: true; ownerId: string | null } | { ok: false; reason: 'unknown' | 'ambiguous' };

/**
 * The rep a user means: `me` (this device's user), a full owner id, or the short id exports show.
 */
export function findRep(db: Db, text: string): RepLookup {
  if (text === 'me') return { ok: true, ownerId: null };
  const owners = db.prepare('SELECT DISTINCT owner_id FROM accounts WHERE owner_id IS NOT NULL').pluck().all() as string[];
  const exact = owners.find((owner) => owner === text);
  if (exact) return { ok: true, ownerId: exact };
  const matches = text.length >= 4 ? owners.filter((owner) => owner.endsWith(text.toLowerCase())) : [];
  if (matches.length === 1) return { ok: true, ownerId: matches[0]! };
  return { ok: false, reason: matches.length > 1 ? 'ambiguous' : 'unknown' };
}
