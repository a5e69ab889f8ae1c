/** Big pushes travel gzipped; small ones stay plain (not worth the CPU). */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Mutation } from '../../../core/sync/protocol.js';
import { SyncConnection, type Fetch } from '../../../db/sync/http.js';
import { memoryTokenStore } from '../../../db/sync/tokens.js';

function capturingConnection(): { connection: SyncConnection; sent: Array<{ encoding: string | null; body: unknown }> } {
  const sent: Array<{ encoding: string | null; body: unknown }> = [];
  const fetch: Fetch = async (_url, init) => {
    const headers = new Headers(init?.headers);
    const raw = init?.body as string | Uint8Array;
    const text = headers.get('content-encoding') === 'gzip' ? zlib.gunzipSync(raw as Uint8Array).toString() : (raw as string);
    sent.push({ encoding: headers.get('content-encoding'), body: JSON.parse(text) });
    return new Response(JSON.stringify({ results: [], lastMutationId: 0 }), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const tokens = memoryTokenStore();
  tokens.save({ accessToken: 'a', refreshToken: 'r', accessExpiresAt: new Date(Date.now() + 3_600_000).toISOString() });
  return { connection: new SyncConnection({ serverUrl: 'http://sync.test', clientId: '01a2091f-cddb-790f-8d88-ebaa33b40fd5', tokens, fetch }), sent };
}

const mutation = (i: number): Mutation => ({
  mutationId: i,
  table: 'notes',
  rowId: '01a2091f-cddb-790f-8d88-ebaa33b40fd5',
  op: 'upsert',
  fields: { body: `拜访记录 ${i}：客户希望下周演示新产品。` },
  baseVersion: null,
  clientTime: '2026-11-23T02:00:00.000Z',
});

describe('push bodies', () => {
  it('gzips a push of hundreds of changes and sends a single change as it is', async () => {
    const { connection, sent } = capturingConnection();
    const many = Array.from({ length: 300 }, (_, i) => mutation(i + 1));
    await connection.push(many);
    await connection.push([mutation(301)]);
    expect(sent.map((s) => s.encoding)).toEqual(['gzip', null]);
    expect((sent[0]!.body as { mutations: Mutation[] }).mutations).toEqual(many);
  });
});
