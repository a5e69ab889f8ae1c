import { API_METHODS, type ApiMethod, type ApiResult, type RoundsApi, type RoundsBridge } from '../../core/api/contract.js';
import { ApiError, isApiErrorBody } from '../../core/api/errors.js';

declare global {
  interface Window {
    /** Present only in the Electron host: the preload's one typed API object. */
    rounds?: RoundsBridge;
  }
}

const TOKEN_KEY = 'rounds.token';

/**
 * Browser mode: the host opens `http://127.0.0.1:PORT/#launch=<one-time code>`; the code is exchanged
 * for the session token (kept for reloads of this tab) and the URL cleaned, so the token itself never
 * appears on a command line, in the address bar or in history.
 */
async function takeBrowserToken(): Promise<string> {
  const match = /(?:^#|&)launch=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    const response = await fetch('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ launch: match[1] }) }).catch(() => null);
    const body = (await response?.json().catch(() => null)) as { token?: unknown } | null | undefined;
    if (typeof body?.token === 'string') {
      sessionStorage.setItem(TOKEN_KEY, body.token);
      return body.token;
    }
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

let browserToken: Promise<string> | undefined;
const sessionToken = (): Promise<string> => (browserToken ??= takeBrowserToken());

/**
 * Browser mode: a link cannot carry the token header, so a click asks the host for a one-time ticket
 * for that file and follows it (the file comes as an attachment: the page stays).
 */
export async function downloadExport(name: string): Promise<void> {
  const response = await fetch('/files/tickets', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-rounds-token': await sessionToken() },
    body: JSON.stringify({ name }),
  }).catch(() => null);
  const body = (await response?.json().catch(() => null)) as { url?: unknown } | null | undefined;
  if (typeof body?.url !== 'string') throw new ApiError(response?.status === 404 ? 'not_found' : 'internal');
  window.location.assign(body.url);
}

function createHttpApi(): RoundsApi {
  const call = async (method: ApiMethod, input: unknown): Promise<unknown> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rounds-token': await sessionToken() },
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
  return window.rounds ? createIpcApi(window.rounds) : createHttpApi();
}
