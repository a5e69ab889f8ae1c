/**
 * The Electron main bundle, built for real and run under Node with a stand-in `electron` module: it
 * must find its migrations (copied beside it), open the database in the data folder, register the
 * protocol and one IPC channel per method, load app://, run an export in the bundled worker, and
 * release the folder on quit.
 */
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { API_METHODS, type ApiResult, type ExportJobView } from '../core/api/contract.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildElectron } from './build.mjs';

const root = path.resolve(import.meta.dirname, '..');

type Loader = (request: string, ...rest: unknown[]) => unknown;
const moduleInternals = Module as unknown as { _load: Loader };

function fakeElectron(dataDir: string) {
  const events: string[] = [];
  const appListeners = new Map<string, () => void>();
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<ApiResult>>();
  const webContents = {
    on: () => undefined,
    setWindowOpenHandler: () => undefined,
    session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, setDevicePermissionHandler: () => undefined },
    mainFrame: { url: 'app://rounds/index.html' },
  };
  /** Calls a method over IPC as the main window's page would. */
  const invoke = async (method: string, input: unknown): Promise<ApiResult> => {
    const handler = ipcHandlers.get(`rounds:${method}`);
    if (!handler) throw new Error(`no IPC handler for ${method}`);
    return handler({ sender: webContents, senderFrame: webContents.mainFrame }, input);
  };
  const electron = {
    app: {
      whenReady: async () => undefined,
      getPath: () => dataDir,
      getVersion: () => '0.0.0',
      getAppPath: () => dataDir,
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: () => void) => appListeners.set(event, listener),
      quit: () => events.push('quit'),
      exit: (code: number) => events.push(`exit ${code}`),
    },
    dialog: { showErrorBox: (_title: string, message: string) => events.push(`error ${message}`) },
    protocol: { registerSchemesAsPrivileged: () => events.push('scheme'), handle: (scheme: string) => events.push(`protocol ${scheme}`) },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<ApiResult>) => {
        events.push(channel);
        ipcHandlers.set(channel, handler);
      },
    },
    shell: {},
    safeStorage: {
      isEncryptionAvailable: () => {
        events.push('safeStorage');
        return true;
      },
    },
    net: { isOnline: () => true },
    powerMonitor: { on: () => undefined, removeListener: () => undefined },
    Notification: class {
      static isSupported = () => false;
    },
    BrowserWindow: class {
      readonly webContents = webContents;
      once() {}
      isDestroyed = () => false;
      isMinimized = () => false;
      focus() {}
      loadURL(url: string) {
        events.push(`load ${url}`);
        return Promise.resolve();
      }
    },
  };
  return { electron, events, appListeners, invoke };
}

describe('the Electron main bundle', () => {
  it('starts on a fresh data folder under a stand-in electron', { timeout: 60_000 }, async () => {
    // Inside the repo, so the bundle resolves better-sqlite3 from node_modules like the real one does.
    fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
    const outDir = fs.mkdtempSync(path.join(root, 'dist', 'test-bundle-'));
    onTestFinished(() => fs.rmSync(outDir, { recursive: true, force: true }));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-bundle-data-'));
    await buildElectron(outDir);
    expect(fs.readdirSync(path.join(outDir, 'migrations')).length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(outDir, 'exportWorker.cjs'))).toBe(true);

    const { electron, events, appListeners, invoke } = fakeElectron(dataDir);
    const originalLoad = moduleInternals._load;
    moduleInternals._load = function (request, ...rest) {
      return request === 'electron' ? electron : originalLoad.call(this, request, ...rest);
    };
    try {
      createRequire(import.meta.url)(path.join(outDir, 'main.cjs'));
      await expect.poll(() => events.some((e) => e.startsWith('load ')), { timeout: 10_000 }).toBe(true);
    } finally {
      moduleInternals._load = originalLoad;
    }

    expect(events).toContain('scheme');
    expect(events).toContain('protocol app');
    expect(events).toContain('load app://rounds/index.html');
    expect(events.filter((e) => e.startsWith('rounds:'))).toHaveLength(API_METHODS.length);
    expect(events).toContain('safeStorage'); // sync tokens go to the encrypted store
    expect(events.filter((e) => e.startsWith('error') || e.startsWith('exit'))).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'rounds.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'rounds.lock'))).toBe(true);

    // An export runs in the worker bundled beside main.cjs (not the TypeScript one) and writes its file.
    const started = await invoke('exports.start', { kind: 'visits', format: 'csv', period: { preset: 'month' } });
    if (!started.ok) throw new Error(JSON.stringify(started.error));
    const { jobId } = started.value as { jobId: string };
    const finished = async () => {
      const result = await invoke('exports.status', { jobId });
      return result.ok ? (result.value as ExportJobView) : null;
    };
    await expect.poll(async () => (await finished())?.state, { timeout: 20_000 }).toBe('done');
    const file = (await finished())?.file;
    expect(file && path.dirname(file.path)).toBe(path.join(dataDir, 'exports'));
    expect(file && fs.readFileSync(file.path, 'utf8').length).toBeGreaterThan(0);

    appListeners.get('will-quit')?.();
    expect(fs.existsSync(path.join(dataDir, 'rounds.lock'))).toBe(false);
  });
});
