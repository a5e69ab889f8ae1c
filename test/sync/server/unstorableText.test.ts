/**
 * Text PostgreSQL cannot hold (NUL, lone surrogates) and any other per-mutation refusal of the
 * database: one mutation is rejected and recorded, the rest of the batch applies, the answer is 200 and
 * the next push goes on — on PGlite and on a real PostgreSQL server. (Absurdly deep JSON:
 * test/security/deepJson.test.ts.)
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PROTOCOL_VERSION } from '../../../core/sync/protocol.js';
import { isStorableText } from '../../../core/text/storable.js';
import type { SqlClient, SqlQueryable } from '../../../server/store/sqlClient.js';
import { BACKENDS } from './backends.js';
import { accountFields, newId, noteFields, PASSWORD, syncServer, useSyncServer, type TestDevice } from './fixture.js';

/** Any UTF-16 text, lone surrogates included, with the characters the storable-text rule is about mixed in often. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom('a', '中', '\u0000', '\u0008', '\t', '\n', '\ud800', '\udfff', '\ufffe', '\ufdef', '\ud83d\ude00', '\u{10FFFF}', '\u{10FFFE}'), maxLength: 10 }),
);

/** A marker the store wrapper below turns into NUL inside the push's write, as if the checks had missed one. */
const SLIPS_THROUGH = 'slips-through-the-checks';

/** The store, except that the push's one write gets a NUL escape wherever the marker is: PostgreSQL's own 22P05. */
function storeRefusingMarker(store: SqlClient): SqlClient {
  const wrap = (target: SqlQueryable): SqlQueryable => ({
    query: (text, params) =>
      target.query(text, text.includes('jsonb_to_recordset') ? params?.map((p) => (typeof p === 'string' ? p.replaceAll(SLIPS_THROUGH, '\\u0000') : p)) : params),
    execScript: (text) => target.execScript(text),
  });
  return {
    ...wrap(store),
    kind: store.kind,
    transaction: (work, isolation) => store.transaction((tx) => work(wrap(tx)), isolation),
    notify: (channel, payloads) => store.notify(channel, payloads),
    listen: (channel, handlers) => store.listen(channel, handlers),
    close: () => store.close(),
  };
}

