/** The servers the convergence property runs against: the in-memory fake, and the real one over HTTP. */
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { buildSyncServer } from '../../../server/http/app.js';
import { openStore } from '../../../server/store/open.js';
import type { SqlClient } from '../../../server/store/sqlClient.js';
import { addUser } from '../../../server/users.js';
import { FakeSyncServer } from './fakeServer.js';

export interface Backend {
  url: string;
  fetch: typeof fetch;
  username: string;
  password: string;
  /** the next `count` push answers are lost after the server committed them */
  losePushAnswers(count: number): void;
  /** ids of the live notes the server holds for this user, sorted */
  liveNoteIds(): Promise<string[]>;
}

export type BackendFactory = () => Promise<Backend>;

export const fakeBackend: BackendFactory = async () => {
  const server = new FakeSyncServer();
  server.addUser('wang', 'secret');
  return {
    url: server.url,
    fetch: server.fetch,
    username: 'wang',
    password: 'secret',
    losePushAnswers: (count) => {
      server.dropPushResponses = count;
    },
    liveNoteIds: async () => server.liveRows('notes').map((row) => row.id).sort(),
  };
};

/** One real server (PGlite in memory) for the whole run; each scenario gets its own rep, so their data never meet. */
export async function realBackend(): Promise<{ factory: BackendFactory; close(): Promise<void> }> {
  const store: SqlClient = await openStore({ memory: true });
  const app: FastifyInstance = buildSyncServer({ store, tokenSecret: 'convergence-secret-0123456789', throttle: { maxPerAddress: 100_000, maxFailures: 100_000, maxQueuedHashes: 100_000 } });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const factory: BackendFactory = async () => {
    const username = `rep-${uuidv7()}`;
    const password = 'correct horse battery';
    const user = await addUser(store, { username, role: 'rep', teamName: 'East', password });
    let lose = 0;
    return {
      url,
      username,
      password,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (lose > 0 && String(input).endsWith('/v1/sync/push')) {
          lose -= 1;
          throw new TypeError('fetch failed: connection reset');
        }
        return response;
      },
      losePushAnswers: (count) => {
        lose = count;
      },
      liveNoteIds: async () =>
        (await store.query<{ id: string }>(`SELECT id FROM sync_rows WHERE table_name = 'notes' AND owner_id = $1 AND deleted_at IS NULL`, [user.id])).map((row) => String(row.id)).sort(),
    };
  };
  return {
    factory,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}
