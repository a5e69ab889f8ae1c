/**
 * The three exports end to end (query → file), for the CLI and the app alike: the visit log as CSV or
 * XLSX, the period report as PDF or XLSX, the calendar as ICS.
 */
import type { CalendarExportChoices } from '../../core/api/contract.js';
import type { CalendarDay } from '../../core/calendar/day.js';
import type { ReportPeriod } from '../../core/reports/period.js';
import type { Db } from '../connection.js';
import { calendarEntries } from '../reports/calendar.js';
import { listReps } from '../reports/reps.js';
import { coverageFromDb } from '../reports/coverage.js';
import { countVisitLog, iterateVisitLog, type VisitLogQuery } from '../reports/visitLog.js';
import { visitLogColumns, type RepNamer } from './columns.js';
import { writeCsv } from './csv.js';
import { entryCount, writeCalendar, writeCalendarsPerRep } from './ics.js';
import type { ExportOptions } from './job.js';
import { teamRepNamer } from './reps.js';
import { exportLabels, type ExportLabels, type ExportLanguage } from './wording.js';
import { writeReportPdf } from './pdf.js';
import { reportSectionList, reportSections } from './reportTables.js';
import { reportHeading } from './reportText.js';
import { writeXlsx } from './xlsx.js';

export const EXPORT_KINDS = ['visits', 'report', 'calendar'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The formats each export comes in; the first is the default. */
export const FORMATS_OF: Record<ExportKind, readonly ExportFormat[]> = {
  visits: ['csv', 'xlsx'],
  report: ['pdf', 'xlsx'],
  calendar: ['ics'],
};
export type ExportFormat = 'csv' | 'xlsx' | 'pdf' | 'ics';

/** A visit-log export of the list as the screen shows it: its filters and order (the export adds the zone). */
export type VisitLogExportQuery = Omit<VisitLogQuery, 'timeZone'>;

export interface ExportRequest {
  /** the period to export; a visit-log export may give `visitLog` instead */
  period?: ReportPeriod;
  visitLog?: VisitLogExportQuery;
  /** today in `timeZone` */
  today: CalendarDay;
  timeZone: string;
  /** null = this device's user; omitted: the whole team */
  ownerIds?: ReadonlyArray<string | null>;
  /** who the export is about, for the report's header */
  subject: string;
  labels: ExportLabels;
  repName: RepNamer;
  format: ExportFormat;
  out: string;
  now: Date;
  /** the CJK font the host ships, for the PDF report (see ./fonts.ts) */
  bundledCjkFont?: string;
  /** a calendar's contents and whether it is one file per rep (then `out` is a zip); omitted: everything, one file */
  calendar?: CalendarExportChoices;
}

/** An export as a user asks for it, in the app or with `rounds export`: the words and rep names come from the database. */
export type ExportOrder = Omit<ExportRequest, 'labels' | 'repName' | 'subject'> & { language: ExportLanguage };

/**
 * The one way an export is made, for the app's export job (db/jobs/exportWorker.ts) and the CLI alike:
 * reps are named as the Team screens name them (their display names, the tail of the id only for a
 * rep the team server has not named), so the same export is the same file from either.
 */
export async function exportToFile(db: Db, kind: ExportKind, order: ExportOrder, options: ExportOptions = {}): Promise<number> {
  const { language, ...rest } = order;
  const labels = exportLabels(language);
  const repName = teamRepNamer(db, labels);
  const only = order.ownerIds?.length === 1 ? order.ownerIds[0] : undefined;
  return runExport(db, kind, { ...rest, labels, repName, subject: only === undefined ? labels.allReps : repName(only) }, options);
}

/** The visit log rows an export writes: the screen's list as it is, or a period's visits in time order. */
function visitLogQueryOf(request: ExportRequest): VisitLogQuery {
  const { timeZone, visitLog } = request;
  if (visitLog) return { ...visitLog, sort: visitLog.sort ?? 'when', descending: visitLog.descending ?? false, timeZone };
  const { from, to } = periodOf(request);
  return { from, to, timeZone, sort: 'when', descending: false, ...(request.ownerIds ? { ownerIds: request.ownerIds } : {}) };
}

function periodOf(request: ExportRequest): ReportPeriod {
  if (!request.period) throw new Error('this export needs a period');
  return request.period;
}

/** Writes one export; returns how many rows (visits, accounts, events) it holds. */
export async function runExport(db: Db, kind: ExportKind, request: ExportRequest, options: ExportOptions = {}): Promise<number> {
  const { timeZone, labels, repName } = request;
  switch (kind) {
    case 'visits': {
      const query = visitLogQueryOf(request);
      const table = { columns: visitLogColumns(labels, repName, timeZone), rows: iterateVisitLog(db, query), total: countVisitLog(db, query) };
      if (request.format === 'xlsx') await writeXlsx(request.out, [{ name: labels.visitLog, table }], options);
      else await writeCsv(request.out, table, options);
      return table.total;
    }
    case 'report': {
      const period = periodOf(request);
      const report = coverageFromDb(db, { from: period.from, to: period.to, asOf: request.today, timeZone, ...(request.ownerIds ? { ownerIds: request.ownerIds } : {}) });
      if (request.format === 'xlsx') {
        // Each sheet starts with what it is: the report's title with the section, then period, rep and when.
        const head = reportHeading(period, labels, request.subject, request.now, timeZone);
        const sections = reportSectionList(reportSections(report, labels, repName)).map((section) => ({ ...section, caption: [`${head.title} · ${section.name}`, head.line] }));
        await writeXlsx(request.out, sections, options);
      } else {
        await writeReportPdf(request.out, { report, period, labels, repName, subject: request.subject, generatedAt: request.now, timeZone, font: { bundled: request.bundledCjkFont } }, options);
      }
      return report.accounts.length;
    }
    case 'calendar': {
      const period = periodOf(request);
      const choices = request.calendar;
      const entries = calendarEntries(db, { from: period.from, to: period.to, timeZone, ...(request.ownerIds ? { ownerIds: request.ownerIds } : {}), ...(choices ? { include: choices } : {}) });
      if (choices?.perRep) {
        // every rep asked for (or every rep this laptop knows), each with a file even when it holds only festivals
        const reps = request.ownerIds ?? listReps(db).map((rep) => rep.ownerId);
        return writeCalendarsPerRep(request.out, entries, reps, labels, request.now, repName, options);
      }
      await writeCalendar(request.out, entries, labels, request.now, options, repName);
      return entryCount(entries);
    }
  }
}
