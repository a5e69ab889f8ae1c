/**
 * The window never leaves the app: navigations away are cancelled and new windows denied. An https
 * link the user clicks opens in the OS browser instead; anything else (http, file, javascript:) is dropped.
 * A frame inside the page (an iframe the CSP already keeps to app://) may not be navigated out of the
 * app either, and nothing there opens in the OS browser.
 */
import { shell, type WebContents } from 'electron';
import { isAppUrl } from './protocol.js';

export function openExternalIfHttps(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:') return false;
  void shell.openExternal(parsed.toString());
  return true;
}

export function lockDownNavigation(contents: WebContents): void {
  // Fires first, for every frame; the top frame's navigations are left to 'will-navigate' just below,
  // which Electron emits only when this one was not cancelled.
  contents.on('will-frame-navigate', (details) => {
    if (!details.isMainFrame && !isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-navigate', (details) => {
    if (isAppUrl(details.url)) return;
    details.preventDefault();
    openExternalIfHttps(details.url);
  });
  contents.on('will-redirect', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfHttps(url);
    return { action: 'deny' };
  });
}
