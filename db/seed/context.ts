import { format, startOfDay } from 'date-fns';
import type { SeededRandom } from './random.js';
import type { ScaleProfile } from './profiles.js';

/** What every generator shares while it builds one rep's book of accounts. */
export interface BookContext {
  rng: SeededRandom;
  profile: ScaleProfile;
  now: Date;
  /** start of `now`'s day in the local time zone: "today" for planned visits and due dates */
  today: Date;
  ownerId: string | null;
  /**
   * The cases a reminder engine must get right, each placed once per book by the first date that
   * can take it, so even the 60-account demo shows them: 29 February and lunar leap months / day 30.
   */
  showcases: { leapDay: boolean; lunar: Array<'leap' | 'dayThirty'> };
  plannedToday: number;
}

export function bookContext(rng: SeededRandom, profile: ScaleProfile, now: Date, ownerId: string | null): BookContext {
  return {
    rng,
    profile,
    now,
    today: startOfDay(now),
    ownerId,
    showcases: { leapDay: false, lunar: ['leap', 'leap', 'dayThirty'] },
    plannedToday: 0,
  };
}

/** A synced row's bookkeeping: id from its own creation time, timestamps as ISO UTC. */
export function syncedFields(ctx: BookContext, createdAt: Date, updatedAt: Date = createdAt) {
  return {
    id: ctx.rng.uuidv7(createdAt),
    owner_id: ctx.ownerId,
    created_at: createdAt.toISOString(),
    updated_at: updatedAt.toISOString(),
  };
}

export function calendarDay(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}
