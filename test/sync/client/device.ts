/** A simulated installation for sync tests: its own SQLite file, token store and controller on a fake server. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../db/connection.js';
import { openDatabase } from '../../../db/openDatabase.js';
import { SyncController } from '../../../db/sync/controller.js';
import { SyncConnection } from '../../../db/sync/http.js';
import { readSyncState } from '../../../db/sync/state.js';
import { memoryTokenStore, type TokenStore } from '../../../db/sync/tokens.js';

export interface Device {
  db: Db;
  controller: SyncController;
  tokens: TokenStore;
  /** a connection like the controller's, for calling pushOutbox / pullChanges directly */
  connection(): SyncConnection;
  /** closes the database without syncing (the app was killed) and opens it again */
  restart(): void;
  close(): void;
}

const devices: Device[] = [];

/** Where a device syncs: the fake server, or the real one over HTTP. */
export interface SyncEndpoint {
  url: string;
  fetch: typeof fetch;
}

export async function createDevice(server: SyncEndpoint, user = 'wang', password = 'secret'): Promise<Device> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-sync-'));
  const file = path.join(dir, 'rounds.sqlite');
  const tokens = memoryTokenStore();
  const build = (db: Db) => new SyncController({ db, tokens, fetch: server.fetch, deviceName: 'test laptop' });
  const device: Device = {
    db: openDatabase(file),
    controller: undefined as unknown as SyncController,
    tokens,
    connection: () => new SyncConnection({ serverUrl: server.url, clientId: readSyncState(device.db).clientId, tokens, fetch: server.fetch }),
    restart() {
      device.controller.stop();
      device.db.close();
      device.db = openDatabase(file);
      device.controller = build(device.db);
    },
    close() {
      device.controller.stop();
      if (device.db.open) device.db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  device.controller = build(device.db);
  await device.controller.signIn({ serverUrl: server.url, username: user, password });
  // signIn starts the loop with a first sync; let it finish, then tests drive syncs themselves.
  await device.controller.syncNow();
  device.controller.stop();
  devices.push(device);
  return device;
}

export function closeDevices(): void {
  for (const device of devices.splice(0)) device.close();
}
