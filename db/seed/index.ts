/**
 * Deterministic data sets: the same seed, scale and `now` always give the same rows (ids included),
 * in the local time zone that decides what "today" is. Used by `rounds seed`, the app's `demo.load`
 * and the benchmarks.
 */
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { planAccounts } from './accounts.js';
import { bookContext } from './context.js';
import { generatePeople } from './people.js';
import { SCALE_PROFILES, type Scale, type ScaleProfile } from './profiles.js';
import { SeededRandom } from './random.js';
import { seedReminders } from './reminders.js';
import { generateActivity } from './visits.js';
import { bundleWriter, type SeedCounts } from './write.js';

export { SCALES, SCALE_PROFILES, type Scale, type ScaleProfile } from './profiles.js';
export type { SeedCounts } from './write.js';

export interface SeedOptions {
  scale: Scale;
  seed: number;
  now: Date;
}

/** Accounts per transaction: big enough to be fast, small enough that the WAL stays modest for `lead`. */
const ACCOUNTS_PER_TRANSACTION = 500;

/**
 * Fills the database with one data set. Writes rows directly (no outbox, see `write.ts`);
 * the caller decides whether the database may already hold data.
 */
export function seedDatabase(db: Database, opts: SeedOptions): SeedCounts {
  return seedWithProfile(db, SCALE_PROFILES[opts.scale], opts.seed, opts.now);
}

/** The same generator at any size: tests use a scaled-down `rep` to check its proportions quickly. */
export function seedWithProfile(db: Database, profile: ScaleProfile, seed: number, now: Date): SeedCounts {
  const rng = new SeededRandom(seed);
  const write = bundleWriter(db);
  const counts: SeedCounts = { accounts: 0, contacts: 0, dates: 0, visits: 0, notes: 0 };
  // One rep's data needs no owner (NULL = this device's user); a team's data is split by rep.
  const ownerIds = profile.reps === 1 ? [null] : Array.from({ length: profile.reps }, () => rng.uuidv7(now));

  for (const ownerId of ownerIds) {
    const ctx = bookContext(rng, profile, now, ownerId);
    const plans = planAccounts(ctx, profile.accountsPerRep);
    for (let start = 0; start < plans.length; start += ACCOUNTS_PER_TRANSACTION) {
      db.transaction(() => {
        for (const plan of plans.slice(start, start + ACCOUNTS_PER_TRANSACTION)) {
          const people = generatePeople(ctx, plan);
          const activity = generateActivity(ctx, plan, people.contacts);
          write({ account: plan.row, ...people, ...activity }, counts);
        }
      })();
    }
  }
  // Its own random stream, so adding reminders left every earlier row of a data set as it was.
  seedReminders(db, new SeededRandom(seed + 0x3e3), now);
  return counts;
}
