/**
 * The IPC transport: one `ipcMain.handle('rounds:<method>')` per API method. A call is served only
 * when it comes from the main window's top frame showing app:// — not an iframe, not a page the
 * window was somehow navigated to. Arguments are validated by `call` (zod) like every transport.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { API_METHODS, type ApiResult } from '../core/api/contract.js';
import { ApiError } from '../core/api/errors.js';
import { IPC_CHANNEL_PREFIX } from './channels.js';
import { isAppUrl } from './protocol.js';

export function isTrustedSender(event: IpcMainInvokeEvent, mainWindow: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  if (!frame || !mainWindow || mainWindow.isDestroyed()) return false;
  if (event.sender !== mainWindow.webContents || frame !== mainWindow.webContents.mainFrame) return false;
  return isAppUrl(frame.url);
}

export function registerIpcHandlers(
  getMainWindow: () => BrowserWindow | null,
  call: (method: unknown, input: unknown) => Promise<ApiResult>,
): void {
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_CHANNEL_PREFIX + method, async (event, input: unknown): Promise<ApiResult> => {
      if (!isTrustedSender(event, getMainWindow())) return { ok: false, error: new ApiError('forbidden').toBody() };
      return call(method, input);
    });
  }
}
