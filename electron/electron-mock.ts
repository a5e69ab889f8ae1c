/**
 * A stand-in for the `electron` module in unit tests (the binary is absent here, and the logic under
 * test is ours, not Electron's). Tests install it with `vi.mock('electron', () => electronMock())`.
 */
import http from 'node:http';
import { vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

/** Just enough WebContents to record the listeners and handlers our code installs. */
export class FakeWebContents {
  readonly listeners = new Map<string, Listener>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame = { url: 'app://rounds/index.html' };
  readonly session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
  readonly closeDevTools = vi.fn();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Fires a cancellable event, its details on the event as Electron passes them; returns whether our listener cancelled it. */
  emitCancellable(event: string, details: object = {}): boolean {
    const preventDefault = vi.fn();
    this.listeners.get(event)?.({ preventDefault, ...details });
    return preventDefault.mock.calls.length > 0;
  }
}

export class FakeBrowserWindow {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = Object.assign(new FakeWebContents(), { send: vi.fn() });
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

/** A native notification: records what was shown and lets a test click it. */
export class FakeNotification {
  static shown: FakeNotification[] = [];
  static isSupported = vi.fn(() => true);
  readonly listeners = new Map<string, Listener>();
  constructor(readonly options: { title: string; body: string }) {}
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener);
    return this;
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
  click(): void {
    this.listeners.get('click')?.();
  }
}

/** powerMonitor: tests emit 'resume' / 'unlock-screen' themselves. */
export const fakePowerMonitor = {
  listeners: new Map<string, Set<Listener>>(),
  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  },
  removeListener(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  },
  emit(event: string) {
    for (const listener of this.listeners.get(event) ?? []) listener();
  },
};

/** safeStorage: a reversible stand-in "cipher" (prefix + base64) so tests can see nothing is stored in clear. */
export const fakeSafeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn((): string => 'gnome_libsecret'),
  encryptString: vi.fn((plain: string) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`)),
  decryptString: vi.fn((sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return Buffer.from(text.slice('sealed:'.length), 'base64').toString();
  }),
};

/** app: a test sets `isPackaged` to play an installed build; electron-updater reads the rest. */
export const fakeApp = {
  isPackaged: false,
  version: '1.0.0',
  appPath: '',
  userData: '',
  getVersion: () => fakeApp.version,
  getName: () => 'Rounds',
  getAppPath: () => fakeApp.appPath,
  getPath: (_name: string) => fakeApp.userData,
  whenReady: async () => undefined,
  once: vi.fn(),
  quit: vi.fn(),
  relaunch: vi.fn(),
};

/** dialog: `showMessageBox` answers button 0 unless a test says otherwise (`mockResolvedValueOnce`). */
export const fakeDialog = {
  showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

/**
 * net.request, carried by node:http (plain http only: the tests' local feeds): electron-updater's
 * requests and downloads use the same events and methods on both.
 */
function netRequest({ session: _session, redirect: _redirect, ...options }: http.RequestOptions & { session?: unknown; redirect?: string }) {
  return http.request(options);
}

export function electronMock() {
  return {
    app: fakeApp,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
    Notification: FakeNotification,
    powerMonitor: fakePowerMonitor,
    safeStorage: fakeSafeStorage,
    net: { isOnline: vi.fn(() => true), request: vi.fn(netRequest) },
    session: { fromPartition: vi.fn(() => ({})) },
    dialog: fakeDialog,
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    shell: { openExternal: vi.fn(async () => undefined) },
  };
}
