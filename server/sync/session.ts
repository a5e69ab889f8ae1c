import type { AccessClaims } from '../auth/tokens.js';

/** Who is asking: the verified claims of the access token. Never taken from a request body. */
export type SyncSession = AccessClaims;

/** Leads and admins read their whole team; reps read the accounts they own or that are shared with them. */
export function readsWholeTeam(session: SyncSession): boolean {
  return session.role !== 'rep';
}
