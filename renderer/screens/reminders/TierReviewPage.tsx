/**
 * Tier review: the 80/20 rule's suggested tier changes over trailing-12-month revenue. Accept one,
 * accept all, or ignore. A tier the rep set by hand is never changed by "accept all": only its own
 * row's Accept changes it.
 */
import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import type { ApiOutputs } from '../../../core/api/contract.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { AccountLink } from '../../components/AccountLink.js';
import { TierTag } from '../../components/TierTag.js';
import { useLanguage } from '../../i18n/index.js';
import { useErrorText } from '../../i18n/errors.js';

type Suggestion = ApiOutputs['tiers.suggestions'][number];

export function TierReviewPage() {
  const { t } = useTranslation('reminders');
  const { t: tCommon } = useTranslation('common');
  const language = useLanguage();
  const errorText = useErrorText();
  const suggestions = useQuery((api) => api['tiers.suggestions']({}), []);
  const mutate = useMutation();
  const pending = (suggestions.data ?? []).filter((s) => !s.ignored);
  const automatic = pending.filter((s) => s.currentSource !== 'manual');
  const money = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });

  const accept = (accountIds: string[]) => mutate((api) => api['tiers.accept']({ accountIds })).catch(() => undefined);
  const ignore = (accountIds: string[]) => mutate((api) => api['tiers.ignore']({ accountIds })).catch(() => undefined);

  return (
    <section aria-labelledby="tiers-title" style={{ maxWidth: 960 }}>
      <Typography.Title level={1} id="tiers-title" style={{ fontSize: 20, marginTop: 0 }}>
        {t('tiers.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('tiers.help')}</Typography.Paragraph>
      {suggestions.error ? <Alert type="error" showIcon title={errorText(suggestions.error)} /> : null}
      <Flex vertical gap={12}>
        <Space wrap>
          <Button type="primary" disabled={automatic.length === 0} onClick={() => void accept(automatic.map((s) => s.accountId))}>
            {t('tiers.acceptAll', { count: automatic.length })}
          </Button>
          {pending.length > automatic.length && <Typography.Text type="secondary">{t('tiers.manualNote', { count: pending.length - automatic.length })}</Typography.Text>}
        </Space>
        <Table<Suggestion>
          size="small"
          rowKey="accountId"
          loading={suggestions.loading && !suggestions.data}
          dataSource={pending}
          pagination={pending.length > 50 ? { pageSize: 50 } : false}
          locale={{ emptyText: t('tiers.none') }}
          columns={[
            { key: 'account', title: t('tiers.account'), render: (_, s) => <AccountLink id={s.accountId}>{s.accountName}</AccountLink> },
            { key: 'revenue', title: t('tiers.revenue'), align: 'right', render: (_, s) => money.format(s.revenue) },
            { key: 'share', title: t('tiers.share'), align: 'right', render: (_, s) => percent.format(s.cumulativeShare) },
            {
              key: 'change',
              title: t('tiers.change'),
              render: (_, s) => (
                <Space size={4} aria-label={t('tiers.changeText', { from: s.currentTier, to: s.suggestedTier })}>
                  <TierTag tier={s.currentTier} />
                  <ArrowRightOutlined aria-hidden />
                  <TierTag tier={s.suggestedTier} />
                </Space>
              ),
            },
            { key: 'source', title: t('tiers.source'), render: (_, s) => (s.currentSource === 'manual' ? <Tag>{tCommon('enum.tierSource.manual')}</Tag> : null) },
            {
              key: 'actions',
              title: t('tiers.actions'),
              render: (_, s) => (
                <Space size={4}>
                  <Button size="small" aria-label={t('tiers.acceptOne', { name: s.accountName })} onClick={() => void accept([s.accountId])}>
                    {t('tiers.accept')}
                  </Button>
                  <Button size="small" aria-label={t('tiers.ignoreOne', { name: s.accountName })} onClick={() => void ignore([s.accountId])}>
                    {t('tiers.ignore')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Flex>
    </section>
  );
}
