import { contextBridge, ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../core/api/contract.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

describe('preload', () => {
  it('exposes one window.rounds object with one function per method, each invoking its own channel', async () => {
    vi.mocked(ipcRenderer.invoke).mockResolvedValue({ ok: true, value: 'v' });
    await import('./preload.js');

    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [name, bridge] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0] ?? [];
    expect(name).toBe('rounds');
    const api = bridge as Record<string, (input: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onNavigate'].sort());
    expect(Object.values(api).every((fn) => typeof fn === 'function')).toBe(true);
    expect('invoke' in api).toBe(false);

    expect(await api['accounts.get']?.({ id: 'x' })).toEqual({ ok: true, value: 'v' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('rounds:accounts.get', { id: 'x' });
  });

  it('passes navigation requests to the page without the IPC event, until it stops listening', async () => {
    await import('./preload.js');
    const [, bridge] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0] ?? [];
    const { onNavigate } = bridge as { onNavigate: (callback: (target: unknown) => void) => () => void };
    const received: unknown[] = [];
    const stop = onNavigate((target) => received.push(target));
    const [channel, listener] = vi.mocked(ipcRenderer.on).mock.calls[0] ?? [];
    expect(channel).toBe('rounds:navigate');
    (listener as (event: unknown, target: unknown) => void)({ sender: 'secret' }, { screen: 'today' });
    expect(received).toEqual([{ screen: 'today' }]);
    stop();
    expect(ipcRenderer.removeListener).toHaveBeenCalledWith('rounds:navigate', listener);
  });
});
