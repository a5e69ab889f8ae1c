import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Route =
  | { name: 'today' }
  | { name: 'accounts' }
  | { name: 'account'; id: string; tab?: string }
  | { name: 'calendar' }
  | { name: 'complaints' }
  | { name: 'settings' }
  | { name: 'tiers' }
  | { name: 'conflicts' }
  | { name: 'team' }
  | { name: 'import' };

interface Navigation {
  route: Route;
  navigate: (route: Route) => void;
}

const NavigationContext = createContext<Navigation | null>(null);

/** Routes live in the URL's query (`?r=account&id=…`): the hash is reserved for the browser-mode token. */
function routeFromLocation(): Route {
  const params = new URLSearchParams(window.location.search);
  const name = params.get('r');
  const id = params.get('id');
  if (name === 'account' && id) return { name: 'account', id, ...(params.get('tab') ? { tab: params.get('tab')! } : {}) };
  if (name === 'accounts' || name === 'complaints' || name === 'calendar' || name === 'settings' || name === 'today' || name === 'tiers' || name === 'conflicts' || name === 'team' || name === 'import') return { name };
  return { name: 'today' };
}

function locationOf(route: Route): string {
  const params = new URLSearchParams({ r: route.name });
  if (route.name === 'account') {
    params.set('id', route.id);
    if (route.tab) params.set('tab', route.tab);
  }
  return `${window.location.pathname}?${params.toString()}`;
}

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [route, setRoute] = useState<Route>(routeFromLocation);
  useEffect(() => {
    const onPop = () => setRoute(routeFromLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((next: Route) => {
    history.pushState(null, '', locationOf(next));
    setRoute(next);
  }, []);
  const value = useMemo(() => ({ route, navigate }), [route, navigate]);
  return <NavigationContext.Provider value={value}>{children}</NavigationContext.Provider>;
}

export function useNavigation(): Navigation {
  const nav = useContext(NavigationContext);
  if (!nav) throw new Error('useNavigation outside NavigationProvider');
  return nav;
}
