/**
 * Coverage for a period: visited within cadence vs due, overdue and average gap per tier and per rep;
 * complaints, lapsed / won-back accounts and greetings; charts of coverage by tier over the last
 * periods and of completed visits per rep per week.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Col, Descriptions, Flex, Progress, Row, Table, Typography, type TableProps } from 'antd';
import { format, parseISO } from 'date-fns';
import type { CoverageView, ReportPeriodRequest } from '../../../core/api/contract.js';
import { TIERS, type Tier } from '../../../core/model/enums.js';
import type { CoverageCounts } from '../../../core/reports/coverage.js';
import { averageGapFigure, hoursFigure } from '../../../core/reports/figures.js';
import { useQuery } from '../../api/useQuery.js';
import { AccountLink } from '../../components/AccountLink.js';
import { TierTag } from '../../components/TierTag.js';
import { useDateFnsLocale } from '../../i18n/index.js';
import { BarChart } from './BarChart.js';
import { usePeriodName } from './PeriodPicker.js';
import { useReps } from './useReps.js';

const TIER_COLORS: Record<Tier, string> = { A: '#b7320c', B: '#8f6200', C: '#0b5cad' };
const REP_COLORS = ['#1668dc', '#389e0d', '#c41d7f', '#d46b08', '#531dab', '#08979c'];
const TREND_PERIODS = 6;

const percentOf = (counts: { due: number; withinCadence: number }) => (counts.due === 0 ? null : Math.round((counts.withinCadence / counts.due) * 100));

interface CountsRow {
  key: string;
  group: ReactNode;
  counts: CoverageCounts;
}

function CountsTable({ caption, rows, note }: { caption: string; rows: CountsRow[]; note?: string }) {
  const { t } = useTranslation('team');
  const columns: TableProps<CountsRow>['columns'] = [
    { key: 'group', title: t('coverage.group'), render: (_, row) => row.group },
    { key: 'accounts', title: t('coverage.accounts'), align: 'right', render: (_, row) => row.counts.accounts },
    { key: 'due', title: t('coverage.due'), align: 'right', render: (_, row) => row.counts.due },
    { key: 'within', title: t('coverage.withinCadence'), align: 'right', render: (_, row) => row.counts.withinCadence },
    {
      key: 'coverage',
      title: t('coverage.coverage'),
      width: 160,
      render: (_, row) => {
        const percent = percentOf(row.counts);
        return percent === null ? t('coverage.nothingDue') : <Progress percent={percent} size="small" aria-label={t('coverage.coverage')} />;
      },
    },
    { key: 'overdue', title: t('coverage.overdue'), align: 'right', render: (_, row) => row.counts.overdue },
    { key: 'visits', title: t('coverage.visitsDone'), align: 'right', render: (_, row) => row.counts.visitsDone },
    { key: 'gap', title: t('coverage.averageGap'), align: 'right', render: (_, row) => (row.counts.averageGapDays === null ? '–' : t('coverage.days', { count: averageGapFigure(row.counts.averageGapDays) })) },
  ];
  return (
    <Table<CountsRow>
      size="small"
      pagination={false}
      rowKey="key"
      columns={columns}
      dataSource={rows}
      title={() => <Typography.Text strong>{caption}</Typography.Text>}
      {...(note ? { footer: () => <Typography.Text type="secondary">{note}</Typography.Text> } : {})}
    />
  );
}

export function CoverageTab({ period }: { period: ReportPeriodRequest }) {
  const { t } = useTranslation('team');
  const locale = useDateFnsLocale();
  const { nameOf } = useReps();
  const periodName = usePeriodName(true);
  const coverage = useQuery((api) => api['reports.coverage']({ period }), [JSON.stringify(period)]);
  const perWeek = useQuery((api) => api['reports.visitsPerWeek']({ period }), [JSON.stringify(period)]);
  const trendPreset = period.preset === 'custom' ? 'month' : period.preset;
  const trend = useQuery((api) => api['reports.coverageTrend']({ preset: trendPreset, ...(period.preset !== 'custom' && period.day ? { day: period.day } : {}), periods: TREND_PERIODS }), [JSON.stringify(period)]);
  const report: CoverageView | undefined = coverage.data;
  if (!report) return <Typography.Text type="secondary">{t('loading')}</Typography.Text>;

  const day = (value: string) => format(parseISO(value), t('format.compactDay', { ns: 'common' }), { locale });
  const tierRows: CountsRow[] = [
    ...TIERS.map((tier) => ({ key: tier, group: <TierTag tier={tier} />, counts: report.byTier[tier] })),
    { key: 'total', group: t('coverage.total'), counts: report.total },
  ];
  const repRows: CountsRow[] = report.byRep.map((rep) => ({ key: rep.ownerId ?? 'me', group: nameOf(rep.ownerId), counts: rep.counts }));
  const overdueColumns: TableProps<CoverageView['overdue'][number]>['columns'] = [
    { key: 'account', title: t('coverage.account'), render: (_, row) => <AccountLink id={row.accountId}>{row.accountName}</AccountLink> },
    { key: 'tier', title: t('log.tier'), render: (_, row) => <TierTag tier={row.tier} /> },
    { key: 'rep', title: t('log.rep'), render: (_, row) => nameOf(row.ownerId) },
    { key: 'last', title: t('coverage.lastVisit'), render: (_, row) => (row.lastVisitDay ? day(row.lastVisitDay) : t('coverage.never')) },
    { key: 'days', title: t('coverage.daysOverdue'), align: 'right', render: (_, row) => row.daysOverdue },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Text type="secondary">{t('coverage.range', { from: day(report.period.from), to: day(report.period.to) })}</Typography.Text>
      <CountsTable caption={t('coverage.byTier')} rows={tierRows} />
      <CountsTable caption={t('coverage.byRep')} rows={repRows} note={t('coverage.byRepNote')} />
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('coverage.trendTitle')}>
            {trend.data && (
              <BarChart
                title={t('coverage.trendChart')}
                categories={trend.data.map((point) => periodName(point.period))}
                series={TIERS.map((tier) => ({ name: t('coverage.tierSeries', { tier }), color: TIER_COLORS[tier], values: trend.data!.map((point) => percentOf(point.byTier[tier])) }))}
                unit={t('coverage.axisPercent')}
                max={100}
                format={(value) => `${value}%`}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('coverage.weeklyTitle')}>
            {perWeek.data && (
              <BarChart
                title={t('coverage.weeklyChart')}
                categories={perWeek.data.weeks.map((week) => format(parseISO(week), t('coverage.weekFormat'), { locale }))}
                unit={t('coverage.axisVisits')}
                series={perWeek.data.reps.map((rep, index) => ({ name: nameOf(rep.ownerId), color: REP_COLORS[index % REP_COLORS.length]!, values: rep.counts }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2, lg: 3 }} title={t('coverage.sections')}>
        <Descriptions.Item label={t('coverage.complaintsOpened')}>{report.complaints.opened}</Descriptions.Item>
        <Descriptions.Item label={t('coverage.answeredWithinTarget')}>{report.complaints.answeredWithinTarget}</Descriptions.Item>
        <Descriptions.Item label={t('coverage.resolved')}>{report.complaints.resolved}</Descriptions.Item>
        <Descriptions.Item label={t('coverage.medianResponse')}>
          {report.complaints.medianResponseMinutes === null ? '–' : t('coverage.hours', { count: hoursFigure(report.complaints.medianResponseMinutes) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('coverage.lapsed')}>{report.lifecycle.lapsed}</Descriptions.Item>
        <Descriptions.Item label={t('coverage.wonBack')}>{report.lifecycle.wonBack}</Descriptions.Item>
        <Descriptions.Item label={t('coverage.greetings')}>{t('coverage.greetingsDone', { done: report.greetings.done, due: report.greetings.due })}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="accountId"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={overdueColumns}
        dataSource={report.overdue}
        title={() => <Typography.Text strong>{t('coverage.overdueAccounts', { count: report.overdueTotal })}</Typography.Text>}
        locale={{ emptyText: t('coverage.noneOverdue') }}
      />
    </Flex>
  );
}
