/**
 * Always visible: whether this computer syncs and is reachable, how many changes wait to be sent, how
 * many need the user (refused changes, note conflicts), when it last synced, a progress bar while a
 * large pull runs, and the last problem in plain words. It says "synced" only when nothing waits.
 */
import { useTranslation } from 'react-i18next';
import { Flex, Progress, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloudOutlined, DisconnectOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { formatDistanceToNow } from 'date-fns';
import type { SyncStatusView } from '../../core/api/contract.js';
import { useDateFnsLocale } from '../i18n/index.js';
import { isSoloUse } from '../screens/sync/useSyncStatus.js';

function StateIcon({ status }: { status: SyncStatusView }) {
  if (status.running) return <SyncOutlined spin aria-hidden />;
  if (status.state === 'signed_out') return <CloudOutlined aria-hidden />;
  if (status.state === 'offline') return <DisconnectOutlined aria-hidden />;
  if (status.lastError || status.conflicts > 0) return <WarningOutlined aria-hidden />;
  return <CheckCircleOutlined aria-hidden />;
}

/** `status` comes from the Shell's `useSyncStatus()`, which also feeds the conflicts badge. */
export function SyncStatus({ status }: { status: SyncStatusView | undefined }) {
  const { t } = useTranslation('sync');
  const locale = useDateFnsLocale();
  if (!status) return null;
  if (isSoloUse(status)) {
    return (
      <Tooltip title={t('status.signedOutHelp')}>
        <Typography.Text role="status" aria-label={t('status.label')} tabIndex={0} type="secondary" style={{ whiteSpace: 'nowrap' }}>
          <CloudOutlined aria-hidden /> {t('status.solo')}
        </Typography.Text>
      </Tooltip>
    );
  }

  const settled = status.pending === 0 && status.conflicts === 0;
  const stateKey = status.state === 'signed_out' ? 'signedOut' : status.state === 'online' && !settled ? 'connected' : status.state;
  const stateText = status.running ? t('status.syncing') : t(`status.${stateKey}`);
  const lastSynced = status.lastSyncedAt
    ? t('status.lastSynced', { when: formatDistanceToNow(new Date(status.lastSyncedAt), { addSuffix: true, locale }) })
    : t('status.neverSynced');
  const progress = status.progress;
  const details = status.state === 'signed_out' ? t('status.signedOutHelp') : [lastSynced, status.lastError ? t(status.lastError) : null].filter(Boolean).join(' · ');

  return (
    <Tooltip title={details}>
      <Flex role="status" aria-label={t('status.label')} tabIndex={0} align="center" gap={8} style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text type={status.state === 'offline' || status.lastError || status.conflicts > 0 ? 'warning' : 'secondary'}>
          <StateIcon status={status} /> {stateText}
        </Typography.Text>
        {status.pending > 0 && <Typography.Text type="secondary">{t('status.pending', { count: status.pending })}</Typography.Text>}
        {status.conflicts > 0 && <Typography.Text type="warning">{t('status.attention', { count: status.conflicts })}</Typography.Text>}
        {progress && (
          <Flex align="center" gap={4} style={{ width: 180 }}>
            <Progress
              size="small"
              showInfo={false}
              status="active"
              percent={progress.total ? Math.round((100 * progress.done) / progress.total) : 100}
              aria-label={progress.total ? t('status.receiving', { done: progress.done, total: progress.total }) : t('status.receivingSome', { done: progress.done })}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {progress.total ? t('status.receiving', { done: progress.done, total: progress.total }) : t('status.receivingSome', { done: progress.done })}
            </Typography.Text>
          </Flex>
        )}
        {status.lastError && status.state === 'online' && (
          <Typography.Text type="warning" ellipsis style={{ maxWidth: 320 }}>
            {t(status.lastError)}
          </Typography.Text>
        )}
      </Flex>
    </Tooltip>
  );
}
