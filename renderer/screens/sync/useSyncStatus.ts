/**
 * The sync status, polled from the API (faster while a sync runs). When a sync completes the data on
 * screen may have changed, so every query reloads. The OS regaining a network asks for a sync, which
 * the host runs only if the server actually answers.
 */
import { useEffect, useRef, useState } from 'react';
import type { SyncStatusView } from '../../../core/api/contract.js';
import { useApi } from '../../api/ApiContext.js';
import { invalidateAll } from '../../api/useQuery.js';

const IDLE_POLL_MS = 5_000;
const RUNNING_POLL_MS = 700;

export function useSyncStatus(): SyncStatusView | undefined {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatusView>();
  const lastSynced = useRef<string | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api['sync.status']({});
        if (!live) return;
        // The first answer only records where we are; later changes mean a sync brought data.
        if (lastSynced.current !== undefined && next.lastSyncedAt !== lastSynced.current) invalidateAll();
        lastSynced.current = next.lastSyncedAt;
        setStatus(next);
        timer = setTimeout(() => void poll(), next.running ? RUNNING_POLL_MS : IDLE_POLL_MS);
      } catch {
        if (live) timer = setTimeout(() => void poll(), IDLE_POLL_MS);
      }
    };
    const onOnline = () => void api['sync.now']({ trigger: 'online' }).then(() => void poll(), () => undefined);
    void poll();
    window.addEventListener('online', onOnline);
    return () => {
      live = false;
      clearTimeout(timer);
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
