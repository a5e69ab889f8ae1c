import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { App } from 'antd';
import type { RoundsApi } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { useApi } from './ApiContext.js';
import { useErrorText } from '../i18n/errors.js';

/** A counter bumped after every successful mutation: every live query reloads, so no screen shows stale data. */
let dataVersion = 0;
const listeners = new Set<() => void>();
export function invalidateAll(): void {
  dataVersion += 1;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
/** Calls `listener` after every `invalidateAll` (a change saved, data brought by a sync); returns the unsubscribe. */
export function subscribeData(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
const currentVersion = () => dataVersion;
/** Changes after every `invalidateAll`: a dependency for a screen that loads without `useQuery` (a paged list). */
export function useDataVersion(): number {
  return useSyncExternalStore(subscribe, currentVersion);
}

/**
 * Bumped when a call finds the data file unusable (damaged, newer, encrypted with another key): the
 * host is then in its problem state, and the start screen asks `app.status` again and shows the
 * recovery screen at once instead of every screen failing until the next start. `app.status` answers
 * in the problem state, so asking again cannot fail this way in turn.
 */
let statusVersion = 0;
const statusListeners = new Set<() => void>();
const PROBLEM_CODES: ReadonlySet<string> = new Set(['database_corrupt', 'database_newer', 'database_key_unknown']);
function noticeProblem(error: unknown): void {
  if (!(error instanceof ApiError) || !PROBLEM_CODES.has(error.code)) return;
  statusVersion += 1;
  for (const listener of statusListeners) listener();
}
function subscribeStatus(listener: () => void) {
  statusListeners.add(listener);
  return () => statusListeners.delete(listener);
}
/** Changes whenever a call met the data file's problem: a dependency for the `app.status` query. */
export function useStatusVersion(): number {
  return useSyncExternalStore(subscribeStatus, () => statusVersion);
}

export interface QueryState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(load: (api: RoundsApi) => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const api = useApi();
  const version = useSyncExternalStore(subscribe, currentVersion);
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [nonce, setNonce] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(api).then(
      (data) => live && setState({ data, error: null, loading: false }),
      (error: unknown) => {
        noticeProblem(error);
        if (live) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
    return () => {
      live = false;
    };
    // Callers pass their own deps, as with useEffect.
  }, [api, version, nonce, ...deps]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

/**
 * Runs a change through the API; on success every query reloads, on failure a translated message is shown
 * and the error is rethrown (so forms can map field issues with `applyApiErrorToForm`).
 */
export function useMutation(): <T>(run: (api: RoundsApi) => Promise<T>) => Promise<T> {
  const api = useApi();
  const { message } = App.useApp();
  const errorText = useErrorText();
  return useCallback(
    async <T,>(run: (api: RoundsApi) => Promise<T>) => {
      try {
        const result = await run(api);
        invalidateAll();
        return result;
      } catch (error) {
        noticeProblem(error);
        void message.error(errorText(error));
        throw error;
      }
    },
    [api, message, errorText],
  );
}
