/**
 * A push of more than one batch sends the next batch while the server applies the previous one. Each
 * way that can go wrong on the network is a test here: nothing lost, nothing applied twice.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYNC_LIMITS } from '../../../core/sync/protocol.js';
import { insertAccount } from '../../../db/repo/accounts.js';
import { insertNote } from '../../../db/repo/notes.js';
import { syncOnce } from '../../../db/sync/run.js';
import { countPending } from '../../../db/synced/outbox.js';
import { closeDevices, createDevice, type Device } from './device.js';
import { FakeSyncServer } from './fakeServer.js';

const NOW = '2026-11-23T02:00:00.000Z';
/** two full batches and a part one */
const NOTES = 2 * SYNC_LIMITS.mutationsPerPush + 100;
const CHANGES = NOTES + 1;

let server: FakeSyncServer;
beforeEach(() => {
  server = new FakeSyncServer();
  server.addUser('wang', 'secret');
});
afterEach(closeDevices);

/** A signed-in laptop with an account and NOTES notes waiting in its outbox. */
async function laptopWithManyChanges(): Promise<Device> {
  const device = await createDevice(server);
  const account = insertAccount(
    device.db,
    { name: '华东电力', tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: '上海', address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null },
    NOW,
  );
  device.db.transaction(() => {
    for (let i = 0; i < NOTES; i += 1) insertNote(device.db, { accountId: account.id, visitId: null, contactId: null, body: `拜访记录 ${i}` }, NOW);
  })();
  return device;
}

const sync = (device: Device) => syncOnce(device.db, device.connection());

/** Every change reached the server exactly once and the outbox is empty. */
function expectAllLandedOnce(device: Device): void {
  expect(server.appliedCount).toBe(CHANGES);
  expect(server.liveRows('notes')).toHaveLength(NOTES);
  expect(countPending(device.db)).toBe(0);
}

describe('pipelined push', () => {
  it('sends the next batch while the server applies the previous one, and every change lands once', async () => {
    const a = await laptopWithManyChanges();
    let secondArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (secondArrived = resolve));
    server.beforePush = async (index) => {
      // The first batch is not answered until the second has been sent (a sequential push would hang here).
      if (index === 0) await arrived;
      if (index === 1) {
        secondArrived();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    const report = await sync(a);
    expect(report.pushed).toBe(CHANGES);
    expect(server.maxPushesInFlight).toBe(2);
    expect(server.pushStatuses).toEqual([200, 200, 200]);
    expectAllLandedOnce(a);
  });

  it('a batch that overtakes the one it follows waits for it, and every change lands once', async () => {
    const a = await laptopWithManyChanges();
    let letFirstThrough!: () => void;
    const overtaken = new Promise<void>((resolve) => (letFirstThrough = resolve));
    server.beforePush = async (index) => {
      if (index === 0) await overtaken;
      // The second request is at the server first; the first arrives a moment later.
      if (index === 1) setTimeout(letFirstThrough, 20);
    };
    await sync(a);
    expect(server.pushStatuses).toEqual([200, 200, 200]);
    expectAllLandedOnce(a);
  });

  it('a batch whose predecessor does not come in time is refused, sent again, and nothing is lost or applied twice', async () => {
    const a = await laptopWithManyChanges();
    server.beforePush = async (index) => {
      // The first request arrives only once the second has been answered (after its wait, with a 409).
      while (index === 0 && server.pushStatuses.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await sync(a);
    expect(server.pushStatuses.slice(0, 2)).toEqual([409, 200]);
    expectAllLandedOnce(a);
  });

  it('a batch lost before the server applied it takes the one sent after it down too; the next sync sends both', async () => {
    const a = await laptopWithManyChanges();
    server.failPushRequests = 1;
    await expect(sync(a)).rejects.toMatchObject({ code: 'server' });
    expect(server.pushStatuses).toEqual([503, 409]);
    expect(server.appliedCount).toBe(0);
    await sync(a);
    expectAllLandedOnce(a);
  });

  it('a batch whose answer is lost after the server applied it: the retry is a duplicate, applied once', async () => {
    const a = await laptopWithManyChanges();
    server.dropPushResponses = 1;
    await expect(sync(a)).rejects.toMatchObject({ code: 'offline' });
    expect(server.appliedCount).toBe(2 * SYNC_LIMITS.mutationsPerPush);
    await sync(a);
    expectAllLandedOnce(a);
  });

  it('two requests that find the access token expired share one refresh (refresh tokens work once)', async () => {
    const a = await laptopWithManyChanges();
    server.rotateRefreshTokens = true;
    server.expireAccessTokens();
    let secondArrived!: () => void;
    const both = new Promise<void>((resolve) => (secondArrived = resolve));
    server.beforePush = async (index) => {
      if (index === 1) secondArrived();
      if (index === 0) await both;
    };
    await sync(a);
    // Both went out with the expired token (the second is answered once it has waited for the first).
    expect(server.pushStatuses.filter((status) => status === 401)).toHaveLength(2);
    expect(server.requests.filter((route) => route === '/v1/auth/refresh')).toHaveLength(1);
    expect(a.tokens.load()).not.toBeNull();
    expectAllLandedOnce(a);
  });
});
