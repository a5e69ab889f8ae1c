/** vitest's global setup: a PostgreSQL for the server and sync suites (see `testPostgres.ts`). */
import { provideTestPostgres } from './testPostgres.js';

export default async function setup(): Promise<() => Promise<void>> {
  return provideTestPostgres();
}
