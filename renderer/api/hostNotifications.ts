/** What the host lets the renderer show: desktop notifications in a browser, and whether this is Electron. */

/** Web Notifications once the user has allowed them (asked from Settings, never on load). */
export function webNotificationsAllowed(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

/** Asks for permission to show desktop notifications; resolves to whether they are allowed. */
export async function requestNotificationPermission(): Promise<boolean> {
  if (typeof Notification === 'undefined') return false;
  return (await Notification.requestPermission()) === 'granted';
}

export function isElectron(): boolean {
  return typeof window !== 'undefined' && window.rounds !== undefined;
}
