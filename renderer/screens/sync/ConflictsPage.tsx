/**
 * The conflicts inbox: notes edited on two devices before they synced (both texts kept; the user picks
 * one, keeps both, or merges), and changes the server refused, each named by its row (send again, keep
 * the server's, or for a note copy the text into a new note).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Badge, Button, Card, Col, Descriptions, Empty, Flex, Input, Modal, Popconfirm, Row, Space, Typography } from 'antd';
import { format, formatDistanceToNow, parseISO } from 'date-fns';
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
  return (
    <section aria-labelledby="rejected-changes" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="rejected-changes" style={{ fontSize: 16 }}>
        {t('conflicts.rejectedTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('conflicts.rejectedHelp')}</Typography.Paragraph>
      <Flex vertical gap={12}>
        {rejected.map((change) => (
          <RejectedCard key={change.id} change={change} />
        ))}
      </Flex>
    </section>
  );
}

/** A day (`YYYY-MM-DD`) or an instant, in the user's language. */
function useWhenText(): (value: string) => string {
  const locale = useDateFnsLocale();
  return (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? format(parseISO(value), 'PPP', { locale }) : format(new Date(value), 'PPP p', { locale }));
}

function useValueText(): (value: unknown) => string {
  const { t } = useTranslation('sync');
  const whenText = useWhenText();
  return (value) => {
    if (value === null || value === undefined || value === '') return t('conflicts.noValue');
    if (typeof value === 'boolean') return t(value ? 'conflicts.yes' : 'conflicts.no');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/.test(value)) return whenText(value);
    return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  };
}

/**
 * One refused change: which row (account, person, when), what was tried beside what is here now, why,
 * and the choices. Keeping the server's version asks first, since it discards what the user typed.
 */
function RejectedCard({ change }: { change: RejectedChangeView }) {
  const { t, i18n } = useTranslation('sync');
  const locale = useDateFnsLocale();
  const { message } = App.useApp();
  const mutate = useMutation();
  const whenText = useWhenText();
  const valueText = useValueText();
  const { about } = change;
  const typedText = Object.values(change.fields).some((value) => typeof value === 'string' && value.trim() !== '');
  const fields = Object.keys(change.fields).filter((field) => field !== 'revision' && field !== 'conflictOf');
  const account = about.accountName ?? t('conflicts.unknownAccount');
  // The server's more precise `sync.rejected.*` message when this app has words for it, else the reason's.
  const precise = change.message?.startsWith('sync.rejected.') ? change.message.slice('sync.rejected.'.length) : null;
  const why = precise !== null && i18n.exists(`sync:rejected.${precise}`) ? precise : change.reason;

  const sendAgain = () => mutate((api) => api['sync.retryRejected']({ id: change.id })).then(() => void message.success(t('conflicts.queued')), () => undefined);
  const copyToNote = () =>
    mutate((api) => api['sync.copyRejectedNote']({ id: change.id })).then(() => void message.success(t('conflicts.copied', { account })), () => undefined);
  const keepServers = () => mutate((api) => api['sync.dismissRejected']({ id: change.id })).catch(() => undefined);

  return (
    <Card
      size="small"
      title={
        <Space wrap size={4}>
          {about.accountId ? <AccountLink id={about.accountId}>{account}</AccountLink> : <Typography.Text>{account}</Typography.Text>}
          {about.personName && <Typography.Text>· {about.personName}</Typography.Text>}
          {about.when && <Typography.Text type="secondary">· {whenText(about.when)}</Typography.Text>}
          <Typography.Text type="secondary">· {t('conflicts.what', { op: t(`op.${change.op}`), table: t(`table.${change.table}`, { defaultValue: change.table }) })}</Typography.Text>
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t(`rejected.${why}`)}</Typography.Text> {t(`rejectedHelp.${why}`)}{' '}
        <Typography.Text type="secondary">
          {t('conflicts.changedAt', { when: formatDistanceToNow(new Date(change.changedAt), { addSuffix: true, locale }) })}
        </Typography.Text>
      </Typography.Paragraph>
      {change.op === 'delete' ? (
        <Typography.Paragraph>{t('conflicts.youDeleted')}</Typography.Paragraph>
      ) : (
        <Descriptions size="small" column={1} bordered title={<Typography.Text style={{ fontSize: 13 }}>{t('conflicts.tried')}</Typography.Text>}>
          {fields.map((field) => (
            <Descriptions.Item key={field} label={t(`field.${field}`, { defaultValue: field })}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{valueText(change.fields[field])}</Typography.Text>
              {about.current && about.current[field] !== change.fields[field] && (
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                  {t('conflicts.serverColumn')}: {valueText(about.current[field])}
                </Typography.Paragraph>
              )}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
      {!about.current && <Typography.Paragraph type="secondary">{t('conflicts.gone')}</Typography.Paragraph>}
      <Space wrap style={{ marginTop: 12 }}>
        {about.canRetry && (
          <Button type="primary" onClick={() => void sendAgain()}>
            {t('conflicts.sendAgain')}
          </Button>
        )}
        {about.canCopyText && <Button onClick={() => void copyToNote()}>{t('conflicts.copyToNote')}</Button>}
        <Popconfirm
          title={t('conflicts.keepServers')}
          description={<div style={{ maxWidth: 360 }}>{t(typedText ? 'conflicts.keepServersConfirmText' : 'conflicts.keepServersConfirm')}</div>}
          okText={t('conflicts.discard')}
          okButtonProps={{ danger: true }}
          cancelText={t('conflicts.cancel')}
          onConfirm={() => keepServers()}
        >
          <Button>{t('conflicts.keepServers')}</Button>
        </Popconfirm>
      </Space>
    </Card>
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
