import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Descriptions, Modal, Skeleton, Timeline, Typography } from 'antd';
import { VISIT_RECORD_FIELDS, type VisitRecord } from '../../../core/model/schemas.js';
import { useQuery } from '../../api/useQuery.js';
import { useDateText } from '../../components/dates/useDateText.js';
import { useVisitWhen, VisitSubject, type VisitDialogProps } from '../../components/log/VisitSubject.js';

const FIELD_LABELS: Record<(typeof VISIT_RECORD_FIELDS)[number], string> = {
  doneAt: 'visits.doneAt',
  kind: 'visits.kind',
  metContactIds: 'visits.met',
  outcome: 'visits.outcome',
  nextStep: 'visits.nextStep',
  nextVisitDate: 'visits.nextVisitDate',
};

/** Every record a done visit has had since it was first corrected, newest first (`visits.revisions`). */
export function VisitHistoryDialog({ open, accountName, contacts, visit, onClose }: VisitDialogProps) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const dates = useDateText();
  const when = useVisitWhen();
  const revisions = useQuery((api) => api['visits.revisions']({ id: visit.id }), [visit.id]);
  const list = revisions.data ?? [];
  const names = (ids: readonly string[]) =>
    ids.length === 0 ? t('visits.nobody') : ids.map((id) => contacts.find((c) => c.id === id)?.name ?? '?').join(t('visits.nameSeparator'));
  const valueOf = (record: VisitRecord, field: (typeof VISIT_RECORD_FIELDS)[number]): ReactNode => {
    switch (field) {
      case 'doneAt':
        return record.doneAt ? when(record.doneAt) : '—';
      case 'kind':
        return tCommon(`enum.visitKind.${record.kind}`);
      case 'metContactIds':
        return names(record.metContactIds);
      case 'outcome':
        return <span style={{ whiteSpace: 'pre-wrap' }}>{record.outcome ?? '—'}</span>;
      case 'nextStep':
        return record.nextStep ?? '—';
      case 'nextVisitDate':
        return record.nextVisitDate ? dates.day(record.nextVisitDate) : '—';
    }
  };

  return (
    <Modal open={open} title={t('visits.historyTitle', { account: accountName })} onCancel={onClose} footer={null} width={640} destroyOnHidden>
      <VisitSubject accountName={accountName} visit={visit} contacts={contacts} />
      {revisions.loading && !revisions.data ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Typography.Text type="secondary">{t('visits.historyEmpty')}</Typography.Text>
      ) : (
        <Timeline
          items={list.map((r, index) => {
            const earlier = list[index + 1];
            // The first record in full; each later one by what it changed.
            const shown = VISIT_RECORD_FIELDS.filter((field) => !earlier || JSON.stringify(earlier.record[field]) !== JSON.stringify(r.record[field]));
            return {
              key: r.revision,
              color: index === 0 ? 'blue' : 'gray',
              content: (
                <>
                  <Typography.Text type="secondary">
                    {t('visits.revisionLabel', { revision: r.revision, date: dates.instant(r.createdAt) })} · {t(earlier ? 'visits.changed' : 'visits.firstVersion')}
                  </Typography.Text>
                  <Descriptions size="small" column={1} items={shown.map((field) => ({ key: field, label: t(FIELD_LABELS[field]), children: valueOf(r.record, field) }))} />
                </>
              ),
            };
          })}
        />
      )}
    </Modal>
  );
}
