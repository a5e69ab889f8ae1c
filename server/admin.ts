/**
 * What an administrator of the server does from the command line (`rounds user …`, `rounds share …`),
 * as one interface with two ways to reach the store: directly (`storeAdmin`, the store is free or on
 * PostgreSQL) or through the running `rounds serve` that holds the embedded store (`remoteAdmin` in
 * `http/adminClient.ts`, over the `/v1/admin/*` routes that call `storeAdmin`). Either way the work is
 * done by `users.ts`, `shares.ts` and `auth/sessions.ts`.
 */
import { restoreDevice, revokeDevice, type DeviceListing } from './auth/sessions.js';
import { listShares, shareAccount, unshareAccount, type ShareListing } from './shares.js';
import type { SqlClient } from './store/sqlClient.js';
import { addUser, disableUser, listUserDevices, listUsers, resetPassword, type NewUser, type UserListing } from './users.js';

export interface ShareRequest {
  /** an account id, or its exact name within the user's team */
  account: string;
  username: string;
}

export interface ServerAdmin {
  listUsers(): Promise<UserListing[]>;
  addUser(user: NewUser): Promise<UserListing>;
  disableUser(username: string): Promise<void>;
  resetPassword(username: string, password: string): Promise<void>;
  listUserDevices(username: string): Promise<DeviceListing[]>;
  /** any team's device: the server's administrator is above the teams */
  revokeDevice(deviceId: string): Promise<void>;
  /** undoes `revokeDevice`: the device may sign in again with the password */
  restoreDevice(deviceId: string): Promise<void>;
  listShares(): Promise<ShareListing[]>;
  shareAccount(request: ShareRequest): Promise<ShareListing>;
  unshareAccount(request: ShareRequest): Promise<ShareListing>;
}

export function storeAdmin(store: SqlClient): ServerAdmin {
  return {
    listUsers: () => listUsers(store),
    addUser: (user) => addUser(store, user),
    disableUser: (username) => disableUser(store, username),
    resetPassword: (username, password) => resetPassword(store, username, password),
    listUserDevices: (username) => listUserDevices(store, username),
    revokeDevice: (deviceId) => revokeDevice(store, deviceId),
    restoreDevice: (deviceId) => restoreDevice(store, deviceId),
    listShares: () => listShares(store),
    shareAccount: (request) => shareAccount(store, request),
    unshareAccount: (request) => unshareAccount(store, request),
  };
}
