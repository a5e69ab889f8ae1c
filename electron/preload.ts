/**
 * Runs sandboxed (bundled to CommonJS): only `contextBridge` and `ipcRenderer` are available. Exposes
 * ONE typed object, `window.rounds`, with one function per API method — never a generic invoke, so
 * the page can reach nothing but the API — plus `onNavigate` for the main process's requests to open
 * an item (a clicked notification).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_METHODS, type NavigateTarget, type RoundsBridge, type RoundsPreload } from '../core/api/contract.js';
import { IPC_CHANNEL_PREFIX, NAVIGATE_CHANNEL } from './channels.js';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + method, input)]),
) as RoundsBridge;

const onNavigate: RoundsPreload['onNavigate'] = (callback) => {
  // The page gets the target only, never the IPC event (which would expose the sender).
  const listener = (_event: IpcRendererEvent, target: NavigateTarget) => callback(target);
  ipcRenderer.on(NAVIGATE_CHANNEL, listener);
  return () => void ipcRenderer.removeListener(NAVIGATE_CHANNEL, listener);
};

contextBridge.exposeInMainWorld('rounds', { ...bridge, onNavigate } satisfies RoundsPreload);
