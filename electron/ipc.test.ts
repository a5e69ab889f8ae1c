import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, type ApiResult } from '../core/api/contract.js';
import { ApiError } from '../core/api/errors.js';
import { isApiMethod, parseApiInput } from '../core/api/validate.js';
import { FakeBrowserWindow } from './electron-mock.js';
import { registerIpcHandlers } from './ipc.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

type Handler = (event: unknown, input: unknown) => Promise<ApiResult>;

const served: Array<{ method: unknown; input: unknown }> = [];
let mainWindow: FakeBrowserWindow;

/** Validates like the real dispatcher does, then records what got through. */
async function validatingCall(method: unknown, input: unknown): Promise<ApiResult> {
  try {
    if (!isApiMethod(method)) throw new ApiError('unknown_method');
    const parsed = parseApiInput(method, input);
    served.push({ method, input: parsed });
    return { ok: true, value: 'served' };
  } catch (error) {
    return { ok: false, error: (error as ApiError).toBody() };
  }
}

function handlerFor(channel: string): Handler {
  const entry = vi.mocked(ipcMain.handle).mock.calls.find(([name]) => name === channel);
  if (!entry) throw new Error(`no handler for ${channel}`);
  return entry[1] as unknown as Handler;
}

function eventFrom(overrides: { sender?: unknown; senderFrame?: unknown } = {}): IpcMainInvokeEvent {
  return { sender: mainWindow.webContents, senderFrame: mainWindow.webContents.mainFrame, ...overrides } as unknown as IpcMainInvokeEvent;
}

beforeAll(() => {
  mainWindow = new FakeBrowserWindow({});
  registerIpcHandlers(() => mainWindow as unknown as BrowserWindow, validatingCall);
});

beforeEach(() => {
  served.length = 0;
  mainWindow.destroyed = false;
  mainWindow.webContents.mainFrame.url = 'app://rounds/index.html';
});

describe('registerIpcHandlers', () => {
  it('registers exactly one rounds:<method> channel per API method', () => {
    const channels = vi.mocked(ipcMain.handle).mock.calls.map(([name]) => name);
    expect(channels).toEqual(API_METHODS.map((m) => `rounds:${m}`));
  });

  it("serves the main window's top frame on app://", async () => {
    expect(await handlerFor('rounds:app.status')(eventFrom(), {})).toEqual({ ok: true, value: 'served' });
    expect(served).toEqual([{ method: 'app.status', input: {} }]);
  });

  it('refuses a sub-frame, another webContents, a missing frame or a destroyed window', async () => {
    const handler = handlerFor('rounds:settings.get');
    const refused = [
      eventFrom({ senderFrame: { url: 'app://rounds/index.html' } }),
      eventFrom({ sender: {} }),
      eventFrom({ senderFrame: null }),
    ];
    for (const event of refused) expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    mainWindow.destroyed = true;
    expect(await handler(eventFrom(), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(served).toHaveLength(0);
  });

  it('refuses the main frame once it shows anything but app://rounds', async () => {
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://evil/index.html']) {
      mainWindow.webContents.mainFrame.url = url;
      expect(await handlerFor('rounds:settings.get')(eventFrom(), {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(served).toHaveLength(0);
  });

  it('validates the argument before anything is served', async () => {
    const result = await handlerFor('rounds:accounts.get')(eventFrom(), { id: 'not-a-uuid', extra: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(served).toHaveLength(0);
  });
});
