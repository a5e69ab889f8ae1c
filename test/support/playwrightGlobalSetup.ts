/** Playwright's global setup: a PostgreSQL for the sync specs (see `testPostgres.ts`); the function returned tears it down. */
import { provideTestPostgres } from './testPostgres.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  return provideTestPostgres();
}
