/**
 * The team's visit log for the report period: done visits newest first, planned ones on request;
 * filters (rep, tier, kind, city), sortable columns, a virtualised table filled a page at a time from
 * the server, and the list exported as it is filtered and sorted.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Flex, Select, Space, Table, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { format, parseISO } from 'date-fns';
import type { ApiInput, VisitLogRowView } from '../../../core/api/contract.js';
import type { CalendarDay } from '../../../core/calendar/day.js';
import { CONTACT_KINDS, TIERS, type Tier, type VisitKind, type VisitStatus } from '../../../core/model/enums.js';
import { useApi } from '../../api/ApiContext.js';
import { useDataVersion, useQuery } from '../../api/useQuery.js';
import { AccountLink } from '../../components/AccountLink.js';
import { TierTag } from '../../components/TierTag.js';
import { useDateFnsLocale, useLanguage } from '../../i18n/index.js';
import { ExportJobStatus, useExportJob } from './exportJob.js';
import { ownerOf, repValue, useReps } from './useReps.js';

export type VisitLogFilters = Omit<ApiInput<'reports.visitLog'>, 'offset' | 'limit' | 'from' | 'to' | 'statuses'>;
export const PAGE_SIZE = 200;
const TABLE_HEIGHT = 480;
const DONE: VisitStatus[] = ['done'];
const DONE_AND_PLANNED: VisitStatus[] = ['done', 'planned'];

/** The visits of the days `from` … `to` (the report period). */
export function VisitLogTab({ from, to }: { from: CalendarDay; to: CalendarDay }) {
  const { t } = useTranslation('team');
  const { t: tc } = useTranslation('common');
  const api = useApi();
  const locale = useDateFnsLocale();
  const { reps, nameOf } = useReps();
  const cities = useQuery((a) => a['accounts.cities'](undefined), []);
  const [filters, setFilters] = useState<VisitLogFilters>({});
  const [withPlanned, setWithPlanned] = useState(false);
  const query = useMemo(() => ({ from, to, statuses: withPlanned ? DONE_AND_PLANNED : DONE, ...filters }), [from, to, withPlanned, filters]);
  const [rows, setRows] = useState<VisitLogRowView[]>([]);
  const [total, setTotal] = useState(0);
  const [loading, setLoading] = useState(true);
  const language = useLanguage();
  const exportJob = useExportJob();

  // A new filter or sort starts again from the first page; "more" appends the next one.
  const load = (offset: number) => {
    setLoading(true);
    return api['reports.visitLog']({ ...query, offset, limit: PAGE_SIZE }).then((page) => {
      setRows((current) => (offset === 0 ? page.rows : [...current, ...page.rows]));
      setTotal(page.total);
      setLoading(false);
    }, () => setLoading(false));
  };
  // Also when the data changed (a rep's visit arrived by sync): the open log shows it.
  const dataVersion = useDataVersion();
  useEffect(() => {
    void load(0);
  }, [query, dataVersion]);

  const change = (patch: Partial<VisitLogFilters>) => setFilters((current) => Object.fromEntries(Object.entries({ ...current, ...patch }).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))));
  // 24-hour times, as everywhere in the app.
  const when = (iso: string | null) => (iso === null ? '' : format(parseISO(iso), `${tc('format.compactDay')} HH:mm`, { locale }));
  const sortOrder = (key: string) => (filters.sort === key ? (filters.descending ? 'descend' : 'ascend') : null);

  const columns: TableProps<VisitLogRowView>['columns'] = [
    { key: 'when', title: t('log.when'), width: 170, sorter: true, sortOrder: sortOrder('when'), render: (_, row) => when(row.doneAt ?? row.plannedAt) },
    { key: 'account', title: t('log.account'), width: 240, sorter: true, sortOrder: sortOrder('account'), render: (_, row) => <AccountLink id={row.accountId}>{row.accountName}</AccountLink> },
    { key: 'tier', title: t('log.tier'), width: 70, sorter: true, sortOrder: sortOrder('tier'), render: (_, row) => <TierTag tier={row.tier} /> },
    { key: 'city', title: t('log.city'), width: 100, sorter: true, sortOrder: sortOrder('city'), dataIndex: 'city' },
    { key: 'rep', title: t('log.rep'), width: 120, sorter: true, sortOrder: sortOrder('rep'), render: (_, row) => nameOf(row.ownerId) },
    { key: 'kind', title: t('log.kind'), width: 130, sorter: true, sortOrder: sortOrder('kind'), render: (_, row) => tc(`enum.visitKind.${row.kind}`) },
    { key: 'status', title: t('log.status'), width: 90, sorter: true, sortOrder: sortOrder('status'), render: (_, row) => tc(`enum.visitStatus.${row.status}`) },
    { key: 'outcome', title: t('log.outcome'), width: 260, ellipsis: true, dataIndex: 'outcome' },
  ];

  const onTableChange: TableProps<VisitLogRowView>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.order ? (single.columnKey as VisitLogFilters['sort']) : undefined;
    change({ sort: key, descending: key ? single?.order === 'descend' : undefined });
  };

  return (
    <Flex vertical gap={12}>
      <Space wrap role="group" aria-label={t('log.filters')}>
        <Select
          mode="multiple"
          allowClear
          aria-label={t('log.rep')}
          placeholder={t('log.allReps')}
          style={{ minWidth: 180 }}
          options={reps.map((rep) => ({ value: repValue(rep.ownerId), label: nameOf(rep.ownerId) }))}
          onChange={(values: string[]) => change({ ownerIds: values.map(ownerOf) })}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('log.tier')}
          placeholder={t('log.allTiers')}
          style={{ minWidth: 120 }}
          options={TIERS.map((tier) => ({ value: tier, label: tc('tier.label', { tier }) }))}
          onChange={(tiers: Tier[]) => change({ tiers })}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('log.kind')}
          placeholder={t('log.allKinds')}
          style={{ minWidth: 160 }}
          options={CONTACT_KINDS.map((kind) => ({ value: kind, label: tc(`enum.visitKind.${kind}`) }))}
          onChange={(kinds: VisitKind[]) => change({ kinds })}
        />
        <Select
          allowClear
          showSearch
          aria-label={t('log.city')}
          placeholder={t('log.allCities')}
          style={{ minWidth: 120 }}
          options={(cities.data ?? []).map((city) => ({ value: city, label: city }))}
          onChange={(city: string | undefined) => change({ city })}
        />
        <Checkbox checked={withPlanned} onChange={(event) => setWithPlanned(event.target.checked)}>
          {t('log.withPlanned')}
        </Checkbox>
      </Space>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" aria-live="polite">
          {t('log.count', { shown: rows.length, total })}
        </Typography.Text>
        <Space wrap role="group" aria-label={t('log.export')}>
          {(['csv', 'xlsx'] as const).map((format) => (
            <Button
              key={format}
              size="small"
              icon={<DownloadOutlined aria-hidden />}
              disabled={exportJob.running || total === 0}
              onClick={() => void exportJob.start({ kind: 'visits', format, visitLog: query, language })}
            >
              {t(`log.exportAs.${format}`)}
            </Button>
          ))}
        </Space>
      </Flex>
      <ExportJobStatus {...exportJob} />
      <Table<VisitLogRowView>
        virtual
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading && rows.length === 0}
        pagination={false}
        scroll={{ x: 1180, y: TABLE_HEIGHT }}
        onChange={onTableChange}
        locale={{ emptyText: t('log.empty') }}
      />
      {rows.length < total && (
        <Button onClick={() => void load(rows.length)} loading={loading} style={{ alignSelf: 'center' }}>
          {t('log.more', { count: Math.min(PAGE_SIZE, total - rows.length) })}
        </Button>
      )}
    </Flex>
  );
}
