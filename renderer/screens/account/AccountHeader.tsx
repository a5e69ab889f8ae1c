import { useTranslation } from 'react-i18next';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { CalendarOutlined, CheckOutlined, EditOutlined, EnvironmentOutlined, FileAddOutlined, InboxOutlined, LockOutlined, UndoOutlined } from '@ant-design/icons';
import { formatDistanceToNow } from 'date-fns';
import type { AccountDetail } from '../../../core/api/contract.js';
import { useMutation } from '../../api/useQuery.js';
import { useDateFnsLocale } from '../../i18n/index.js';
import { useDateText } from '../../components/dates/useDateText.js';
import { TierTag } from '../../components/TierTag.js';
import { StatusTag } from '../../components/StatusTag.js';
import type { OpenDialog } from './AccountDialogs.js';
import { WriteControl } from '../../components/readOnly.js';

export function AccountHeader({ detail, open }: { detail: AccountDetail; open: OpenDialog }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const mutate = useMutation();
  const dates = useDateText();
  const locale = useDateFnsLocale();
  const { account, lastVisitAt } = detail;
  const archived = account.archivedAt !== null;

  return (
    <header style={{ display: 'flex', flexWrap: 'wrap', gap: 12, justifyContent: 'space-between', alignItems: 'flex-start' }}>
      <Space direction="vertical" size={2}>
        <Space size={8} wrap align="center">
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
            {account.name}
          </Typography.Title>
          <TierTag tier={account.tier} />
          <Typography.Text type="secondary">{tCommon(`enum.tierSource.${account.tierSource}`)}</Typography.Text>
          <StatusTag status={account.status} />
          {account.longTermContract && <Tag color="purple">{t('header.longTermContract')}</Tag>}
          {account.strategic && <Tag color="magenta">{t('header.strategic')}</Tag>}
          {archived && <Tag>{t('header.archived')}</Tag>}
          {detail.readOnly && <Tag icon={<LockOutlined aria-hidden />}>{t('readOnly.tag')}</Tag>}
        </Space>
        <Space size={12} wrap>
          {detail.ownerName && <Typography.Text type="secondary">{t('header.owner', { owner: detail.ownerName })}</Typography.Text>}
          {account.city && (
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {account.city}
            </Typography.Text>
          )}
          <Typography.Text type="secondary">
            {lastVisitAt
              ? t('header.lastVisit', { date: dates.dayOfInstant(lastVisitAt), ago: formatDistanceToNow(new Date(lastVisitAt), { addSuffix: true, locale }) })
              : t('header.neverVisited')}
          </Typography.Text>
        </Space>
      </Space>
      <WriteControl>
        <Space wrap size={6}>
          <Button icon={<EditOutlined />} onClick={() => open({ type: 'editAccount' })}>
            {t('actions.edit')}
          </Button>
          <Button icon={<CalendarOutlined />} onClick={() => open({ type: 'planVisit' })} disabled={archived || undefined}>
            {t('actions.planVisit')}
          </Button>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => open({ type: 'logVisit' })} disabled={archived || undefined}>
            {t('actions.logVisit')}
          </Button>
          <Button icon={<FileAddOutlined />} onClick={() => open({ type: 'note' })} disabled={archived || undefined}>
            {t('actions.newNote')}
          </Button>
          <Popconfirm
            title={t(archived ? 'header.restoreConfirm' : 'header.archiveConfirm', { name: account.name })}
            okText={t(archived ? 'actions.restore' : 'actions.archive')}
            cancelText={t('actions.cancel')}
            onConfirm={() => mutate((api) => (archived ? api['accounts.restore']({ id: account.id }) : api['accounts.archive']({ id: account.id })))}
          >
            <Button icon={archived ? <UndoOutlined /> : <InboxOutlined />}>{t(archived ? 'actions.restore' : 'actions.archive')}</Button>
          </Popconfirm>
        </Space>
      </WriteControl>
    </header>
  );
}
