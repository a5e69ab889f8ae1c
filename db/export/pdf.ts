/**
 * The period report as a PDF (pdfkit): the period and rep in a header on every page, page numbers,
 * coverage tables per tier and per rep, a bar chart of coverage by tier drawn with vectors, and the
 * overdue accounts. Chinese text uses an embedded CJK font (Noto Sans SC as shipped, see ./fonts.ts), so it
 * stays selectable and extractable (pdfkit writes a ToUnicode map for the font subset it embeds).
 */
import fs from 'node:fs';
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import { TIERS } from '../../core/model/enums.js';
import type { CoverageReport } from '../../core/reports/coverage.js';
import type { ReportPeriod } from '../../core/reports/period.js';
import type { CellValue, ColumnType, RepNamer, Section } from './columns.js';
import { resolveCjkFont, type CjkFontChoice } from './fonts.js';
import { throwIfAborted, writeAtomically, yieldToEventLoop, type ExportOptions } from './job.js';
import type { ExportLabels } from './wording.js';
import { coverageRatio, reportSections } from './reportTables.js';
import { formatDay, reportHeading, type ReportHeading } from './reportText.js';

export interface ReportPdfInput {
  report: CoverageReport;
  period: ReportPeriod;
  labels: ExportLabels;
  repName: RepNamer;
  /** who the report is about: a rep's name, or "all reps" */
  subject: string;
  generatedAt: Date;
  timeZone: string;
  /** where the host knows a CJK font to be; the rest of the search is `resolveCjkFont`'s */
  font?: CjkFontChoice;
}

const MARGIN = 50;
const HEADER_SPACE = 40;
const ROW_HEIGHT = 18;
const TEXT_SIZE = 9;
const INK = '#1f2328';
const MUTED = '#57606a';
const RULE = '#d0d7de';
const HEADER_FILL = '#f0f3f6';
const TIER_COLOURS = { A: '#cf222e', B: '#bf8700', C: '#0969da' } as const;

type Doc = PDFKit.PDFDocument;

function formatCell(value: CellValue, type: ColumnType, labels: ExportLabels): string {
  if (value === null) return '–';
  if (value instanceof Date) return formatDay(value.toISOString().slice(0, 10), labels);
  if (typeof value === 'number') return type === 'percent' ? `${(value * 100).toFixed(1)}%` : value.toLocaleString(labels.language);
  return value;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - 2 * MARGIN;
}

function bottomLimit(doc: Doc): number {
  return doc.page.height - MARGIN - 20;
}

function newPage(doc: Doc): void {
  doc.addPage();
  doc.y = MARGIN + HEADER_SPACE;
}

function ensureRoom(doc: Doc, height: number): void {
  if (doc.y + height > bottomLimit(doc)) newPage(doc);
}

function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 3 * ROW_HEIGHT);
  doc.moveDown(0.6).fontSize(13).fillColor(INK).text(text, MARGIN, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.3);
}

/** Room between a cell's text and its borders, left and right; and above and below. */
const CELL_PADDING = 4;
const CELL_PADDING_Y = 4;

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Column widths that fit the content: each column as wide as its widest header or cell, the page's
 * spare width shared out in proportion. When the content is wider than the page, numbers and dates
 * keep their width and the text columns share the rest, wrapping their text.
 */
function fitWidths(doc: Doc, types: ColumnType[], rows: string[][]): number[] {
  doc.fontSize(TEXT_SIZE);
  const available = contentWidth(doc);
  const natural = types.map((_, index) => Math.max(...rows.map((cells) => doc.widthOfString(cells[index]!))) + 2 * CELL_PADDING);
  const total = sum(natural);
  if (total <= available) return natural.map((width) => width + (available - total) * (width / total));
  const text = types.map((type) => type === 'text');
  const textTotal = sum(natural.filter((_, index) => text[index]));
  const room = Math.max(available - (total - textTotal), available / 3);
  return natural.map((width, index) => (text[index] ? (width / textTotal) * room : width));
}

function rowHeight(doc: Doc, cells: string[], widths: number[]): number {
  doc.fontSize(TEXT_SIZE);
  const text = Math.max(...cells.map((cell, index) => doc.heightOfString(cell, { width: widths[index]! - 2 * CELL_PADDING })));
  return Math.max(ROW_HEIGHT, text + 2 * CELL_PADDING_Y);
}

/** One table row; a cell too long for its column wraps (the row grows), numbers right-aligned. */
function drawRow(doc: Doc, cells: string[], widths: number[], types: ColumnType[], fill?: string): void {
  const top = doc.y;
  const height = rowHeight(doc, cells, widths);
  if (fill) doc.rect(MARGIN, top, contentWidth(doc), height).fill(fill);
  let x = MARGIN;
  doc.fontSize(TEXT_SIZE).fillColor(INK);
  cells.forEach((cell, index) => {
    const width = widths[index]!;
    const align = types[index] === 'text' ? 'left' : 'right';
    doc.text(cell, x + CELL_PADDING, top + CELL_PADDING_Y, { width: width - 2 * CELL_PADDING, align });
    x += width;
  });
  doc.moveTo(MARGIN, top + height).lineTo(MARGIN + contentWidth(doc), top + height).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.x = MARGIN;
  doc.y = top + height;
}

/**
 * A section's table, its columns fitted to the header and cells; the header row repeats on every page
 * the table runs onto. A report's sections are short (the overdue list stops at OVERDUE_ROWS_LISTED),
 * so the cells are formatted up front to measure them.
 */
