/** How big each data set is. Counts follow from these knobs; `seed.test.ts` holds them to the targets. */
export const SCALES = ['demo', 'rep', 'lead'] as const;
export type Scale = (typeof SCALES)[number];

export interface ScaleProfile {
  /** books of accounts, one per rep (owner_id per rep when more than one) */
  reps: number;
  accountsPerRep: number;
  /** how far back the visit history reaches (capped by each account's start) */
  historyDays: number;
  /** average notes written per completed visit */
  notesPerVisit: number;
  /** average notes per account not tied to a visit */
  looseNotesPerAccount: number;
}

// rep: ≈ 2,000 accounts, 10,000 contacts, 20,000 dates, 50,000 visits, 100,000 notes.
// A rep's history goes back about two and a half years (980 days), so a year-on-year report has data to compare.
const REP: ScaleProfile = { reps: 1, accountsPerRep: 2000, historyDays: 980, notesPerVisit: 1.85, looseNotesPerAccount: 5 };

export const SCALE_PROFILES: Record<Scale, ScaleProfile> = {
  // demo: small enough to read through, one year of history as the first-run story tells it.
  demo: { reps: 1, accountsPerRep: 60, historyDays: 365, notesPerVisit: 0.6, looseNotesPerAccount: 1 },
  rep: REP,
  // lead: a team lead's view of 20 reps' books.
  lead: { ...REP, reps: 20 },
};
