/**
 * An account's complaints: status, severity, channel, when received, when the first response is (or
 * was) due, and when resolved; with "Log complaint" and the respond / resolve steps.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { DEFAULT_REMINDER_SETTINGS, type Complaint } from '../../../core/model/reminders.js';
import type { Contact } from '../../../core/model/schemas.js';
import { useQuery } from '../../api/useQuery.js';
import { useDateText } from '../dates/useDateText.js';
import { ComplaintForm } from './ComplaintForm.js';
import { ComplaintStepDialog, type ComplaintStep } from './ComplaintStepDialog.js';
import { responseDue } from './complaintTiming.js';

const STATUS_COLORS: Record<Complaint['status'], string> = { open: 'volcano', responded: 'gold', resolved: 'green' };

export function ComplaintsTab({ accountId, contacts }: { accountId: string; contacts: readonly Contact[] }) {
  const { t } = useTranslation('complaints');
  const dates = useDateText();
  const complaints = useQuery((api) => api['complaints.list']({ accountId }), [accountId]);
  const settings = useQuery((api) => api['settings.get']({}), []);
  const [logging, setLogging] = useState(false);
  const [step, setStep] = useState<{ step: ComplaintStep; id: string } | null>(null);
  const targetHours = settings.data?.reminders.complaintTargetHours ?? DEFAULT_REMINDER_SETTINGS.complaintTargetHours;
  const now = new Date();

  return (
    <Flex vertical gap={12}>
      <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setLogging(true)} style={{ alignSelf: 'flex-start' }}>
        {t('log')}
      </Button>
      <Table<Complaint>
        size="small"
        rowKey="id"
        loading={complaints.loading && !complaints.data}
        dataSource={complaints.data ?? []}
        pagination={false}
        locale={{ emptyText: t('none') }}
        columns={[
          { key: 'status', title: t('field.status'), render: (_, c) => <Tag color={STATUS_COLORS[c.status]}>{t(`status.${c.status}`)}</Tag> },
          { key: 'severity', title: t('field.severity'), render: (_, c) => t(`severity.${c.severity}`) },
          { key: 'channel', title: t('field.channel'), render: (_, c) => t(`channel.${c.channel}`) },
          {
            key: 'description',
            title: t('field.description'),
            render: (_, c) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: c.description }} style={{ margin: 0 }}>{c.description}</Typography.Paragraph>,
          },
          { key: 'received', title: t('field.receivedAt'), render: (_, c) => dates.instant(c.receivedAt) },
          {
            key: 'response',
            title: t('field.response'),
            render: (_, c) => {
              if (c.firstRespondedAt) return t('respondedAt', { at: dates.instant(c.firstRespondedAt) });
              const due = responseDue(c, targetHours, now);
              return due.overdue ? <Tag color="red">{t('overdueSince', { at: dates.instant(due.respondBy.toISOString()) })}</Tag> : t('dueBy', { at: dates.instant(due.respondBy.toISOString()) });
            },
          },
          { key: 'resolved', title: t('field.resolvedAt'), render: (_, c) => (c.resolvedAt ? dates.instant(c.resolvedAt) : '—') },
          {
            key: 'actions',
            title: t('field.actions'),
            render: (_, c) => (
              <Space size={4}>
                {c.status === 'open' && <Button size="small" onClick={() => setStep({ step: 'respond', id: c.id })}>{t('respond.action')}</Button>}
                {c.status !== 'resolved' && <Button size="small" onClick={() => setStep({ step: 'resolve', id: c.id })}>{t('resolve.action')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      {logging && <ComplaintForm accountId={accountId} contacts={contacts} defaultTargetHours={targetHours} onClose={() => setLogging(false)} />}
      {step && <ComplaintStepDialog step={step.step} complaintId={step.id} accountId={accountId} onClose={() => setStep(null)} />}
    </Flex>
  );
}
