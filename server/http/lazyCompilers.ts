/**
 * Fastify's schema compilers, loaded only when a route has a schema to compile. The sync server's
 * routes validate with zod and declare no JSON schema, yet Fastify requires ajv (and fast-json-stringify)
 * as it starts — a few hundred milliseconds of `rounds serve`'s start-up spent on code that never runs.
 * Given these factories it loads nothing; the first schema to compile loads the very compilers Fastify
 * would have used, so a route that gains a schema is validated exactly as before.
 */
import { createRequire } from 'node:module';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;
type Factory = (...args: unknown[]) => unknown;

const require = createRequire(import.meta.url);

/** For the tests: how many servers took these factories, and which compilers were loaded since. */
export const compilerUse = { servers: 0, loaded: new Set<string>() };

function lazyFactory(packageName: string): Factory {
  let real: Factory | undefined;
  return (...args) => {
    if (!real) {
      const selector = require(packageName) as () => Factory;
      real = selector();
      compilerUse.loaded.add(packageName);
    }
    return real(...args);
  };
}

export function lazySchemaCompilers(): { compilersFactory: CompilersFactory } {
  compilerUse.servers += 1;
  return {
    compilersFactory: {
      buildValidator: lazyFactory('@fastify/ajv-compiler') as CompilersFactory['buildValidator'],
      buildSerializer: lazyFactory('@fastify/fast-json-stringify-compiler') as CompilersFactory['buildSerializer'],
    },
  };
}
