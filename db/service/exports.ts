/** Exports from the app as background jobs: start one, poll it, cancel it; files land in `<dataDir>/exports/`. */
import crypto from 'node:crypto';
import path from 'node:path';
import type { ApiHandlers } from '../../core/api/contract.js';
import { ApiError } from '../../core/api/errors.js';
import { databaseKeyOf } from '../connection.js';
import { ExportJobs, exportsDirIn } from '../jobs/exportJobs.js';
import { currentSettings } from './settings.js';
import type { ServiceContext } from './context.js';
import { hostTimeZone, resolvePeriod } from './reports.js';

type ExportHandlers = Pick<ApiHandlers, 'exports.start' | 'exports.status' | 'exports.cancel'>;

/**
 * `visits-2026-01-01_2026-03-31-1a2b3c.csv`: readable, sorted by period, never clashing with another
 * export. A list exported from the visit log screen is `visits-list-…` (with its days when it has both).
 */
function fileNameOf(kind: string, span: string, jobTag: string, format: string): string {
  return `${kind}-${span}-${jobTag}.${format}`;
}

export function exportHandlers(context: ServiceContext): ExportHandlers {
  const jobs = new ExportJobs({ log: (message) => console.error(message) });
  const found = <T>(view: T | undefined): T => {
    if (view === undefined) throw new ApiError('not_found');
    return view;
  };
  return {
    'exports.start': ({ kind, format, period, ownerIds, visitLog, language, calendar }) => {
      // The contract gives a visit-log export either its list (`visitLog`) or a period, every other export a period.
      const resolved = period ? resolvePeriod(period, context.today()) : undefined;
      const span = resolved ? `${resolved.from}_${resolved.to}` : visitLog?.from && visitLog.to ? `list-${visitLog.from}_${visitLog.to}` : 'list';
      const tag = crypto.randomBytes(3).toString('hex');
      const jobId = jobs.start(
        {
          // the worker opens the same file read-only, with the same key
          databasePath: context.db.name,
          databaseKey: databaseKeyOf(context.db)?.toString('hex') ?? null,
          resources: context.deps.resources ?? {},
          kind,
          format,
          ...(resolved ? { period: resolved } : {}),
          ...(visitLog ? { visitLog } : {}),
          today: context.today(),
          timeZone: hostTimeZone(),
          ...(ownerIds ? { ownerIds } : {}),
          language: language ?? currentSettings(context).language,
          // one calendar per rep comes as a zip of .ics files
          out: path.join(exportsDirIn(context.deps.dataDir), fileNameOf(kind, span, tag, calendar?.perRep ? 'zip' : format)),
          now: context.stamp(),
          ...(calendar ? { calendar } : {}),
        },
        kind,
      );
      return { jobId };
    },
    'exports.status': ({ jobId }) => found(jobs.status(jobId)),
    'exports.cancel': ({ jobId }) => found(jobs.cancel(jobId)),
  };
}
