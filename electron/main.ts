/**
 * The Electron main process, kept thin: single instance, lock + database via the shared host, the
 * app:// protocol, validated IPC, one hardened window. Bundled to dist/electron/main.cjs.
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import { startHost, type RoundsHost } from '../host/bootstrap.js';
import { databaseKeys, keyFileVault, keyringVault } from '../host/databaseKey.js';
import { defaultLanguage } from '../host/environment.js';
import { DataDirLockedError } from '../host/lock.js';
import { usePrivateFileModes } from '../host/privateFiles.js';
import { sqliteBackend } from '../host/sqlite-backend.js';
import { watchConnectivity, type ConnectivityWatch } from './connectivity.js';
import { safeStorageVault } from './databaseKey.js';
import { registerIpcHandlers } from './ipc.js';
import { startNotificationScheduler, type NotificationScheduler } from './notifications.js';
import { electronDataDir, electronResources } from './paths.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { trustSystemCertificates } from './systemCertificates.js';
import { electronTokenStore } from './syncTokens.js';
import { startUpdates, type UpdateWatch } from './updates/index.js';
import { createMainWindow } from './window.js';

// The bundle lives in dist/electron; the renderer beside it in dist/renderer.
const distDir = path.resolve(__dirname, '..');

let mainWindow: BrowserWindow | null = null;
let host: RoundsHost | null = null;
let notifications: NotificationScheduler | null = null;
let connectivity: ConnectivityWatch | null = null;
let updates: UpdateWatch | null = null;

function showMainWindow(): BrowserWindow {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow(path.join(distDir, 'electron', 'preload.cjs'));
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  return mainWindow;
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = electronDataDir(process.argv, process.env, app.getPath('userData'));
  try {
    host = startHost({
      dataDir,
      host: 'electron',
      version: app.getVersion(),
      resources: electronResources({ isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath }),
      backend: sqliteBackend,
      sync: { tokens: electronTokenStore(dataDir) },
      keys: databaseKeys({ dataDir, vaults: [safeStorageVault(dataDir), keyringVault(dataDir), keyFileVault(dataDir)], language: defaultLanguage() }),
    });
  } catch (error) {
    dialog.showErrorBox('Rounds', error instanceof DataDirLockedError ? error.message : String(error));
    app.exit(1);
    return;
  }
  serveRenderer(path.join(distDir, 'renderer'));
  registerIpcHandlers(() => mainWindow, host.call);
  showMainWindow();
  notifications = startNotificationScheduler({ call: host.call, showWindow: showMainWindow });
  connectivity = watchConnectivity(host.call);
  updates = startUpdates({ call: host.call, parentWindow: () => mainWindow });
}

usePrivateFileModes();
trustSystemCertificates();
registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => void showMainWindow());
  app.on('activate', () => void showMainWindow());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    notifications?.stop();
    connectivity?.stop();
    updates?.stop();
    host?.close();
  });
  void start();
}
