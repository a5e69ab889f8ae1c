/**
 * What the web layer may ask of the browser: only writing text to the clipboard (antd's copy buttons —
 * the recovery key, the data folder's and a backup's path), and only from the app's own top frame on
 * app://. Everything else is refused, checked or requested, from any origin: camera and microphone,
 * geolocation, opening other apps (`openExternal`: mailto:, tel: …), reading the clipboard, HID/USB/serial
 * devices, and web notifications too — in the desktop app the main process notifies natively
 * (electron/notifications.ts), which no session permission governs.
 */
import type { Session } from 'electron';
import { isAppUrl } from './protocol.js';

const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Whether `permission`, asked by a frame showing `frameUrl`, is granted. */
export function isPermissionAllowed(permission: string, frameUrl: string | undefined, isMainFrame: boolean): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl);
}

export function lockDownPermissions(session: Session): void {
  // Both the requesting origin and the frame's own URL (unset when no document asks) must be the app's.
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      isAppUrl(requestingOrigin) && isPermissionAllowed(permission, details.requestingUrl, details.isMainFrame),
  );
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl, details.isMainFrame)),
  );
  // No device is ever granted without asking, and asking is refused above ('hid', 'usb', 'serial').
  session.setDevicePermissionHandler(() => false);
}
