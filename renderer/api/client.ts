import { API_METHODS, type ApiMethod, type RoundsApi } from '../../core/api/contract.js';
import { ApiError, isApiErrorBody } from '../../core/api/errors.js';

declare global {
  interface Window {
    /** Present only in the Electron host: the preload's one typed API object. */
    rounds?: RoundsApi;
  }
}

const TOKEN_KEY = 'rounds.token';

/** Browser mode: the host prints `http://127.0.0.1:PORT/#token=…`; keep the token for reloads, then clean the URL. */
function takeBrowserToken(): string {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function createHttpApi(token: string): RoundsApi {
  const call = async (method: ApiMethod, input: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rounds-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('internal', { detail: 'errors.hostUnreachable' });
    }
    const body: unknown = await response.json().catch(() => null);
    if (body && typeof body === 'object' && (body as { ok?: unknown }).ok === true) return (body as { value: unknown }).value;
    const error = (body as { error?: unknown } | null)?.error;
    throw isApiErrorBody(error) ? ApiError.fromBody(error) : new ApiError(response.status === 401 ? 'unauthorized' : 'internal');
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as RoundsApi;
}

/** The one API object the UI uses, whichever host serves it. */
export function createApi(): RoundsApi {
  return window.rounds ?? createHttpApi(takeBrowserToken());
}
