/** Messages between the host and an export worker thread. */
import type { CalendarDay } from '../../core/calendar/day.js';
import type { ReportPeriod } from '../../core/reports/period.js';
import type { ExportLanguage } from '../export/labels.js';
import type { ExportFormat, ExportKind } from '../export/run.js';

/** Everything a worker needs to write one export: plain data, since it crosses threads. */
export interface ExportJobRequest {
  databasePath: string;
  /** better-sqlite3 built for the host's runtime (Electron's ABI), as the host's own connection uses */
  nativeBinding?: string;
  kind: ExportKind;
  format: ExportFormat;
  period: ReportPeriod;
  today: CalendarDay;
  timeZone: string;
  ownerIds?: Array<string | null>;
  language: ExportLanguage;
  out: string;
  /** ISO instant stamped into the file (report header, calendar DTSTAMP) */
  now: string;
}

export type HostToWorker = { type: 'cancel' };

export type WorkerToHost =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; rows: number }
  | { type: 'cancelled' }
  | { type: 'failed'; error: string };
