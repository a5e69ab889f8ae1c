/**
 * A stand-in for the `electron` module in unit tests (the binary is absent here, and the logic under
 * test is ours, not Electron's). Tests install it with `vi.mock('electron', () => electronMock())`.
 */
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Just enough WebContents to record the listeners and handlers our code installs. */
export class FakeWebContents {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame = { url: 'app://rounds/index.html' };
  readonly session = { setPermissionRequestHandler: vi.fn() };
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Fires a cancellable event; returns whether our listener cancelled it. */
  emitCancellable(event: string, ...args: unknown[]): boolean {
    const preventDefault = vi.fn();
    this.listeners.get(event)?.({ preventDefault }, ...args);
    return preventDefault.mock.calls.length > 0;
  }
}

export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async () => undefined);
  readonly once = vi.fn();
  destroyed = false;
  constructor(readonly options: unknown) {
    FakeBrowserWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export function electronMock() {
  return {
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: vi.fn() },
    ipcRenderer: { invoke: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
}
