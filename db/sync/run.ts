/** One sync: push, pull, push again (what the pull's snapshot did not yet include goes out at once). */
import type { SyncRunView } from '../../core/api/contract.js';
import { todayIn } from '../../core/calendar/day.js';
import type { Db } from '../connection.js';
import { isDiskFull } from '../diskFull.js';
import { countNoteConflicts } from './conflicts.js';
import { SyncError, type SyncConnection } from './http.js';
import { pullChanges, type PullProgress } from './pull.js';
import { listOutbox } from '../synced/outbox.js';
import { pushOutbox } from './push.js';
import { saveOutcome } from './state.js';

/** What one run did: the app's view of a sync is the run's report as it is. */
export type SyncReport = SyncRunView;

export interface SyncOnceOptions {
  now?: () => Date;
  pageSize?: number;
  onProgress?: (progress: PullProgress) => void;
  /** a first sync's priority phase has applied the rows Today needs (`PullOptions.onPriorityApplied`) */
  onPriorityApplied?: () => void;
  /** what the sync is doing now: sending the outbox, or receiving the team's changes */
  onPhase?: (phase: SyncPhase) => void;
}

export type SyncPhase = 'sending' | 'receiving';

/** Records the outcome (last sync instant, or the error's i18n key) and rethrows a failure. */
export async function syncOnce(db: Db, connection: SyncConnection, options: SyncOnceOptions = {}): Promise<SyncReport> {
  const now = options.now ?? (() => new Date());
  const stamp = () => now().toISOString();
  try {
    const sending = () => {
      if (listOutbox(db, { limit: 1 }).length > 0) options.onPhase?.('sending');
    };
    sending();
    const first = await pushOutbox(db, connection, stamp);
    options.onPhase?.('receiving');
    const pulled = await pullChanges(db, connection, {
      pageSize: options.pageSize,
      onProgress: options.onProgress,
      today: () => todayIn(undefined, now()),
      onPriorityApplied: options.onPriorityApplied,
    });
    sending();
    const second = await pushOutbox(db, connection, stamp);
    saveOutcome(db, { syncedAt: stamp() });
    return {
      pushed: first.applied + second.applied,
      pulled: pulled.pulled,
      changed: pulled.changed,
      rejected: first.rejected + second.rejected,
      conflicts: countNoteConflicts(db),
      reset: pulled.reset,
    };
  } catch (error) {
    const errorKey = error instanceof SyncError ? error.messageKey : isDiskFull(error) ? 'common:errors.disk_full' : 'sync:errors.unexpected';
    // Saving the outcome is itself a write, which a full disk may refuse too: the error thrown below still says why.
    try {
      saveOutcome(db, { errorKey });
    } catch (saveError) {
      if (!isDiskFull(saveError)) throw saveError;
    }
    throw error;
  }
}
