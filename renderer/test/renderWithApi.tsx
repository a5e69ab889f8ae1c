/**
 * Renders a screen the way the app does (AppProviders) with an in-memory fake API, for jsdom tests.
 * Only the methods a test provides exist; calling any other fails the test loudly.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { ApiMethod, RoundsApi } from '../../core/api/contract.js';
import { AppProviders } from '../app/AppProviders.js';
import { i18n } from '../i18n/index.js';

// jsdom lacks the layout APIs antd's responsive helpers ask for.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
if (!('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export type FakeApi = RoundsApi & { [M in ApiMethod]: ReturnType<typeof vi.fn> };

/** A fake API: each given method becomes a spy; any other method rejects with a clear message. */
export function fakeApi(methods: Partial<RoundsApi>): FakeApi {
  const spies = new Map<string, unknown>();
  for (const [name, impl] of Object.entries(methods)) spies.set(name, vi.fn(impl as (input: unknown) => Promise<unknown>));
  return new Proxy({} as FakeApi, {
    get(_target, name: string) {
      if (!spies.has(name)) spies.set(name, vi.fn(() => Promise.reject(new Error(`fake API: ${name} not provided by this test`))));
      return spies.get(name);
    },
  });
}

export async function renderWithApi(ui: ReactNode, api: RoundsApi, language: 'en' | 'zh-CN' = 'en'): Promise<RenderResult> {
  await i18n.changeLanguage(language);
  window.history.replaceState(null, '', '/');
  return render(<AppProviders api={api}>{ui}</AppProviders>);
}
