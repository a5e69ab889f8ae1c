import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { App } from 'antd';
import type { RoundsApi } from '../../core/api/contract.js';
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
const currentVersion = () => dataVersion;

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
      (error: unknown) => live && setState((s) => ({ data: s.data, error, loading: false })),
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
        void message.error(errorText(error));
        throw error;
      }
    },
    [api, message, errorText],
  );
}