describe.each(BACKENDS)('text the store cannot hold, on $name', (backend) => {
  const testServer = useSyncServer(backend, [['alice', 'rep', 'north']]);

  async function recorded(device: TestDevice): Promise<Array<{ mutation_id: number; reason: string; mutation: { fields: Record<string, unknown>; issues: unknown[] } }>> {
    return testServer.db.store.query('SELECT mutation_id, reason, mutation FROM rejected_mutations WHERE client_id = $1 ORDER BY mutation_id', [device.clientId]);
  }

  it('a NUL in a note and a lone surrogate in an account name are rejected and recorded; the good mutations around them apply; 200; the next push goes on', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const accountId = newId();
    const batch = [
      alice.mutation('accounts', accountId, accountFields('华东精密')),
      alice.mutation('notes', newId(), noteFields(accountId, 'met the buyer\u0000')),
      alice.mutation('notes', newId(), noteFields(accountId, 'good note\tand a tab')),
      alice.mutation('accounts', newId(), accountFields('Broken \ud83d name')),
      alice.mutation('contacts', newId(), { accountId, name: '王经理' }),
    ];
    const answer = await alice.post<{ results: Array<{ status: string; reason?: string }>; lastMutationId: number }>('/v1/sync/push', {
      protocolVersion: SYNC_PROTOCOL_VERSION,
      clientId: alice.clientId,
      mutations: batch,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', undefined],
      ['rejected', 'invalid'],
      ['applied', undefined],
      ['rejected', 'invalid'],
      ['applied', undefined],
    ]);
    expect(answer.body.lastMutationId).toBe(batch[4]!.mutationId);

    const rejections = await recorded(alice);
    expect(rejections.map((r) => [r.mutation_id, r.reason])).toEqual([[batch[1]!.mutationId, 'invalid'], [batch[3]!.mutationId, 'invalid']]);
    // Kept for the record with the refused characters replaced, and why.
    expect(rejections[0]!.mutation.fields.body).toBe('met the buyer\uFFFD');
    expect(rejections[1]!.mutation.fields.name).toBe('Broken \uFFFD name');
    expect(rejections[0]!.mutation.issues).toEqual([{ path: ['body'], message: 'validation.invalidCharacter' }]);

    const next = alice.mutation('accounts', newId(), accountFields('Next one'));
    expect((await alice.push([next])).results[0]).toMatchObject({ status: 'applied' });
    const pulled = new Set((await alice.pullAll()).rows.map((row) => row.id));
    for (const [index, mutation] of batch.entries()) expect(pulled.has(mutation.rowId)).toBe(index !== 1 && index !== 3);
    expect(pulled.has(next.rowId)).toBe(true);
  });

  it('generated text in an account name and a note: applied, unchanged, exactly when storable; never anything but 200', async () => {
    const alice = await testServer.fixture.signIn('alice');
    await fc.assert(
      fc.asyncProperty(anyText, anyText, async (name, body) => {
        const accountId = newId();
        const [account, note] = [alice.mutation('accounts', accountId, accountFields(`n${name}`)), alice.mutation('notes', newId(), noteFields(accountId, `b${body}`))];
        const { results } = await alice.push([account, note]);
        expect(results[0]!.status).toBe(isStorableText(name) ? 'applied' : 'rejected');
        // A note under an account that was refused is not found; under one that was made, it stands on its own text.
        expect(results[1]!.status).toBe(isStorableText(name) && isStorableText(body) ? 'applied' : 'rejected');
        if (results[1]!.status === 'applied') {
          const [row] = await testServer.db.store.query<{ data: { body: string } }>('SELECT data FROM sync_rows WHERE id = $1', [note.rowId]);
          expect(row!.data.body).toBe(`b${body}`.trim());
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('signing in with such text in the name is a 400, not a 500', async () => {
    for (const username of ['ali\u0000ce', 'ali\udfffce']) {
      const response = await testServer.fixture.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username, password: PASSWORD, deviceName: 'laptop', clientId: uuidv7() } });
      expect(response.statusCode).toBe(400);
    }
    const device = await testServer.fixture.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username: 'alice', password: PASSWORD, deviceName: 'lap\u0000top', clientId: uuidv7() } });
    expect(device.statusCode).toBe(400);
  });

  it('text with no room in a field name or a nested value is refused too, before any schema reads it', async () => {
    const alice = await testServer.fixture.signIn('alice');
    const { results } = await alice.push([
      alice.mutation('accounts', newId(), { ...accountFields('Acme'), ['na\u0000me']: 'x' }),
      alice.mutation('visits', newId(), { accountId: newId(), kind: 'routine', status: 'done', metContactIds: ['\udfff'] }),
    ]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([['rejected', 'invalid'], ['rejected', 'invalid']]);
  });

  describe('a mutation the database itself refuses', () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = syncServer(storeRefusingMarker(testServer.db.store));
      await app.ready();
    });
    afterAll(() => app.close());

    it('is rolled back alone to its savepoint and recorded as rejected; the rest of the batch applies; the next push goes on', async () => {
      const alice = await testServer.fixture.signIn('alice', app);
      const accountId = newId();
      const noteId = newId();
      const batch = [
        alice.mutation('accounts', accountId, accountFields('Store refusal')),
        alice.mutation('notes', noteId, noteFields(accountId, 'first text')),
        alice.mutation('notes', newId(), noteFields(accountId, `text that ${SLIPS_THROUGH}`)),
        alice.mutation('contacts', newId(), { accountId, name: 'After it' }),
      ];
      const { results } = await alice.push(batch);
      expect(results.map((r) => [r.status, r.reason])).toEqual([['applied', undefined], ['applied', undefined], ['rejected', 'invalid'], ['applied', undefined]]);
      expect(results[2]!.message).toBe('sync.rejected.invalid');
      const versions = results.filter((r) => r.status === 'applied').map((r) => r.version!);
      expect(new Set(versions).size).toBe(3);

      const rejections = await recorded(alice);
      expect(rejections.map((r) => r.mutation_id)).toEqual([batch[2]!.mutationId]);
      expect(rejections[0]!.mutation.issues).toEqual([{ path: [], message: 'sync.rejected.storeRefused' }]);

      // Edits of the same rows in the next push are decided on what was really written.
      const edit = alice.mutation('notes', noteId, { body: 'second text' }, { baseVersion: results[1]!.version! });
      expect((await alice.push([edit])).results[0]).toMatchObject({ status: 'applied' });
      const rows = (await alice.pullAll()).rows;
      expect(rows.find((row) => row.id === noteId)?.data.body).toBe('second text');
      expect(rows.some((row) => row.id === batch[2]!.rowId)).toBe(false);
      expect(rows.some((row) => row.id === batch[3]!.rowId)).toBe(true);
    });
  });
});
