/**
 * Complaints across the rep's accounts: open ones (not yet resolved — a reply is not a resolution) by
 * default, those past their first-reply target first; filtered by open / all, past target, and tier.
 * Each row links to its account and takes the next step (reply, resolve) where it stands.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Checkbox, Flex, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { ComplaintListRow } from '../../../core/api/contract.js';
import { TIERS, type Tier } from '../../../core/model/enums.js';
import { useQuery } from '../../api/useQuery.js';
import { AccountLink } from '../../components/AccountLink.js';
import { TierTag } from '../../components/TierTag.js';
import { ComplaintStepDialog, type ComplaintStep } from '../../components/complaints/ComplaintStepDialog.js';
import { useDateText } from '../../components/dates/useDateText.js';

const STATUS_COLORS: Record<ComplaintListRow['status'], string> = { open: 'volcano', responded: 'gold', resolved: 'green' };

export function ComplaintsPage() {
  const { t } = useTranslation('complaints');
  const dates = useDateText();
  const [which, setWhich] = useState<'open' | 'all'>('open');
  const [breachedOnly, setBreachedOnly] = useState(false);
  const [tier, setTier] = useState<Tier | undefined>(undefined);
  const [step, setStep] = useState<{ step: ComplaintStep; row: ComplaintListRow } | null>(null);
  const complaints = useQuery(
    (api) => api['complaints.list']({ ...(which === 'open' ? { unresolved: true } : {}), ...(breachedOnly ? { breached: true } : {}), ...(tier ? { tier } : {}) }),
    [which, breachedOnly, tier],
  );

  return (
    <section aria-labelledby="complaints-title" style={{ maxWidth: 1100 }}>
      <Typography.Title level={1} id="complaints-title" style={{ fontSize: 20, marginTop: 0 }}>
        {t('page.title')}
      </Typography.Title>
      <Flex wrap gap={16} align="center" style={{ marginBlockEnd: 12 }}>
        <Segmented<'open' | 'all'>
          value={which}
          onChange={setWhich}
          options={[
            { value: 'open', label: t('page.open') },
            { value: 'all', label: t('page.all') },
          ]}
        />
        <Checkbox checked={breachedOnly} onChange={(event) => setBreachedOnly(event.target.checked)}>
          {t('page.breachedOnly')}
        </Checkbox>
        <Space>
          <Typography.Text id="complaints-tier">{t('page.tier')}</Typography.Text>
          <Select<Tier | 'all'>
            aria-labelledby="complaints-tier"
            value={tier ?? 'all'}
            onChange={(value) => setTier(value === 'all' ? undefined : value)}
            style={{ width: 120 }}
            options={[{ value: 'all', label: t('page.allTiers') }, ...TIERS.map((value) => ({ value, label: t('page.tierValue', { tier: value }) }))]}
          />
        </Space>
      </Flex>
      <Table<ComplaintListRow>
        size="small"
        rowKey="id"
        loading={complaints.loading && !complaints.data}
        dataSource={complaints.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t(which === 'open' ? 'page.noneOpen' : 'none') }}
        columns={[
          {
            key: 'account',
            title: t('page.account'),
            render: (_, c) => (
              <Space size={6}>
                <TierTag tier={c.tier} />
                <AccountLink id={c.accountId}>{c.accountName}</AccountLink>
              </Space>
            ),
          },
          { key: 'status', title: t('field.status'), render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag> },
          { key: 'severity', title: t('field.severity'), render: (_, c) => t(`severity.${c.severity}`) },
          {
            key: 'description',
            title: t('field.description'),
            render: (_, c) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: c.description }} style={{ margin: 0, maxWidth: 280 }}>{c.description}</Typography.Paragraph>,
          },
          { key: 'received', title: t('field.receivedAt'), render: (_, c) => dates.instant(c.receivedAt) },
          {
            key: 'response',
            title: t('field.response'),
            render: (_, c) => {
              if (c.firstRespondedAt) {
                return (
                  <Space size={4} wrap>
                    {t('respondedAt', { at: dates.instant(c.firstRespondedAt) })}
                    {c.breached && <Tag color="red">{t('page.late')}</Tag>}
                  </Space>
                );
              }
              return c.breached ? <Tag color="red">{t('overdueSince', { at: dates.instant(c.respondBy) })}</Tag> : t('dueBy', { at: dates.instant(c.respondBy) });
            },
          },
          { key: 'resolved', title: t('field.resolvedAt'), render: (_, c) => (c.resolvedAt ? dates.instant(c.resolvedAt) : '—') },
          {
            key: 'actions',
            title: t('field.actions'),
            render: (_, c) => (
              <Space size={4}>
                {c.status === 'open' && (
                  <Button size="small" onClick={() => setStep({ step: 'respond', row: c })} aria-label={`${t('respond.action')} · ${c.accountName}`}>
                    {t('respond.action')}
                  </Button>
                )}
                {c.status !== 'resolved' && (
                  <Button size="small" onClick={() => setStep({ step: 'resolve', row: c })} aria-label={`${t('resolve.action')} · ${c.accountName}`}>
                    {t('resolve.action')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {step && <ComplaintStepDialog step={step.step} complaintId={step.row.id} accountId={step.row.accountId} onClose={() => setStep(null)} />}
    </section>
  );
}
