/** The words above a period report, alike in the PDF and the workbook: its title, period, rep and when it was made. */
import { format } from 'date-fns';
import { enUS, zhCN } from 'date-fns/locale';
import type { ReportPeriod } from '../../core/reports/period.js';
import { wallClockOf } from '../../core/reports/zone.js';
import type { ExportLabels } from './wording.js';

export function dateLocale(labels: ExportLabels) {
  return labels.language === 'zh-CN' ? zhCN : enUS;
}

/** A calendar day in full ("2026年10月25日", "October 25th, 2025"). */
export function formatDay(day: string, labels: ExportLabels): string {
  return format(new Date(`${day}T00:00:00`), 'PPP', { locale: dateLocale(labels) });
}

export interface ReportHeading {
  title: string;
  period: string;
  /** "Period: … Rep: … Generated: …", times on a 24-hour clock */
  line: string;
}

export function reportHeading(period: ReportPeriod, labels: ExportLabels, subject: string, generatedAt: Date, timeZone: string): ReportHeading {
  const periodText = `${formatDay(period.from, labels)} – ${formatDay(period.to, labels)}`;
  // The wall clock in the report's zone, read back as a local Date for date-fns to format.
  const generated = format(new Date(wallClockOf(generatedAt, timeZone).toISOString().slice(0, 19)), 'PPP HH:mm', { locale: dateLocale(labels) });
  return {
    title: labels.report.title(period.preset),
    period: periodText,
    line: [
      labels.report.field(labels.report.period, periodText),
      labels.report.field(labels.report.rep, subject),
      labels.report.field(labels.report.generated, generated),
    ].join('    '),
  };
}