function drawTable(doc: Doc, section: Section, labels: ExportLabels): void {
  const { columns } = section.table;
  const types = columns.map((column) => column.type);
  const header = columns.map((column) => column.header);
  const rows = [...section.table.rows].map((row) => columns.map((column) => formatCell(column.value(row), column.type, labels)));
  const widths = fitWidths(doc, types, [header, ...rows]);
  const headerRow = () => drawRow(doc, header, widths, types, HEADER_FILL);
  heading(doc, section.name);
  headerRow();
  for (const cells of rows) {
    if (doc.y + rowHeight(doc, cells, widths) > bottomLimit(doc)) {
      newPage(doc);
      headerRow();
    }
    drawRow(doc, cells, widths, types);
  }
  if (rows.length === 0) doc.fontSize(TEXT_SIZE).fillColor(MUTED).text(labels.report.noData, MARGIN, doc.y + 4);
}

/** Coverage by tier as horizontal bars: 0–100% of due accounts visited within cadence. */
function drawCoverageChart(doc: Doc, report: CoverageReport, labels: ExportLabels): void {
  const barHeight = 16;
  const labelWidth = 60;
  const valueWidth = 60;
  heading(doc, labels.report.chartTitle);
  ensureRoom(doc, TIERS.length * (barHeight + 8) + 10);
  const trackWidth = contentWidth(doc) - labelWidth - valueWidth;
  for (const tier of TIERS) {
    const top = doc.y + 4;
    const ratio = coverageRatio(report.byTier[tier]);
    doc.fontSize(TEXT_SIZE).fillColor(INK).text(labels.tier(tier), MARGIN, top + 3, { width: labelWidth - 6, lineBreak: false });
    doc.rect(MARGIN + labelWidth, top, trackWidth, barHeight).fill(HEADER_FILL);
    if (ratio !== null && ratio > 0) doc.rect(MARGIN + labelWidth, top, trackWidth * ratio, barHeight).fill(TIER_COLOURS[tier]);
    doc.fillColor(INK).text(ratio === null ? '–' : `${(ratio * 100).toFixed(1)}%`, MARGIN + labelWidth + trackWidth + 6, top + 3, { width: valueWidth - 6, lineBreak: false });
    doc.x = MARGIN;
    doc.y = top + barHeight + 4;
  }
}

/** Header and footer on every page, drawn last so that the page count is known. */
function stampPages(doc: Doc, input: ReportPdfInput, { title, period: periodText }: ReportHeading): void {
  const { labels } = input;
  const range = doc.bufferedPageRange();
  for (let index = 0; index < range.count; index += 1) {
    doc.switchToPage(range.start + index);
    // Writing into the bottom margin must not make pdfkit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(TEXT_SIZE).fillColor(MUTED);
    doc.text(`${title} · ${labels.report.field(labels.report.period, periodText)}`, MARGIN, MARGIN - 20, { width: contentWidth(doc), lineBreak: false });
    doc.text(labels.report.field(labels.report.rep, input.subject), MARGIN, MARGIN - 20, { width: contentWidth(doc), align: 'right', lineBreak: false });
    doc.moveTo(MARGIN, MARGIN - 6).lineTo(MARGIN + contentWidth(doc), MARGIN - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.text(labels.report.page(index + 1, range.count), MARGIN, doc.page.height - MARGIN + 10, { width: contentWidth(doc), align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottomMargin;
  }
}

export async function writeReportPdf(target: string, input: ReportPdfInput, options: ExportOptions = {}): Promise<void> {
  // Before any file is opened: without a font there is no report to write.
  const font = resolveCjkFont(input.font);
  const { labels, report } = input;
  const sections = reportSections(report, labels, input.repName);
  const head = reportHeading(input.period, labels, input.subject, input.generatedAt, input.timeZone);
  const steps: Array<(doc: Doc) => void> = [
    (doc) => drawTable(doc, sections.byTier, labels),
    (doc) => drawCoverageChart(doc, report, labels),
    (doc) => drawTable(doc, sections.byRep, labels),
    (doc) => {
      drawTable(doc, sections.overdue, labels);
      if (sections.overdueNotListed > 0) doc.fontSize(TEXT_SIZE).fillColor(MUTED).text(labels.report.moreOverdue(sections.overdueNotListed), MARGIN, doc.y + 4);
    },
    (doc) => drawTable(doc, sections.complaints, labels),
    (doc) => drawTable(doc, sections.lifecycle, labels),
    (doc) => drawTable(doc, sections.greetings, labels),
  ];

  await writeAtomically(target, options.signal, async (tempPath) => {
    // `font: ''` keeps pdfkit from loading its default Helvetica, which the report never uses and which
    // pdfkit finds through a package import (#standard-fonts) that the Electron worker bundle cannot load.
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true, font: '', info: { Title: `${head.title} ${head.period}` } });
    const file = fs.createWriteStream(tempPath);
    const closed = once(file, 'close');
    doc.pipe(file);
    try {
      doc.registerFont('cjk', font.path, font.family);
      doc.font('cjk');
      doc.y = MARGIN + HEADER_SPACE;
      doc.fontSize(18).fillColor(INK).text(head.title, MARGIN, doc.y);
      doc.fontSize(10).fillColor(MUTED).text(head.line);
      options.onProgress?.(0, steps.length);
      for (const [index, step] of steps.entries()) {
        step(doc);
        options.onProgress?.(index + 1, steps.length);
        await yieldToEventLoop();
        throwIfAborted(options.signal);
      }
      stampPages(doc, input, head);
    } finally {
      // Also on abort: ending the document is what closes the file, which is then removed.
      doc.end();
      await closed;
    }
  });
}
