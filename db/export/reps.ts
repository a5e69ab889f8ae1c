/** Reps as exports name them: until team sync brings rep names, another rep is known by the tail of their id. */
import type { Db } from '../connection.js';
import { listReps } from '../reports/reps.js';
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

/**
 * Reps as the Team screens name them: by the display name the team server gave (or, for this device's
 * user, the name in settings), the tail of the id only for a rep nobody named.
 */
export function teamRepNamer(db: Db, labels: ExportLabels): RepNamer {
  const shortName = repNamer(db, labels);
  const names = new Map(listReps(db).flatMap((rep) => (rep.name ? [[rep.ownerId, rep.name] as const] : [])));
  return (ownerId) => names.get(ownerId) ?? shortName(ownerId);
}

export type RepLookup = { ok: true; ownerId: string | null } | { ok: false; reason: 'unknown' | 'ambiguous' };

/**
 * The rep a user means: `me` (this device's user), a rep's display name as the app shows it (any
 * case), a full owner id, or the short id exports show for a rep with no name.
 */
export function findRep(db: Db, text: string): RepLookup {
  if (text === 'me') return { ok: true, ownerId: null };
  const reps = listReps(db);
  const named = reps.filter((rep) => rep.name !== null && rep.name.trim().toLocaleLowerCase() === text.trim().toLocaleLowerCase());
  if (named.length === 1) return { ok: true, ownerId: named[0]!.ownerId };
  if (named.length > 1) return { ok: false, reason: 'ambiguous' };
  const owners = [...new Set([...(db.prepare('SELECT DISTINCT owner_id FROM accounts WHERE owner_id IS NOT NULL').pluck().all() as string[]), ...reps.flatMap((rep) => (rep.ownerId === null ? [] : [rep.ownerId]))])];
  const exact = owners.find((owner) => owner === text);
  if (exact) return { ok: true, ownerId: exact };
  const matches = text.length >= 4 ? owners.filter((owner) => owner.endsWith(text.toLowerCase())) : [];
  if (matches.length === 1) return { ok: true, ownerId: matches[0]! };
  return { ok: false, reason: matches.length > 1 ? 'ambiguous' : 'unknown' };
}
