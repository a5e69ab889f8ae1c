/**
 * The period report as tables in the shared column model: the XLSX report writes one sheet per
 * section, the PDF draws the same sections as tables.
 */
import { TIERS } from '../../core/model/enums.js';
import type { AccountCoverage, CoverageCounts, CoverageReport } from '../../core/reports/coverage.js';
import { averageGapFigure, hoursFigure } from '../../core/reports/figures.js';
import type { Column, RepNamer, Section } from './columns.js';
import type { ExportLabels } from './wording.js';

interface CountsRow {
  group: string;
  counts: CoverageCounts;
}

/** Rows listed in the overdue section: a report is read, not searched; the visit log has them all. */
export const OVERDUE_ROWS_LISTED = 200;


function countsColumns(labels: ExportLabels): Array<Column<CountsRow>> {
  const header = labels.report.columns;
  return [
    { header: header.group, type: 'text', width: 22, value: (row) => row.group },
    { header: header.accounts, type: 'number', width: 10, value: (row) => row.counts.accounts },
    { header: header.due, type: 'number', width: 10, value: (row) => row.counts.due },
    { header: header.withinCadence, type: 'number', width: 12, value: (row) => row.counts.withinCadence },
    { header: header.coverage, type: 'percent', width: 10, value: (row) => coverageRatio(row.counts) },
    { header: header.overdue, type: 'number', width: 10, value: (row) => row.counts.overdue },
    { header: header.visitsDone, type: 'number', width: 12, value: (row) => row.counts.visitsDone },
    { header: header.averageGap, type: 'number', width: 14, value: (row) => averageGapFigure(row.counts.averageGapDays) },
  ];
}

/** Share of due accounts visited within cadence; null when nothing was due. */
export function coverageRatio(counts: CoverageCounts): number | null {
  return counts.due === 0 ? null : counts.withinCadence / counts.due;
}

function overdueColumns(labels: ExportLabels, repName: RepNamer): Array<Column<AccountCoverage>> {
  const header = labels.report.columns;
  return [
    { header: header.account, type: 'text', width: 34, value: (row) => row.account.name },
    { header: header.tier, type: 'text', width: 8, value: (row) => labels.tier(row.account.tier) },
    { header: header.rep, type: 'text', width: 16, value: (row) => repName(row.account.ownerId) },
    { header: header.lastVisit, type: 'date', width: 12, value: (row) => (row.lastVisitDay === null ? null : new Date(`${row.lastVisitDay}T00:00:00.000Z`)) },
    { header: header.daysOverdue, type: 'number', width: 12, value: (row) => row.daysOverdue },
  ];
}

type SummaryRow = { label: string; value: number | null };

function summaryColumns(labels: ExportLabels): Array<Column<SummaryRow>> {
  return [
    { header: labels.report.columns.group, type: 'text', width: 30, value: (row) => row.label },
    { header: '', type: 'number', width: 12, value: (row) => row.value },
  ];
}

function table<Row>(columns: Array<Column<Row>>, rows: Row[]) {
  return { columns, rows, total: rows.length };
}

export interface ReportSections {
  byTier: Section;
  byRep: Section;
  overdue: Section;
  /** overdue accounts beyond the listed ones */
  overdueNotListed: number;
  complaints: Section;
  lifecycle: Section;
  greetings: Section;
}

export function reportSections(report: CoverageReport, labels: ExportLabels, repName: RepNamer): ReportSections {
  const text = labels.report;
  const tierRows: CountsRow[] = [...TIERS.map((tier) => ({ group: labels.tier(tier), counts: report.byTier[tier] })), { group: text.totals, counts: report.total }];
  const repRows: CountsRow[] = report.byRep.map((rep) => ({ group: repName(rep.ownerId), counts: rep.counts }));
  const overdue = report.accounts.filter((account) => account.daysOverdue > 0);
  const columns = text.columns;
  return {
    byTier: { name: text.byTier, table: table(countsColumns(labels), tierRows) },
    byRep: { name: text.byRep, table: table(countsColumns(labels), repRows) },
    overdue: { name: text.overdueAccounts, table: table(overdueColumns(labels, repName), overdue.slice(0, OVERDUE_ROWS_LISTED)) },
    overdueNotListed: Math.max(0, overdue.length - OVERDUE_ROWS_LISTED),
    complaints: {
      name: text.complaints,
      table: table(summaryColumns(labels), [
        { label: columns.opened, value: report.complaints.opened },
        { label: columns.answeredWithinTarget, value: report.complaints.answeredWithinTarget },
        { label: columns.resolved, value: report.complaints.resolved },
        { label: columns.medianResponse, value: hoursFigure(report.complaints.medianResponseMinutes) },
      ]),
    },
    lifecycle: {
      name: text.lifecycle,
      table: table(summaryColumns(labels), [
        { label: columns.lapsed, value: report.lifecycle.lapsedAccountIds.length },
        { label: columns.wonBack, value: report.lifecycle.wonBackAccountIds.length },
      ]),
    },
    greetings: {
      name: text.greetings,
      table: table(summaryColumns(labels), [
        { label: columns.greetingsDue, value: report.greetings.due },
        { label: columns.greetingsDone, value: report.greetings.done },
      ]),
    },
  };
}

/** Every section in reading order, for a workbook. */
export function reportSectionList(sections: ReportSections): Section[] {
  return [sections.byTier, sections.byRep, sections.overdue, sections.complaints, sections.lifecycle, sections.greetings];
}
