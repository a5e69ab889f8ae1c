/**
 * The sync server starts without loading Fastify's schema compilers (its routes validate with zod), and
 * a route that does declare a JSON schema is still validated — by the compilers, loaded on first use.
 */
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import { buildSyncServer } from './app.js';
import { compilerUse, lazySchemaCompilers } from './lazyCompilers.js';

describe('schema compilers loaded on demand', () => {
  it('the sync server answers every route without loading ajv or fast-json-stringify', async () => {
    const store = await openStore({ memory: true });
    const servers = compilerUse.servers;
    const app = buildSyncServer({ store, tokenSecret: 'x'.repeat(64), logger: false });
    try {
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/v1/sync/pull', payload: {} })).statusCode).toBe(401);
      expect(compilerUse.servers).toBe(servers + 1);
      expect([...compilerUse.loaded]).toEqual([]);
    } finally {
      await app.close();
      await store.close();
    }
  }, 60_000);

  it('a route with a body and a response schema is validated and serialized as with the default compilers', async () => {
    const app = Fastify({ schemaController: lazySchemaCompilers() });
    app.post(
      '/echo',
      {
        schema: {
          body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
          response: { 200: { type: 'object', properties: { n: { type: 'integer' } } } },
        },
      },
      async (request) => ({ n: (request.body as { n: number }).n, secret: 'not in the schema' }),
    );
    const bad = await app.inject({ method: 'POST', url: '/echo', payload: { n: 'x' } });
    expect(bad.statusCode).toBe(400);
    const good = await app.inject({ method: 'POST', url: '/echo', payload: { n: 2 } });
    expect(good.json()).toEqual({ n: 2 });
    expect([...compilerUse.loaded].sort()).toEqual(['@fastify/ajv-compiler', '@fastify/fast-json-stringify-compiler']);
    await app.close();
  });
});
