import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ONLINE_POLL_MS, watchConnectivity, type ConnectivityWatch } from './connectivity.js';
import { fakePowerMonitor } from './electron-mock.js';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronMock());

let online = true;
let watch: ConnectivityWatch | null = null;
const call = vi.fn(async () => ({ ok: true as const, value: null }));
const onlineTriggers = () => call.mock.calls.filter((args: unknown[]) => args[0] === 'sync.now' && JSON.stringify(args[1]) === '{"trigger":"online"}').length;

beforeEach(() => {
  vi.useFakeTimers();
  call.mockClear();
  online = true;
});
afterEach(() => {
  watch?.stop();
  vi.useRealTimers();
});

describe('watchConnectivity', () => {
  it('triggers an online sync when the OS network comes back, not while it stays up or down', () => {
    watch = watchConnectivity(call, () => online);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(call).not.toHaveBeenCalled();

    online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(call).not.toHaveBeenCalled();

    online = true;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    expect(onlineTriggers()).toBe(1);
    vi.advanceTimersByTime(ONLINE_POLL_MS * 3);
    expect(onlineTriggers()).toBe(1);
  });

  it('triggers an online sync on resume from sleep when a network is there', () => {
    watch = watchConnectivity(call, () => online);
    fakePowerMonitor.emit('resume');
    expect(onlineTriggers()).toBe(1);

    online = false;
    fakePowerMonitor.emit('resume');
    expect(onlineTriggers()).toBe(1);
  });

  it('stops polling and listening when stopped', () => {
    watch = watchConnectivity(call, () => online);
    watch.stop();
    online = false;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    online = true;
    vi.advanceTimersByTime(ONLINE_POLL_MS);
    fakePowerMonitor.emit('resume');
    expect(call).not.toHaveBeenCalled();
  });
});
