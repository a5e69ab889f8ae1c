import { API_METHODS, type ApiMethod, type ApiResult, type RoundsApi, type RoundsBridge } from '../../core/api/contract.js';
import { ApiError, isApiErrorBody } from '../../core/api/errors.js';

declare global {
  interface Window {
    /** Present only in the Electron host: the preload's one typed API object. */
    rounds?: RoundsBridge;
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
    return unwrap(body, response.status === 401 ? 'unauthorized' : 'internal');
  };
  return Object.fromEntries(API_METHODS.map((m) => [m, (input: unknown) => call(m, input)])) as unknown as RoundsApi;
}

/** Both transports answer with an `ApiResult`: the value, or an error rebuilt so the UI can translate it. */
function unwrap(result: unknown, fallback: 'unauthorized' | 'internal'): unknown {
  if (result && typeof result === 'object' && (result as ApiResult).ok === true) return (result as { value: unknown }).value;
  const error = (result as { error?: unknown } | null)?.error;
  throw isApiErrorBody(error) ? ApiError.fromBody(error) : new ApiError(fallback);
}

/** Electron: the preload resolves to an `ApiResult` because contextBridge would strip an error's code and issues. */
function createIpcApi(bridge: RoundsBridge): RoundsApi {
  const methods = bridge as unknown as Record<ApiMethod, (input: unknown) => Promise<unknown>>;
  return Object.fromEntries(
    API_METHODS.map((m) => [m, async (input: unknown) => unwrap(await methods[m](input), 'internal')]),
  ) as unknown as RoundsApi;
}

/** The one API object the UI uses, whichever host serves it. */
export function createApi(): RoundsApi {
  return window.rounds ? createIpcApi(window.rounds) : createHttpApi(takeBrowserToken());
}
