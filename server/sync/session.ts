import type { AccessClaims } from '../auth/tokens.js';
import { ServerError } from '../errors.js';

/** Who is asking: the verified claims of the access token. Never taken from a request body. */
export type SyncSession = AccessClaims;

/** Leads and admins read their whole team; reps read the accounts they own or that are shared with them. */
export function readsWholeTeam(session: SyncSession): boolean {
  return session.role !== 'rep';
}

/**
 * See `PushRequest.acknowledged`: a push or pull acknowledging less than the client already confirmed
 * comes from an older copy of its database (a restored backup, a cloned laptop).
 */
export function refuseStaleCopy(acknowledged: number | undefined, acknowledgedThrough: number): void {
  if (acknowledged !== undefined && acknowledged < acknowledgedThrough) throw new ServerError('stale_copy', 'sync.server.staleCopy');
}
