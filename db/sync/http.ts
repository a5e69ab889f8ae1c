/**
 * The client side of the wire protocol (`core/sync/protocol.ts`): JSON over HTTP(S) with a bearer
 * access token, refreshed once on a 401 (and a little before it expires). Every failure becomes a
 * `SyncError` whose code the status bar translates (`sync:errors.<code>`).
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import {
  SYNC_PROTOCOL_VERSION,
  type LoginResponse,
  type Mutation,
  type PullPriority,
  type PullResponse,
  type PushResponse,
  type SyncErrorBody,
} from '../../core/sync/protocol.js';
import { checkPlainPullPage, decodePullPage, PULL_COLUMNS_TYPE, PullPageError } from '../../core/sync/pullEncoding.js';
import type { SyncTokens, TokenStore } from './tokens.js';

export type SyncErrorCode =
  | 'offline'
  | 'signed_out'
  | 'bad_credentials'
  /** an admin revoked this installation: signing in again on it is refused until a fresh install */
  | 'device_revoked'
  | 'forbidden'
  | 'upgrade_required'
  | 'invalid'
  | 'payload_too_large'
  | 'out_of_order'
  /** this database is an older copy of one the server has seen: it got a new identity, sign in again */
  | 'database_copied'
  /** a server address without http:// or https://: never guessed (it would mean plain HTTP) */
  | 'scheme_required'
  /** a server address with a user name or password in it: they would be stored and logged with the address */
  | 'credentials_in_url'
  /** the server refuses sign-in for a while (429): too many failed attempts for the user, or from this address */
  | 'too_many_attempts'
  | 'server';

export class SyncError extends Error {
  override readonly name = 'SyncError';
  constructor(
    readonly code: SyncErrorCode,
    detail?: string,
    /** too_many_attempts: how long the server asked to wait */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? code);
  }
  /** i18n key of the plain-words message */
  get messageKey(): string {
    return `sync:errors.${this.code}`;
  }
}

export type Fetch = typeof fetch;

/** `PullRequest.priority` as sent (`days` has a default). */
export type PullPriorityInput = Omit<PullPriority, 'days'> & { days?: number };

export interface ConnectionOptions {
  serverUrl: string;
  clientId: string;
  tokens: TokenStore;
  fetch?: Fetch;
  now?: () => Date;
  /** per request; a server that does not answer in time counts as unreachable */
  timeoutMs?: number;
  /** the highest mutation id the server confirmed, as this database remembers it (`PushRequest.acknowledged`) */
  acknowledged?: () => number;
}

/** Refresh this long before the access token expires, so a request does not race its expiry. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * Accepts `https://host`, `http://host:8080/`, … and returns the base URL without a trailing slash.
 * An address without a scheme is refused (`scheme_required`) rather than taken as plain `http://`,
 * which would send the password unencrypted to whoever answers. An address with a user name or password
 * in it (`https://wang:secret@host`) is refused too: the address is kept in settings and shown.
 */
export function normalizeServerUrl(input: string): string {
  const trimmed = input.trim();
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) throw new SyncError('scheme_required', trimmed);
  const url = new URL(trimmed);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SyncError('invalid', `unsupported scheme ${url.protocol}`);
  // The detail names neither: it is logged.
  if (url.username || url.password) throw new SyncError('credentials_in_url', 'user name or password in the server address');
  return url.toString().replace(/\/+$/, '');
}

/** Bodies this big (a push of hundreds of changes) go gzipped: ~10× fewer bytes on a mobile connection. */
const COMPRESS_FROM_BYTES = 16 * 1024;
const gzipAsync = promisify(gzip);

async function encodeBody(body: unknown): Promise<{ bytes: Uint8Array<ArrayBuffer> | string; encoding?: 'gzip' }> {
  const json = JSON.stringify(body);
  if (json.length < COMPRESS_FROM_BYTES) return { bytes: json };
  return { bytes: new Uint8Array(await gzipAsync(json, { level: 1 })), encoding: 'gzip' };
}

/** What a request asks the answer to be: media types, and content encodings (brotli is not asked for over plain HTTP unless named). */
interface Accept {
  types: string;
  encodings: string;
}

/** A pull page in its compact form, else JSON; brotli (at its fastest, a sixth fewer bytes than gzip and quicker), else gzip. */
const PULL_ACCEPT: Accept = { types: `${PULL_COLUMNS_TYPE}, application/json;q=0.5`, encodings: 'br, gzip' };

export class SyncConnection {
  readonly serverUrl: string;
  private readonly fetch: Fetch;
  private readonly now: () => Date;
  private refreshing: Promise<SyncTokens> | undefined;

  constructor(private readonly options: ConnectionOptions) {
    this.serverUrl = normalizeServerUrl(options.serverUrl);
    this.fetch = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? (() => new Date());
  }

