/**
 * Runs sandboxed (bundled to CommonJS): only `contextBridge` and `ipcRenderer` are available. Exposes
 * ONE typed object, `window.rounds`, with one function per API method — never a generic invoke, so
 * the page can reach nothing but the API.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, type RoundsBridge } from '../core/api/contract.js';
import { IPC_CHANNEL_PREFIX } from './channels.js';

const bridge = Object.fromEntries(
  API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(IPC_CHANNEL_PREFIX + method, input)]),
) as RoundsBridge;

contextBridge.exposeInMainWorld('rounds', bridge);
