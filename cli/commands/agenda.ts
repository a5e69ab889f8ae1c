/**
 * `rounds agenda`: the same agenda as the app's Today (the service's `agenda.range`), as JSON for
 * scripts or as a readable table in English or Chinese.
 */
import fs from 'node:fs';
import type { TFunction } from 'i18next';
import type { ApiHandlers, ApiOutputs } from '../../core/api/contract.js';
import type { AgendaDay, AgendaItem, AgendaItemKind } from '../../core/agenda/types.js';
import { todayIn } from '../../core/calendar/day.js';
import { formatLunarDate, type CalendarLanguage } from '../../core/calendar/format.js';
import { translator } from '../../core/i18n/translator.js';
import { CalendarDay } from '../../core/model/primitives.js';
import type { YearlyDate } from '../../core/model/schemas.js';
import { databasePathIn } from '../../db/paths.js';
import { callApi } from '../../db/service/dispatch.js';
import { agendaHandlers } from '../../db/service/agenda.js';
import { contextOf } from '../../db/service/context.js';
import { CommandError, UsageError, type CommandContext } from '../command.js';
import { openDataFolderDatabase } from '../database.js';
import { cliText } from '../text.js';
import { AGENDA_MAX_DAYS } from '../../core/agenda/range.js';

/** One agenda item as the command prints it: what it is, for whom, when, and from which date. */
export interface AgendaLine {
  kind: AgendaItemKind;
  key: string;
  tier: string;
  accountId: string;
  accountName: string;
  contactId: string | null;
  contactName: string | null;
  /** ISO calendar day the item is about */
  occurrenceDate: string;
  daysUntil: number;
  daysOverdue: number;
  /** the yearly date an important-date item comes from; null for every other kind */
  source: YearlyDate | null;
  festivalId: string | null;
}

export function agendaLine(item: AgendaItem): AgendaLine {
  return {
    kind: item.kind,
    key: item.key,
    tier: item.tier,
    accountId: item.accountId,
    accountName: item.accountName,
    contactId: item.contactId,
    contactName: item.contactName,
    occurrenceDate: item.occurrenceDay,
    daysUntil: item.daysUntil,
    daysOverdue: item.daysOverdue,
    source: item.kind === 'important_date' ? item.source : null,
    festivalId: item.kind === 'festival' ? item.festivalId : null,
  };
}

/** The table's words: the Today screen's names for each kind (`today:kind.*`), the rest under `cli:agenda.*`. */
const agendaText = (lang: CalendarLanguage) => translator(lang, 'cli');
const HEADINGS = ['kind', 'tier', 'account', 'contact', 'date', 'source'] as const;

/** `translate(key)` remembered: a day of a rep's agenda has hundreds of rows with a handful of different words. */
function remembered<K>(translate: (key: K) => string): (key: K) => string {
  const known = new Map<K, string>();
  return (key) => {
    let text = known.get(key);
    if (text === undefined) known.set(key, (text = translate(key)));
    return text;
  };
}

function sourceText(line: AgendaLine, lang: CalendarLanguage, overdue: (days: number) => string): string {
  if (line.festivalId) return line.festivalId;
  if (line.source) {
    const { calendar, month, day, isLeapMonth, year } = line.source;
    const text = calendar === 'lunar' ? formatLunarDate({ month, day, isLeapMonth }, lang) : `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return year === null ? text : `${year} ${text}`;
  }
  return line.daysOverdue > 0 ? overdue(line.daysOverdue) : '';
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const ASCII = /^[\x20-\x7e]*$/;

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  if (ASCII.test(text)) return text.length;
  let columns = 0;
  for (const char of text) columns += WIDE.test(char) ? 2 : 1;
  return columns;
}

export function agendaTable(days: readonly AgendaDay[], lang: CalendarLanguage): string {
  const t = agendaText(lang);
  const kindName = remembered((kind: AgendaItemKind) => t(`today:kind.${kind}`));
  const overdue = remembered((count: number) => t('agenda.overdue', { count }));
  const headings = HEADINGS.map((heading) => t(`agenda.heading.${heading}`));
  const out: string[] = [];
  for (const { day, items } of days) {
    out.push(`== ${day} ==`);
    if (items.length === 0) {
      out.push(t('agenda.nothing'), '');
      continue;
    }
    const rows = items.map(agendaLine).map((line) => [kindName(line.kind), line.tier, line.accountName, line.contactName ?? '', line.occurrenceDate, sourceText(line, lang, overdue)]);
    const cellWidths = [headings, ...rows].map((row) => row.map(width));
    const widths = headings.map((_, column) => Math.max(...cellWidths.map((row) => row[column] ?? 0)));
    [headings, ...rows].forEach((row, index) => out.push(row.map((cell, column) => cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - (cellWidths[index]?.[column] ?? 0)))).join('  ').trimEnd()));
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

function parseDate(value: string, t: TFunction): string {
  if (!CalendarDay.safeParse(value).success) throw new UsageError(t('agenda.badDate', { value }));
  return value;
}

function parseDays(value: string, t: TFunction): number {
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > AGENDA_MAX_DAYS) throw new UsageError(t('agenda.badDays', { value, max: AGENDA_MAX_DAYS }));
  return days;
}

function parseLang(value: string, t: TFunction): CalendarLanguage {
  if (value !== 'en' && value !== 'zh-CN') throw new UsageError(t('agenda.badLang', { value }));
  return value;
}

export async function run({ values, dataDir, io }: CommandContext) {
  const t = cliText(io.env);
  const days = parseDays(String(values.days), t);
  const lang = parseLang(String(values.lang), t);
  const explicitDate = typeof values.date === 'string' ? parseDate(values.date, t) : undefined;
  const file = databasePathIn(dataDir);
  if (!fs.existsSync(file)) throw new CommandError(t('program.noDatabase', { file }));
  const db = openDataFolderDatabase(dataDir, io.env, (line) => io.stderr(`${line}\n`));
  try {
    // The app's own agenda handlers (db/service/agenda.ts), without building the rest of the service:
    // its sync controller, imports, exports and search are not needed to print an agenda.
    const service = agendaHandlers(contextOf({ db, dataDir, host: 'browser', version: 'cli', now: io.now })) as ApiHandlers;
    // Today as the service's `agenda.today` takes it (the local zone), without building that day's agenda twice.
    const from = explicitDate ?? todayIn(undefined, io.now());
    const agenda = await agendaRange(service, from, days);
    if (values.json === true) {
      io.stdout(`${JSON.stringify({ from, days: agenda.map(({ day, items }) => ({ day, items: items.map(agendaLine) })) }, null, 2)}\n`);
    } else {
      io.stdout(agendaTable(agenda, lang));
    }
  } finally {
    db.close();
  }
}

async function agendaRange(service: ApiHandlers, from: string, days: number): Promise<ApiOutputs['agenda.range']> {
  const result = await callApi(service, 'agenda.range', { from, days });
  if (!result.ok) throw new CommandError(`agenda.range: ${result.error.code}`);
  return result.value as ApiOutputs['agenda.range'];
}
