/**
 * The one Node implementation of the app API (`core/api/contract.ts`), over one SQLite connection.
 * Transports (Electron IPC, local HTTP) reach it only through `callApi` in `dispatch.ts`.
 */
import type { ApiHandlers } from '../../core/api/contract.js';
import { accountHandlers } from './accounts.js';
import { appHandlers } from './app.js';
import { contextOf, type ServiceDeps } from './context.js';
import { dateHandlers } from './dates.js';
import { noteHandlers } from './notes.js';
import { peopleHandlers } from './people.js';
import { searchHandlers } from './search.js';
import { settingsHandlers } from './settings.js';
import { visitHandlers } from './visits.js';

export type { ServiceDeps } from './context.js';

export function createService(deps: ServiceDeps): ApiHandlers {
  const context = contextOf(deps);
  return {
    ...appHandlers(context),
    ...settingsHandlers(context),
    ...accountHandlers(context),
    ...peopleHandlers(context),
    ...dateHandlers(context),
    ...visitHandlers(context),
    ...noteHandlers(context),
    ...searchHandlers(context),
  };
}
