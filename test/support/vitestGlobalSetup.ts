/**
 * vitest's global setup: the `rounds` command built from the sources under test (tests that start it
 * as a process then run the build, as users do; see scripts/build-cli.mjs), and a PostgreSQL for the
 * server and sync suites (see `testPostgres.ts`).
 */
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';
import { provideTestPostgres } from './testPostgres.js';

export default async function setup(): Promise<() => Promise<void>> {
  await buildCli();
  return provideTestPostgres();
}
