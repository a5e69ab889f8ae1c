import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { lockDownNavigation } from './navigation.js';
import { APP_ENTRY_URL } from './protocol.js';

/** The renderer gets no Node, runs sandboxed and isolated from the preload; web security stays on. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
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
    },
  };
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  lockDownNavigation(window.webContents);
  // The app needs no camera, microphone, notifications-by-prompt or geolocation from the web layer.
  window.webContents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
