/**
 * The conflicts inbox: notes edited on two devices before they synced (both texts kept; the user picks
 * one, keeps both, or merges), and changes the server refused (read, then dismissed).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Card, Col, Empty, Flex, Input, List, Modal, Row, Space, Typography } from 'antd';
import { formatDistanceToNow } from 'date-fns';
import type { NoteConflictView, RejectedChangeView } from '../../../core/api/contract.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { AccountLink } from '../../components/AccountLink.js';
import { useDateFnsLocale } from '../../i18n/index.js';

export function ConflictsPage() {
  const { t } = useTranslation('sync');
  const conflicts = useQuery((api) => api['sync.conflicts']({}), []);
  const data = conflicts.data;
  return (
    <section aria-labelledby="conflicts-title" style={{ maxWidth: 960 }}>
      <Typography.Title level={1} id="conflicts-title" style={{ fontSize: 20, marginTop: 0 }}>
        {t('conflicts.title')}
      </Typography.Title>
      {data && data.notes.length === 0 && data.rejected.length === 0 && <Empty description={t('conflicts.empty')} />}
      {data && data.notes.length > 0 && (
        <section aria-labelledby="note-conflicts">
          <Typography.Title level={2} id="note-conflicts" style={{ fontSize: 16 }}>
            {t('conflicts.notesTitle')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('conflicts.notesHelp')}</Typography.Paragraph>
          <Flex vertical gap={12}>
            {data.notes.map((conflict) => (
              <NoteConflictCard key={conflict.copy.id} conflict={conflict} />
            ))}
          </Flex>
        </section>
      )}
      {data && data.rejected.length > 0 && <RejectedList rejected={data.rejected} />}
    </section>
  );
}

function NoteConflictCard({ conflict }: { conflict: NoteConflictView }) {
  const { t } = useTranslation('sync');
  const mutate = useMutation();
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState('');
  const resolve = (keep: 'mine' | 'theirs' | 'both', mergedBody?: string) =>
    mutate((api) => api['sync.resolveConflict']({ noteId: conflict.copy.id, keep, ...(mergedBody ? { mergedBody } : {}) }));
  const openMerge = () => {
    setMerged([conflict.current?.body, conflict.copy.body].filter(Boolean).join('\n\n'));
    setMerging(true);
  };

  return (
    <Card size="small" title={<AccountLink id={conflict.accountId}>{conflict.accountName}</AccountLink>}>
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>{t('conflicts.current')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} type={conflict.current ? undefined : 'secondary'}>
            {conflict.current ? conflict.current.body : t('conflicts.deletedNote')}
          </Typography.Paragraph>
        </Col>
        <Col span={12}>
          <Typography.Text strong>{t('conflicts.other')}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{conflict.copy.body}</Typography.Paragraph>
        </Col>
      </Row>
      <Space wrap>
        <Button onClick={() => void resolve('mine').catch(() => undefined)}>{t('conflicts.keepCurrent')}</Button>
        <Button onClick={() => void resolve('theirs').catch(() => undefined)}>{t('conflicts.useOther')}</Button>
        <Button onClick={() => void resolve('both').catch(() => undefined)}>{t('conflicts.keepBoth')}</Button>
        <Button type="primary" onClick={openMerge}>
          {t('conflicts.merge')}
        </Button>
      </Space>
      <Modal
        open={merging}
        title={t('conflicts.mergeTitle')}
        okText={t('conflicts.saveMerged')}
        cancelText={t('conflicts.cancel')}
        okButtonProps={{ disabled: merged.trim() === '' }}
        onCancel={() => setMerging(false)}
        onOk={() => void resolve('mine', merged.trim()).then(() => setMerging(false), () => undefined)}
      >
        <Input.TextArea aria-label={t('conflicts.mergeTitle')} value={merged} onChange={(event) => setMerged(event.target.value)} autoSize={{ minRows: 6, maxRows: 16 }} />
      </Modal>
    </Card>
  );
}

function RejectedList({ rejected }: { rejected: RejectedChangeView[] }) {
  const { t } = useTranslation('sync');
  const locale = useDateFnsLocale();
  const mutate = useMutation();
  return (
    <section aria-labelledby="rejected-changes" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="rejected-changes" style={{ fontSize: 16 }}>
        {t('conflicts.rejectedTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('conflicts.rejectedHelp')}</Typography.Paragraph>
      <List
        bordered
        dataSource={rejected}
        rowKey="id"
        renderItem={(change) => (
          <List.Item
            actions={[
              <Button key="dismiss" size="small" onClick={() => void mutate((api) => api['sync.dismissRejected']({ id: change.id })).catch(() => undefined)}>
                {t('conflicts.dismiss')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={t('conflicts.what', { op: t(`op.${change.op}`), table: t(`table.${change.table}`, { defaultValue: change.table }) })}
              description={
                <>
                  {t(`rejected.${change.reason}`)}{' '}
                  <Typography.Text type="secondary">
                    {t('conflicts.changedAt', { when: formatDistanceToNow(new Date(change.changedAt), { addSuffix: true, locale }) })}
                  </Typography.Text>
                  {typeof change.fields.body === 'string' && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{change.fields.body}</Typography.Paragraph>}
                </>
              }
            />
          </List.Item>
        )}
      />
    </section>
  );
}

/** The navigation entry: the inbox's name with the count of open items. */
export function ConflictsNavLabel({ count }: { count: number }) {
  const { t } = useTranslation('sync');
  return (
    <Flex align="center" justify="space-between" gap={8}>
      <span>{t('conflicts.nav')}</span>
      <Badge count={count} size="small" />
    </Flex>
  );
}
