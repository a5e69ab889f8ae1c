import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepView } from '../../../core/api/contract.js';
import { useQuery } from '../../api/useQuery.js';

/** Characters of an owner id shown for a rep the team server has not named (UUIDv7 ids end in random bits). */
const SHORT_ID_LENGTH = 6;

/** The team's reps and how to name one: the server's display name, else "me" or the tail of the id. */
export function useReps(): { reps: RepView[]; nameOf: (ownerId: string | null) => string } {
  const { t } = useTranslation('team');
  const { data } = useQuery((api) => api['reports.reps'](undefined), []);
  const reps = data ?? [];
  const nameOf = useCallback(
    (ownerId: string | null) => reps.find((rep) => rep.ownerId === ownerId)?.name ?? (ownerId === null ? t('rep.me') : t('rep.short', { id: ownerId.slice(-SHORT_ID_LENGTH) })),
    [reps, t],
  );
  return { reps, nameOf };
}

/** Reps travel as owner ids with null for this device's user; a Select needs string values. */
export const ME = 'me';
export const repValue = (ownerId: string | null): string => ownerId ?? ME;
export const ownerOf = (value: string): string | null => (value === ME ? null : value);
