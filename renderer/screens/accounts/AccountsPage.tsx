/**
 * The accounts list: server-side search (Chinese substrings, pinyin initials, English) and filters,
 * sortable by name / tier / last visit, in a virtualised table so thousands of rows stay fast.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Input, Select, Space, Switch, Table, Tag, Tooltip, Typography, type TableProps } from 'antd';
import { ImportOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { ACCOUNT_STATUSES, TIERS, type AccountSort, type AccountStatus, type Tier } from '../../../core/model/enums.js';
import type { AccountListQuery, AccountListRow } from '../../../core/model/schemas.js';
import { useQuery } from '../../api/useQuery.js';
import { useNavigation } from '../../components/navigation.js';
import { AccountLink } from '../../components/AccountLink.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { StatusTag } from '../../components/StatusTag.js';
import { TierTag } from '../../components/TierTag.js';
import { useDebouncedValue } from '../../components/useDebouncedValue.js';
import { NARROW_WINDOW, useWindowSize } from '../../components/useWindowSize.js';
import { AccountForm } from './AccountForm.js';
import { GettingStarted } from './GettingStarted.js';

export const SEARCH_DELAY_MS = 250;
/** Rows fetched per step; "Show more" fetches the next step. */
const PAGE = 500;
/** Header, toolbar and page padding above the table body. */
const CHROME_HEIGHT = 250;

interface Sorting {
  sort: AccountSort;
  direction: 'asc' | 'desc';
}

