/**
 * The words of every export (CSV, XLSX, PDF, ICS), read from the locale resources the screens use
 * (core/i18n): a figure the Team screens show is named here by the very key the screen uses, so the
 * file and the screen cannot drift apart. Words only exports need live in `team:export.*`.
 */
import type { TFunction } from 'i18next';
import type { FestivalId } from '../../core/calendar/festivals.js';
import { translator } from '../../core/i18n/translator.js';
import type { DateKind, Language, Tier, VisitKind, VisitStatus } from '../../core/model/enums.js';
import type { PeriodPreset } from '../../core/reports/period.js';

export type ExportLanguage = Language;

export interface ExportLabels {
  language: ExportLanguage;
  /** the visit log's sheet name */
  visitLog: string;
  visitColumns: {
    account: string;
    tier: string;
    city: string;
    rep: string;
    kind: string;
    status: string;
    plannedAt: string;
    doneAt: string;
    purpose: string;
    contactsMet: string;
    outcome: string;
    nextStep: string;
  };
  /** between the names of the people met at a visit */
  nameSeparator: string;
  tier: (tier: Tier) => string;
  visitKind: (kind: VisitKind) => string;
  visitStatus: (status: VisitStatus) => string;
  dateKind: (kind: DateKind) => string;
  festival: (id: FestivalId) => string;
  /** the rep on this device, when the settings hold no name */
  me: string;
  /** another rep, known only by the tail of their id */
  rep: (shortId: string) => string;
  allReps: string;
  report: {
    title: (preset: PeriodPreset | 'custom') => string;
    period: string;
    rep: string;
    generated: string;
    /** "Period: …", with the language's colon */
    field: (label: string, value: string) => string;
    page: (page: number, pages: number) => string;
    /** the row that adds up every tier */
    totals: string;
    byTier: string;
    byRep: string;
    chartTitle: string;
    overdueAccounts: string;
    moreOverdue: (count: number) => string;
    complaints: string;
    lifecycle: string;
    greetings: string;
    noData: string;
    columns: {
      group: string;
      accounts: string;
      due: string;
      withinCadence: string;
      coverage: string;
      overdue: string;
      visitsDone: string;
      averageGap: string;
      account: string;
      tier: string;
      rep: string;
      lastVisit: string;
      daysOverdue: string;
      opened: string;
      answeredWithinTarget: string;
      resolved: string;
      /** in hours, as on the screen */
      medianResponse: string;
      lapsed: string;
      wonBack: string;
      greetingsDue: string;
      greetingsDone: string;
    };
  };
  calendar: {
    name: string;
    visit: (kind: string, account: string) => string;
    date: (kind: string, person: string, account: string) => string;
  };
}

function build(language: ExportLanguage): ExportLabels {
  const t: TFunction = translator(language, 'team');
  return {
    language,
    visitLog: t('tabs.log'),
    visitColumns: {
      account: t('log.account'),
      tier: t('log.tier'),
      city: t('log.city'),
      rep: t('log.rep'),
      kind: t('log.kind'),
      status: t('log.status'),
      plannedAt: t('sync:field.plannedAt'),
      doneAt: t('sync:field.doneAt'),
      purpose: t('sync:field.purpose'),
      contactsMet: t('sync:field.metContactIds'),
      outcome: t('log.outcome'),
      nextStep: t('sync:field.nextStep'),
    },
    nameSeparator: t('account:visits.nameSeparator'),
    tier: (tier) => t('common:tier.label', { tier }),
    visitKind: (kind) => t(`common:enum.visitKind.${kind}`),
    visitStatus: (status) => t(`common:enum.visitStatus.${status}`),
    dateKind: (kind) => t(`common:enum.dateKind.${kind}`),
    festival: (id) => t(`festival:${id}`),
    me: t('rep.me'),
    rep: (id) => t('rep.short', { id }),
    allReps: t('log.allReps'),
    report: {
      title: (preset) => t(`export.report.title.${preset}`),
      period: t('period.title'),
      rep: t('log.rep'),
      generated: t('export.report.generated'),
      field: (label, value) => t('export.report.field', { label, value }),
      page: (page, pages) => t('export.report.page', { page, pages }),
      totals: t('coverage.total'),
      byTier: t('coverage.byTier'),
      byRep: t('coverage.byRep'),
      chartTitle: t('export.report.coverageChart'),
      overdueAccounts: t('export.report.overdueAccounts'),
      moreOverdue: (count) => t('export.report.moreOverdue', { count }),
      complaints: t('export.report.complaints'),
      lifecycle: t('export.report.lifecycle'),
      greetings: t('coverage.greetings'),
      noData: t('export.report.noData'),
      columns: {
        group: t('coverage.group'),
        accounts: t('coverage.accounts'),
        due: t('coverage.due'),
        withinCadence: t('coverage.withinCadence'),
        coverage: t('coverage.coverage'),
        overdue: t('coverage.overdue'),
        visitsDone: t('coverage.visitsDone'),
        averageGap: t('export.inDays', { label: t('coverage.averageGap') }),
        account: t('coverage.account'),
        tier: t('log.tier'),
        rep: t('log.rep'),
        lastVisit: t('coverage.lastVisit'),
        daysOverdue: t('coverage.daysOverdue'),
        opened: t('coverage.complaintsOpened'),
        answeredWithinTarget: t('coverage.answeredWithinTarget'),
        resolved: t('coverage.resolved'),
        medianResponse: t('export.inHours', { label: t('coverage.medianResponse') }),
        lapsed: t('coverage.lapsed'),
        wonBack: t('coverage.wonBack'),
        greetingsDue: t('export.report.greetingsDue'),
        greetingsDone: t('export.report.greetingsDone'),
      },
    },
    calendar: {
      name: t('common:appName'),
      visit: (kind, account) => t('export.calendar.visit', { kind, account }),
      date: (kind, person, account) => t('export.calendar.date', { entry: t('calendar:dateEntry', { who: person, kind }), account }),
    },
  };
}

const built = new Map<ExportLanguage, ExportLabels>();

/** The export words in `language`, from the locale resources. */
export function exportLabels(language: ExportLanguage): ExportLabels {
  let labels = built.get(language);
  if (!labels) {
    labels = build(language);
    built.set(language, labels);
  }
  return labels;
}
