/**
 * `ServerAdmin` over the running server's admin routes (`adminRoutes.ts`): what `rounds user` and
 * `rounds share` use while `rounds serve` holds the embedded store. A refusal comes back as the same
 * `ServerError` the store would have thrown, so the commands handle both ways alike.
 */
import type { SyncErrorBody } from '../../core/sync/protocol.js';
import type { ServerAdmin } from '../admin.js';
import type { DeviceListing } from '../auth/sessions.js';
import { ServerError } from '../errors.js';
import type { ShareListing } from '../shares.js';
import type { UserListing } from '../users.js';
import { ADMIN_KEY_HEADER } from './adminRoutes.js';

export interface AdminEndpoint {
  /** where the server answers on this machine */
  url: string;
  adminKey: string;
}

/**
 * `unreachable` makes the error for a server that cannot be reached or answers something that is not
 * its API (the caller knows how to explain it).
 */
export function remoteAdmin(endpoint: AdminEndpoint, unreachable: (reason: string) => Error): ServerAdmin {
  async function call<T>(method: 'GET' | 'POST', route: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(route, endpoint.url), {
        method,
        headers: { [ADMIN_KEY_HEADER]: endpoint.adminKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw unreachable((error as Error & { cause?: Error }).cause?.message ?? (error as Error).message);
    }
    if (response.status === 204) return undefined as T;
    const answer = (await response.json().catch(() => null)) as unknown;
    if (response.ok) return answer as T;
    const refusal = answer as Partial<SyncErrorBody> | null;
    if (typeof refusal?.error !== 'string' || typeof refusal.message !== 'string') throw unreachable(`HTTP ${response.status}`);
    throw new ServerError(refusal.error, refusal.message, refusal.issues);
  }
  const user = (username: string) => `/v1/admin/users/${encodeURIComponent(username)}`;

  return {
    listUsers: async () => (await call<{ users: UserListing[] }>('GET', '/v1/admin/users')).users,
    addUser: (newUser) => call('POST', '/v1/admin/users', newUser),
    disableUser: (username) => call('POST', `${user(username)}/disable`),
    resetPassword: (username, password) => call('POST', `${user(username)}/password`, { password }),
    listUserDevices: async (username) => (await call<{ devices: DeviceListing[] }>('GET', `${user(username)}/devices`)).devices,
    revokeDevice: (deviceId) => call('POST', `/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`),
    restoreDevice: (deviceId) => call('POST', `/v1/admin/devices/${encodeURIComponent(deviceId)}/restore`),
    listShares: async () => (await call<{ shares: ShareListing[] }>('GET', '/v1/admin/shares')).shares,
    shareAccount: (request) => call('POST', '/v1/admin/shares', request),
    unshareAccount: (request) => call('POST', '/v1/admin/shares/remove', request),
  };
}