export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { t: tCommon } = useTranslation('common');
  const { navigate } = useNavigation();
  const { width: windowWidth, height: windowHeight } = useWindowSize();
  const [typed, setTyped] = useState('');
  const [tiers, setTiers] = useState<Tier[]>([]);
  const [statuses, setStatuses] = useState<AccountStatus[]>([]);
  const [cities, setCities] = useState<string[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [sorting, setSorting] = useState<Sorting>({ sort: 'name', direction: 'asc' });
  const [limit, setLimit] = useState(PAGE);
  const [creating, setCreating] = useState(false);
  const search = useDebouncedValue(typed.trim(), SEARCH_DELAY_MS);

  const query: AccountListQuery = {
    ...(search ? { search } : {}),
    ...(tiers.length ? { tiers } : {}),
    ...(statuses.length ? { statuses } : {}),
    ...(cities.length ? { cities } : {}),
    ...sorting,
    includeArchived,
    limit,
  };
  const list = useQuery((api) => api['accounts.list'](query), [JSON.stringify(query)]);
  const cityOptions = useQuery((api) => api['accounts.cities']({}), []);
  const filtered = Boolean(search || tiers.length || statuses.length || cities.length || includeArchived);

  const rows = list.data?.rows ?? [];
  // Owners mean something once the book is synced with a team (a lead's app lists the team's accounts).
  const showOwner = rows.some((row) => row.ownerName);
  // A narrow window leaves out the columns a rep reads least, so the last visit stays in view (with a
  // lead's owner column, the key-account tags too).
  const narrow = windowWidth < NARROW_WINDOW;
  const leftOut = new Set(narrow ? ['industry', 'contacts', ...(showOwner ? ['keyAccount'] : [])] : []);
  const sortOrder = (key: AccountSort) => (sorting.sort === key ? (sorting.direction === 'asc' ? 'ascend' : 'descend') : null);
  const allColumns: NonNullable<TableProps<AccountListRow>['columns']> = [
    {
      key: 'name',
      title: t('field.name'),
      width: 260,
      sorter: true,
      sortOrder: sortOrder('name'),
      render: (_, row) => (
        <Space size={4}>
          <AccountLink id={row.id}>{row.name}</AccountLink>
          {row.archivedAt && <Tag>{t('archived')}</Tag>}
        </Space>
      ),
    },
    ...(showOwner
      ? [
          {
            key: 'owner',
            title: t('field.owner'),
            width: 150,
            render: (_: unknown, row: AccountListRow) => (
              <Space size={4}>
                <span>{row.ownerName ?? '—'}</span>
                {row.readOnly && (
                  <Tooltip title={row.ownerName ? t('readOnlyHint', { owner: row.ownerName }) : undefined}>
                    <Tag icon={<LockOutlined aria-hidden />}>{t('readOnly')}</Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
        ]
      : []),
    { key: 'tier', title: t('field.tier'), width: 72, sorter: true, sortOrder: sortOrder('tier'), render: (_, row) => <TierTag tier={row.tier} /> },
    { key: 'status', title: t('field.status'), width: 120, render: (_, row) => <StatusTag status={row.status} /> },
    { key: 'city', title: t('field.city'), width: 100, dataIndex: 'city' },
    { key: 'industry', title: t('field.industry'), width: 140, dataIndex: 'industry', ellipsis: true },
    {
      key: 'keyAccount',
      title: t('field.keyAccount'),
      width: 170,
      render: (_, row) => (
        <>
          {row.longTermContract && <Tag color="geekblue">{t('field.longTermContract')}</Tag>}
          {row.strategic && <Tag color="magenta">{t('field.strategic')}</Tag>}
        </>
      ),
    },
    {
      key: 'lastVisit',
      title: t('field.lastVisit'),
      width: 210,
      sorter: true,
      sortOrder: sortOrder('lastVisit'),
      render: (_, row) => (row.lastVisitAt ? <RelativeTime at={row.lastVisitAt} /> : <Typography.Text type="secondary">{t('neverVisited')}</Typography.Text>),
    },
    { key: 'contacts', title: t('field.contactCount'), width: 90, align: 'right', dataIndex: 'contactCount' },
  ];
  const columns = allColumns.filter((column) => !leftOut.has(String(column.key)));
  // A virtual table needs its width: the columns' own.
  const tableWidth = columns.reduce((sum, column) => sum + Number(column.width ?? 0), 0);

  const onTableChange: TableProps<AccountListRow>['onChange'] = (_pagination, _filters, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    const key = single?.columnKey as AccountSort | undefined;
    if (!key || !single?.order) setSorting({ sort: 'name', direction: 'asc' });
    else setSorting({ sort: key, direction: single.order === 'descend' ? 'desc' : 'asc' });
  };

  const total = list.data?.total ?? 0;
  const isEmptyBook = list.data !== undefined && total === 0 && !filtered;

  return (
    <section aria-labelledby="accounts-title">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} id="accounts-title" style={{ fontSize: 20, margin: 0 }}>
          {t('title')}
        </Typography.Title>
        <Space>
          {/* A rep's existing list (a CRM export, a spreadsheet kept by hand) comes in here. */}
          <Button icon={<ImportOutlined aria-hidden />} onClick={() => navigate({ name: 'import' })}>
            {t('import')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('new')}
          </Button>
        </Space>
      </Flex>
      {isEmptyBook ? (
        <GettingStarted onCreate={() => setCreating(true)} onImport={() => navigate({ name: 'import' })} />
      ) : (
        <>
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} role="search">
            <Input.Search
              allowClear
              aria-label={t('searchLabel')}
              placeholder={t('searchPlaceholder')}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              style={{ width: 300 }}
            />
            <Select<Tier[]>
              mode="multiple"
              allowClear
              aria-label={t('filter.tier')}
              placeholder={t('filter.tier')}
              value={tiers}
              onChange={setTiers}
              options={TIERS.map((value) => ({ value, label: tCommon('tier.label', { tier: value }) }))}
              style={{ minWidth: 140 }}
            />
            <Select<AccountStatus[]>
              mode="multiple"
              allowClear
              aria-label={t('filter.status')}
              placeholder={t('filter.status')}
              value={statuses}
              onChange={setStatuses}
              options={ACCOUNT_STATUSES.map((value) => ({ value, label: tCommon(`enum.accountStatus.${value}`) }))}
              style={{ minWidth: 160 }}
            />
            <Select<string[]>
              mode="multiple"
              allowClear
              aria-label={t('filter.city')}
              placeholder={t('filter.city')}
              value={cities}
              onChange={setCities}
              options={(cityOptions.data ?? []).map((value) => ({ value, label: value }))}
              style={{ minWidth: 160 }}
            />
            <Space>
              <Switch id="accounts-archived" checked={includeArchived} onChange={setIncludeArchived} />
              <label htmlFor="accounts-archived">{t('showArchived')}</label>
            </Space>
            <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }} aria-live="polite">
              {t('count', { shown: rows.length, total })}
            </Typography.Text>
          </Flex>
          <Table<AccountListRow>
            virtual
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.loading && !list.data}
            pagination={false}
            scroll={{ x: tableWidth, y: Math.max(240, windowHeight - CHROME_HEIGHT) }}
            onChange={onTableChange}
            locale={{ emptyText: t('noMatch') }}
          />
          {rows.length < total && (
            <Button style={{ marginTop: 8 }} onClick={() => setLimit((n) => Math.min(1000, n + PAGE))} disabled={limit >= 1000}>
              {limit >= 1000 ? t('refineToSeeMore') : t('showMore')}
            </Button>
          )}
        </>
      )}
      {creating && (
        <AccountForm
          open
          onClose={(saved) => {
            setCreating(false);
            if (saved) navigate({ name: 'account', id: saved.id });
          }}
        />
      )}
    </section>
  );
}
