import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { lockDownNavigation } from './navigation.js';
import { lockDownPermissions } from './permissions.js';
import { APP_ENTRY_URL } from './protocol.js';

/**
 * The renderer gets no Node, runs sandboxed and isolated from the preload; web security stays on.
 * DevTools exist only in development: an installed app (`packaged`) has none to open.
 */
export function mainWindowOptions(preloadPath: string, packaged: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'Rounds',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, app.isPackaged));
  lockDownNavigation(window.webContents);
  lockDownPermissions(window.webContents.session);
  // Should DevTools open anyway in an installed app, they are closed at once.
  if (app.isPackaged) window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
