import { useQuery } from '../../api/useQuery.js';

/**
 * The host's calendar day (`app.info.today`), not the browser's clock: the host owns the clock, so a
 * fixed test clock (`ROUNDS_NOW`) moves the UI too. Undefined until the host has answered.
 */
export function useHostToday(): string | undefined {
  return useQuery((api) => api['app.info']({}), []).data?.today;
}
