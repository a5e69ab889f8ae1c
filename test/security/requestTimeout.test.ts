/** A request whose body stalls half way does not hold its connection forever: the server closes it. */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSyncServer } from '../../server/http/app.js';
import { BACKENDS, type TestDatabase } from '../sync/server/backends.js';
import { TEST_SECRET } from '../sync/server/fixture.js';

describe('request timeout', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await BACKENDS.find((b) => b.name === 'pglite')!.create();
  }, 60_000);
  afterAll(async () => {
    await db?.drop();
  });

  it('closes a connection whose body stops arriving', async () => {
    const app = buildSyncServer({ store: db.store, tokenSecret: TEST_SECRET, requestTimeoutMs: 300 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as net.AddressInfo;
    const socket = net.connect(port, '127.0.0.1');
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      const closed = new Promise<'closed'>((resolve) => socket.once('close', () => resolve('closed')));
      socket.on('error', () => {});
      socket.on('data', () => {});
      socket.write('POST /v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"protocolVersion":');
      const outcome = await Promise.race([closed, new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 5000))]);
      expect(outcome).toBe('closed');
    } finally {
      socket.destroy();
      await app.close();
    }
  }, 15_000);
});
