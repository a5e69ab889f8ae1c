/**
 * Tells the sync loop when the network may be back: when `net.isOnline()` turns true after being
 * false, and on resume from sleep (a laptop's timers and sockets are stale then). The loop itself
 * checks the server's `/health` before syncing, since the OS flag only says some network exists.
 */
import { net, powerMonitor } from 'electron';
import type { ApiCall } from './notifications.js';

/** How often the OS network flag is read; Electron's main process has no event for it. */
export const ONLINE_POLL_MS = 15_000;

export interface ConnectivityWatch {
  stop(): void;
}

export function watchConnectivity(call: ApiCall, isOnline: () => boolean = () => net.isOnline()): ConnectivityWatch {
  const regained = () => void call('sync.now', { trigger: 'online' });
  let wasOnline = isOnline();
  const poll = setInterval(() => {
    const online = isOnline();
    if (online && !wasOnline) regained();
    wasOnline = online;
  }, ONLINE_POLL_MS);
  const onResume = () => {
    wasOnline = isOnline();
    if (wasOnline) regained();
  };
  powerMonitor.on('resume', onResume);
  return {
    stop() {
      clearInterval(poll);
      powerMonitor.removeListener('resume', onResume);
    },
  };
}
