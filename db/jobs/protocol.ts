/** Messages between the host and an export worker thread. */
import type { CalendarExportChoices } from '../../core/api/contract.js';
import type { CalendarDay } from '../../core/calendar/day.js';
import type { ReportPeriod } from '../../core/reports/period.js';
import type { ExportLanguage } from '../export/wording.js';
import type { ExportFormat, ExportKind, VisitLogExportQuery } from '../export/run.js';

/**
 * Files the host's runtime brings that code cannot find from its own location (Electron keeps them in
 * `process.resourcesPath`); Node hosts leave them unset and the defaults apply.
 */
export interface RuntimeResources {
  /** better-sqlite3 built for the host's runtime (Electron's ABI), as the host's own connection uses */
  nativeBinding?: string;
  /** the CJK font shipped with the app, for PDF reports (db/export/fonts.ts) */
  cjkFont?: string;
}

/** Everything a worker needs to write one export: plain data, since it crosses threads. */
export interface ExportJobRequest {
  databasePath: string;
  /** the database key in hex (null: a plain database); it crosses to a thread of this process only */
  databaseKey: string | null;
  resources: RuntimeResources;
  kind: ExportKind;
  format: ExportFormat;
  /** absent for a visit-log export of `visitLog` */
  period?: ReportPeriod;
  /** the visit log as filtered and sorted on screen (a visit-log export instead of `period` and `ownerIds`) */
  visitLog?: VisitLogExportQuery;
  today: CalendarDay;
  timeZone: string;
  ownerIds?: Array<string | null>;
  language: ExportLanguage;
  out: string;
  /** ISO instant stamped into the file (report header, calendar DTSTAMP) */
  now: string;
  /** a calendar's contents, and one file per rep (a zip) */
  calendar?: CalendarExportChoices;
}

export type HostToWorker = { type: 'cancel' };

export type WorkerToHost =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; rows: number }
  | { type: 'cancelled' }
  /** `reason` picks the message the user reads; `error` is the detail for the log */
  | { type: 'failed'; reason: ExportFailure; error: string };

/** Why an export failed, as far as the user can act on it. */
export type ExportFailure = 'failed' | 'noCjkFont' | 'diskFull';
