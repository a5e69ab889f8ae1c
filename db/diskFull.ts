/**
 * A full disk (or user quota) is something the user can fix, so every write path says so in plain
 * words instead of "something went wrong": SQLite reports it as SQLITE_FULL, Node's file calls as
 * ENOSPC / EDQUOT.
 */
export function isDiskFull(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT';
}
