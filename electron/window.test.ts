import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow } from './electron-mock.js';
import { createMainWindow, mainWindowOptions } from './window.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

beforeEach(() => {
  FakeBrowserWindow.created = [];
});

describe('the main window', () => {
  it('is isolated, sandboxed, without Node, with web security on', () => {
    expect(mainWindowOptions('/app/preload.cjs').webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('loads the app:// entry, locks navigation down and denies permission requests', () => {
    createMainWindow('/app/preload.cjs');
    const window = FakeBrowserWindow.created[0];
    expect(window?.loadURL).toHaveBeenCalledWith('app://rounds/index.html');
    expect(window?.webContents.listeners.has('will-navigate')).toBe(true);
    expect(window?.webContents.windowOpenHandler).not.toBeNull();
    const handler = window?.webContents.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const decision = vi.fn();
    handler(null, 'media', decision);
    expect(decision).toHaveBeenCalledWith(false);
  });
});
