import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, fakeApp } from './electron-mock.js';
import { createMainWindow, mainWindowOptions } from './window.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

beforeEach(() => {
  FakeBrowserWindow.created = [];
  fakeApp.isPackaged = false;
});

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with web security on', () => {
    expect(mainWindowOptions('/app/preload.cjs', true).webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('loads the app:// entry, locks navigation down and denies permission requests and checks', () => {
    createMainWindow('/app/preload.cjs');
    const window = FakeBrowserWindow.created[0];
    expect(window?.loadURL).toHaveBeenCalledWith('app://rounds/index.html');
    expect(window?.webContents.listeners.has('will-navigate')).toBe(true);
    expect(window?.webContents.listeners.has('will-frame-navigate')).toBe(true);
    expect(window?.webContents.windowOpenHandler).not.toBeNull();
    const request = window?.webContents.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void, d: object) => void;
    const decision = vi.fn();
    request(null, 'media', decision, { requestingUrl: 'app://rounds/index.html', isMainFrame: true });
    expect(decision).toHaveBeenCalledWith(false);
    const check = window?.webContents.session.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string, o: string, d: object) => boolean;
    expect(check(null, 'geolocation', 'app://rounds', { requestingUrl: 'app://rounds/index.html', isMainFrame: true })).toBe(false);
  });

  it('has DevTools in development', () => {
    createMainWindow('/app/preload.cjs');
    const window = FakeBrowserWindow.created[0];
    expect(window?.options).toMatchObject({ webPreferences: { devTools: true } });
    expect(window?.webContents.listeners.has('devtools-opened')).toBe(false);
  });

  it('has no DevTools in an installed build, and closes them should they open anyway', () => {
    fakeApp.isPackaged = true;
    createMainWindow('/app/preload.cjs');
    const window = FakeBrowserWindow.created[0];
    expect(window?.options).toMatchObject({ webPreferences: { devTools: false } });
    window?.webContents.listeners.get('devtools-opened')?.();
    expect(window?.webContents.closeDevTools).toHaveBeenCalledTimes(1);
  });
});
