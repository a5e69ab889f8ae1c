/** The "which reps" filter every team report shares. */

/**
 * SQL condition on an owner column for a list of reps (null = this device's user, stored as NULL);
 * omitted = everyone. Ids are bound as parameters.
 */
export function ownerFilter(column: string, ownerIds: ReadonlyArray<string | null> | undefined): { sql: string; params: string[] } {
  if (ownerIds === undefined) return { sql: '1', params: [] };
  const ids = ownerIds.filter((id): id is string => id !== null);
  const parts = [...(ownerIds.includes(null) ? [`${column} IS NULL`] : []), ...(ids.length > 0 ? [`${column} IN (${ids.map(() => '?').join(', ')})`] : [])];
  return { sql: parts.length === 0 ? '0' : `(${parts.join(' OR ')})`, params: ids };
}
