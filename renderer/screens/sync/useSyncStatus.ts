/**
 * The sync status, polled from the API (faster while a sync runs or while signed in to a team, and at
 * once after a change made here, so that "to send" shows without a wait). When a sync changed what
 * this laptop holds (`dataVersion`: a teammate's visit arrived), every query reloads: an open Team or
 * Today screen shows it without anyone pressing anything. The OS regaining a network asks for a sync,
 * which the host runs only if the server actually answers.
 */
import { useEffect, useRef, useState } from 'react';
import type { SyncStatusView } from '../../../core/api/contract.js';
import { useApi } from '../../api/ApiContext.js';
import { invalidateAll, subscribeData } from '../../api/useQuery.js';

const IDLE_POLL_MS = 5_000;
const SIGNED_IN_POLL_MS = 2_000;
const RUNNING_POLL_MS = 700;

export function useSyncStatus(): SyncStatusView | undefined {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatusView>();
  const dataVersion = useRef<number | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api['sync.status']({});
        if (!live) return;
        // The first answer only records where we are; a later version means a sync brought data.
        const changed = dataVersion.current !== undefined && next.dataVersion !== dataVersion.current;
        dataVersion.current = next.dataVersion;
        setStatus(next);
        clearTimeout(timer);
        timer = setTimeout(() => void poll(), next.running ? RUNNING_POLL_MS : next.state === 'signed_out' ? IDLE_POLL_MS : SIGNED_IN_POLL_MS);
        if (changed) invalidateAll();
      } catch {
        if (live) timer = setTimeout(() => void poll(), IDLE_POLL_MS);
      }
    };
    const onOnline = () => void api['sync.now']({ trigger: 'online' }).then(() => void poll(), () => undefined);
    // A change saved here (or data reloaded after a sync): ask now, not at the next tick.
    const unsubscribe = subscribeData(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void poll(), 0);
    });
    void poll();
    window.addEventListener('online', onOnline);
    return () => {
      live = false;
      clearTimeout(timer);
      unsubscribe();
      window.removeEventListener('online', onOnline);
    };
  }, [api]);

  return status;
}

/**
 * Rounds used alone: never signed in to a team server (nothing ever synced) and nothing needing
 * attention. Sync then has nothing to say: no "to send" count, no conflicts entry.
 */
export function isSoloUse(status: SyncStatusView): boolean {
  return status.state === 'signed_out' && status.lastSyncedAt === null && status.conflicts === 0;
}
