import { useTranslation } from 'react-i18next';
import { Button, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CalendarOutlined, CheckOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { Contact, Visit } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { useDateText } from '../../components/dates/useDateText.js';
import type { OpenDialog } from './AccountDialogs.js';
import { WriteControl } from '../../components/readOnly.js';
import { VisitStatusTag } from './VisitStatusTag.js';
import { visitTime } from './visitTime.js';

export function VisitsTab({ visits, contacts, open }: { visits: readonly Visit[]; contacts: readonly Contact[]; open: OpenDialog }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const mutate = useMutation();
  const dates = useDateText();
  const contactNames = (ids: readonly string[]) => ids.map((id) => contacts.find((c) => c.id === id)?.name).filter(Boolean);

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <WriteControl>
        <Space>
          <Button type="primary" icon={<CalendarOutlined />} onClick={() => open({ type: 'planVisit' })}>
            {t('actions.planVisit')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => open({ type: 'logVisit' })}>
            {t('actions.logVisit')}
          </Button>
        </Space>
      </WriteControl>
      <Table<Visit>
        size="small"
        rowKey="id"
        pagination={visits.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        dataSource={[...visits]}
        locale={{ emptyText: t('visits.empty') }}
        columns={[
          { key: 'when', title: t('visits.when'), width: 190, render: (_, v) => dates.instant(visitTime(v)) },
          { key: 'kind', title: t('visits.kind'), width: 140, render: (_, v) => tCommon(`enum.visitKind.${v.kind}`) },
          { key: 'status', title: t('visits.status'), width: 90, render: (_, v) => <VisitStatusTag status={v.status} /> },
          {
            key: 'details',
            title: t('visits.details'),
            render: (_, v) => (
              <Space direction="vertical" size={0}>
                {v.purpose && <Typography.Text>{v.purpose}</Typography.Text>}
                {v.outcome && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{v.outcome}</Typography.Text>}
                {v.nextStep && <Typography.Text type="secondary">{t('visits.nextStepValue', { step: v.nextStep })}</Typography.Text>}
                {v.nextVisitDate && <Typography.Text type="secondary">{t('visits.nextVisitValue', { date: dates.day(v.nextVisitDate) })}</Typography.Text>}
                {v.metContactIds.length > 0 && (
                  <span>
                    {contactNames(v.metContactIds).map((name) => (
                      <Tag key={name}>{name}</Tag>
                    ))}
                  </span>
                )}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('visits.actions'),
            width: 220,
            render: (_, v) =>
              v.status === 'planned' ? (
                <WriteControl>
                  <Space size={4}>
                    <Button size="small" icon={<CheckOutlined />} onClick={() => open({ type: 'logVisit', visit: v })}>
                      {t('visits.logDone')}
                    </Button>
                    <Button size="small" onClick={() => open({ type: 'rescheduleVisit', visit: v })}>
                      {t('visits.reschedule')}
                    </Button>
                    <Popconfirm
                      title={t('visits.cancelConfirm')}
                      okText={t('visits.cancelVisit')}
                      cancelText={t('actions.keep')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => mutate((api) => api['visits.cancel']({ id: v.id }))}
                    >
                      <Button size="small" danger>
                        {t('visits.cancelVisit')}
                      </Button>
                    </Popconfirm>
                  </Space>
                </WriteControl>
              ) : v.status === 'done' ? (
                <Space size={0} wrap>
                  <WriteControl>
                    <Button size="small" type="link" icon={<EditOutlined />} onClick={() => open({ type: 'correctVisit', visit: v })}>
                      {t('visits.correct')}
                    </Button>
                  </WriteControl>
                  <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => open({ type: 'visitHistory', visit: v })}>
                    {t('visits.history')}
                  </Button>
                  <WriteControl>
                    <Button size="small" type="link" onClick={() => open({ type: 'note', links: { visitId: v.id } })}>
                      {t('visits.addNote')}
                    </Button>
                  </WriteControl>
                </Space>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