  /** Real reachability: the server answers `/health`, not merely "the OS says we are online". */
  async health(): Promise<boolean> {
    try {
      const response = await this.fetch(`${this.serverUrl}/health`, { signal: this.signal() });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** Signs in and keeps the tokens in the token store. */
  /** `previousClientId`: see `LoginRequest` (the answer then says how far the server got with it). */
  async login(username: string, password: string, deviceName: string, previousClientId?: string): Promise<LoginResponse> {
    const lineage = previousClientId === undefined ? {} : { previousClientId };
    const response = await this.post<LoginResponse>('/v1/auth/login', { username, password, deviceName, clientId: this.options.clientId, ...lineage }, null);
    if (response.status === 401) throw new SyncError('bad_credentials');
    if (response.status === 403 && (response.body as SyncErrorBody | null)?.message === 'sync.server.deviceRevoked') throw new SyncError('device_revoked');
    const body = this.bodyOf(response);
    this.keep(body);
    return body;
  }

  /** Revokes the refresh token on the server when reachable; the local tokens go either way. */
  async logout(): Promise<void> {
    const tokens = this.options.tokens.load();
    this.options.tokens.clear();
    if (!tokens) return;
    try {
      await this.post('/v1/auth/logout', { refreshToken: tokens.refreshToken }, tokens.accessToken);
    } catch {
      // Offline: the refresh token expires on its own, and an admin can revoke the device.
    }
  }

  /** `after`: the last mutation id of a batch still in flight that this one follows (see `PushRequest`). */
  push(mutations: Mutation[], after?: number): Promise<PushResponse> {
    return this.authorized<PushResponse>('/v1/sync/push', {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      clientId: this.options.clientId,
      mutations,
      ...(after === undefined ? {} : { after }),
      ...this.acknowledged(),
    });
  }

  /**
   * `withTotal`: ask how many rows the whole pull brings (the first page of a pull, for the progress bar).
   * The page is asked for in its compact form (`core/sync/pullEncoding.ts`), brotli-compressed; a server
   * that does not know that form answers plain JSON, taken as before. A compact page that does not
   * decode is refused whole (`server`), before anything of it is applied.
   */
  async pull(cursor: string | null, limit: number, options: { withTotal?: boolean; priority?: PullPriorityInput } = {}): Promise<PullResponse> {
    const request = {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      clientId: this.options.clientId,
      cursor,
      limit,
      withTotal: options.withTotal ?? false,
      // a page of a first sync's priority phase (`PullPriority`), asked only when given
      ...(options.priority ? { priority: options.priority } : {}),
      ...this.acknowledged(),
    };
    const { body, type } = await this.authorizedAnswer<unknown>('/v1/sync/pull', request, PULL_ACCEPT);
    try {
      // A plain page (an older server, a proxy that dropped the compact form) is checked as strictly.
      return type.startsWith(PULL_COLUMNS_TYPE) ? decodePullPage(body) : checkPlainPullPage(body);
    } catch (error) {
      if (error instanceof PullPageError) throw new SyncError('server', `pull page refused: ${error.message}`);
      throw error;
    }
  }

  /**
   * Opens the team's change stream (`GET /v1/sync/events`, see `events.ts`) with the bearer token,
   * refreshed on a 401 as push and pull do; a second 401 means the session is over (`signed_out`).
   * The answer is returned whatever its status, its body unread; `signal` ends the stream.
   */
  async openEvents(signal: AbortSignal): Promise<Response> {
    let tokens = this.options.tokens.load();
    if (!tokens) throw new SyncError('signed_out');
    if (Date.parse(tokens.accessExpiresAt) - EXPIRY_MARGIN_MS <= this.now().getTime()) tokens = await this.refresh(tokens);
    let response = await this.getStream('/v1/sync/events', tokens.accessToken, signal);
    if (response.status === 401) {
      void response.body?.cancel().catch(() => undefined);
      tokens = await this.refresh(tokens);
      response = await this.getStream('/v1/sync/events', tokens.accessToken, signal);
      if (response.status === 401) {
        void response.body?.cancel().catch(() => undefined);
        throw new SyncError('signed_out');
      }
    }
    return response;
  }

  private async getStream(route: string, accessToken: string, signal: AbortSignal): Promise<Response> {
    try {
      return await this.fetch(`${this.serverUrl}${route}`, {
        headers: { accept: 'text/event-stream', 'cache-control': 'no-cache', authorization: `Bearer ${accessToken}` },
        signal,
      });
    } catch (error) {
      throw new SyncError('offline', (error as Error).message);
    }
  }

  private acknowledged(): { acknowledged?: number } {
    return this.options.acknowledged ? { acknowledged: this.options.acknowledged() } : {};
  }

  private async authorized<T>(route: string, body: unknown): Promise<T> {
    return (await this.authorizedAnswer<T>(route, body)).body;
  }

  /** The answer's body and media type (`accept`: the media types asked for, JSON when absent). */
  private async authorizedAnswer<T>(route: string, body: unknown, accept?: Accept): Promise<{ body: T; type: string }> {
    let tokens = this.options.tokens.load();
    if (!tokens) throw new SyncError('signed_out');
    if (Date.parse(tokens.accessExpiresAt) - EXPIRY_MARGIN_MS <= this.now().getTime()) tokens = await this.refresh(tokens);
    let response = await this.post<T>(route, body, tokens.accessToken, accept);
    if (response.status === 401) {
      tokens = await this.refresh(tokens);
      response = await this.post<T>(route, body, tokens.accessToken, accept);
      if (response.status === 401) throw new SyncError('signed_out');
    }
    return { body: this.bodyOf(response), type: response.type };
  }

  /**
   * One refresh at a time: the server rotates the refresh token on use, so two requests in flight
   * (a pipelined push) that both found the access token stale must share one refresh, and a request
   * whose token another one has already replaced takes the new tokens instead of refreshing again.
   */
  private refresh(stale: SyncTokens): Promise<SyncTokens> {
    const stored = this.options.tokens.load();
    if (stored && stored.accessToken !== stale.accessToken) return Promise.resolve(stored);
    this.refreshing ??= this.renew(stale).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async renew(tokens: SyncTokens): Promise<SyncTokens> {
    const response = await this.post<LoginResponse>('/v1/auth/refresh', { refreshToken: tokens.refreshToken }, null);
    if (response.status === 401 || response.status === 403) {
      // The device was revoked or the session expired: only signing in again helps.
      this.options.tokens.clear();
      throw new SyncError('signed_out');
    }
    return this.keep(this.bodyOf(response), tokens.refreshToken);
  }

  private keep(body: Pick<LoginResponse, 'accessToken' | 'accessExpiresIn'> & { refreshToken?: string }, previousRefresh?: string): SyncTokens {
    const tokens: SyncTokens = {
      accessToken: body.accessToken,
      // A server that rotates refresh tokens sends a new one; otherwise the old one stays valid.
      refreshToken: body.refreshToken ?? previousRefresh ?? '',
      accessExpiresAt: new Date(this.now().getTime() + body.accessExpiresIn * 1000).toISOString(),
    };
    this.options.tokens.save(tokens);
    return tokens;
  }

  private async post<T>(route: string, body: unknown, accessToken: string | null, accept?: Accept): Promise<{ status: number; body: T | SyncErrorBody | null; type: string }> {
    let response: Response;
    const { bytes, encoding } = await encodeBody(body);
    try {
      response = await this.fetch(`${this.serverUrl}${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(encoding ? { 'content-encoding': encoding } : {}),
          ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
          ...(accept ? { accept: accept.types, 'accept-encoding': accept.encodings } : {}),
        },
        body: bytes,
        signal: this.signal(),
      });
    } catch (error) {
      throw new SyncError('offline', (error as Error).message);
    }
    let parsed: T | SyncErrorBody | null = null;
    try {
      parsed = (await response.json()) as T | SyncErrorBody;
    } catch {
      // A proxy's HTML error page or a cut connection: the status code says enough.
      if (response.ok) throw new SyncError('offline', 'response body lost');
    }
    return { status: response.status, body: parsed, type: response.headers.get('content-type') ?? '' };
  }

  private bodyOf<T>(response: { status: number; body: T | SyncErrorBody | null }): T {
    if (response.status >= 200 && response.status < 300) return response.body as T;
    // The server's message is a key of its log (`sync.server.*`), never words for the user: any other
    // text (a hostile or broken server's, a proxy's) is dropped — it could lure, or carry a terminal's escapes.
    const said = (response.body as SyncErrorBody | null)?.message;
    const detail = typeof said === 'string' && /^sync\.server\.[A-Za-z.]{1,100}$/.test(said) ? said : undefined;
    if (response.status === 401) throw new SyncError('signed_out', detail);
    if (response.status === 403) throw new SyncError('forbidden', detail);
    if (response.status === 409) throw new SyncError((response.body as SyncErrorBody | null)?.error === 'stale_copy' ? 'database_copied' : 'out_of_order', detail);
    if (response.status === 413) throw new SyncError('payload_too_large', detail);
    if (response.status === 426) throw new SyncError('upgrade_required', detail);
    if (response.status === 429) {
      const retryAfter = (response.body as SyncErrorBody | null)?.retryAfter;
      throw new SyncError('too_many_attempts', detail, typeof retryAfter === 'number' && retryAfter > 0 ? retryAfter : undefined);
    }
    if (response.status === 400 || response.status === 422) throw new SyncError('invalid', detail);
    throw new SyncError('server', `HTTP ${response.status}${detail ? `: ${detail}` : ''}`);
  }

  private signal(): AbortSignal | undefined {
    return this.options.timeoutMs ? AbortSignal.timeout(this.options.timeoutMs) : undefined;
  }
}
