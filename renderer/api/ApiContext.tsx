import { createContext, useContext, type ReactNode } from 'react';
import type { RoundsApi } from '../../core/api/contract.js';

const ApiContext = createContext<RoundsApi | null>(null);

export function ApiProvider({ api, children }: { api: RoundsApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): RoundsApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
