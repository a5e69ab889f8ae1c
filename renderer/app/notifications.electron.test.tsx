// @vitest-environment jsdom
/** In Electron the main process shows notifications; a clicked one reaches the page through the preload's `onNavigate`. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import type { NavigateTarget } from '../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../test/renderWithApi.js';
import { useNavigation } from '../components/navigation.js';
import { useBrowserNotifications } from './notifications.js';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  delete window.rounds;
});

function CurrentRoute() {
  useBrowserNotifications();
  const { route } = useNavigation();
  return <output>{route.name === 'account' ? `account ${route.id}` : route.name}</output>;
}

/** The preload's `onNavigate` as the page sees it: the test plays the main process. */
function fakePreload() {
  const listeners = new Set<(target: NavigateTarget) => void>();
  const stop = vi.fn();
  const onNavigate = vi.fn((callback: (target: NavigateTarget) => void) => {
    listeners.add(callback);
    return () => {
      stop();
      listeners.delete(callback);
    };
  });
  const send = (target: NavigateTarget) => act(() => listeners.forEach((listener) => listener(target)));
  return { preload: { onNavigate }, send, stop, listeners };
}

describe('useBrowserNotifications in Electron', () => {
  it('opens what a clicked native notification names, and leaves notifying to the main process', async () => {
    const { preload, send, stop, listeners } = fakePreload();
    window.rounds = preload as unknown as NonNullable<typeof window.rounds>;
    const api = fakeApi({});
    const view = await renderWithApi(<CurrentRoute />, api, 'en');
    expect(preload.onNavigate).toHaveBeenCalledTimes(1);

    send({ screen: 'account', accountId: 'a1', visitId: 'v1' });
    expect(screen.getByRole('status').textContent).toBe('account a1');
    send({ screen: 'today' });
    expect(screen.getByRole('status').textContent).toBe('today');

    expect(api['notifications.due']).not.toHaveBeenCalled();
    view.unmount();
    expect(stop).toHaveBeenCalledTimes(1);
    expect(listeners.size).toBe(0);
  });
});
