/**
 * The one Node implementation of the app API (`core/api/contract.ts`), over one SQLite connection.
 * Transports (Electron IPC, local HTTP) reach it only through `callApi` in `dispatch.ts`.
 */
import type { ApiHandlers } from '../../core/api/contract.js';
import { accountHandlers } from './accounts.js';
import { agendaHandlers } from './agenda.js';
import { appHandlers } from './app.js';
import { backupHandlers } from './backup.js';
import { complaintHandlers } from './complaints.js';
import { contextOf, type ServiceDeps } from './context.js';
import { dateHandlers } from './dates.js';
import { exportHandlers } from './exports.js';
import { greetingHandlers } from './greetings.js';
import { importHandlers } from './imports.js';
import { noteHandlers } from './notes.js';
import { notificationHandlers } from './notifications.js';
import { orderHandlers } from './orders.js';
import { peopleHandlers } from './people.js';
import { planHandlers } from './plan.js';
import { reportHandlers } from './reports.js';
import { searchHandlers } from './search.js';
import { settingsHandlers } from './settings.js';
import { syncHandlers } from './sync.js';
import { tierHandlers } from './tiers.js';
import { visitHandlers } from './visits.js';

export type { ServiceDeps } from './context.js';

export function createService(deps: ServiceDeps): ApiHandlers {
  const context = contextOf(deps);
  return {
    ...appHandlers(context),
    ...backupHandlers(deps.db),
    ...settingsHandlers(context),
    ...accountHandlers(context),
    ...peopleHandlers(context),
    ...dateHandlers(context),
    ...visitHandlers(context),
    ...noteHandlers(context),
    ...searchHandlers(context),
    ...agendaHandlers(context),
    ...greetingHandlers(context),
    ...complaintHandlers(context),
    ...orderHandlers(context),
    ...tierHandlers(context),
    ...planHandlers(context),
    ...notificationHandlers(context),
    ...syncHandlers(context),
    ...reportHandlers(context),
    ...exportHandlers(context),
    ...importHandlers(context),
  };
}
