/**
 * Always visible: whether this computer syncs and is reachable, what the sync is doing (sending this
 * laptop's changes, receiving the team's), how many changes wait to be sent, how many need the user
 * (refused changes, note conflicts), when it last synced, a progress bar while a large pull runs, and
 * the last problem in plain words. It says "synced" only when nothing waits and the last sync worked;
 * the tooltip says whether the team's changes arrive live or are checked for every 30 s.
 */
import { useTranslation } from 'react-i18next';
import { Flex, Progress, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloudOutlined, CloudUploadOutlined, DisconnectOutlined, SyncOutlined, WarningOutlined } from '@ant-design/icons';
import { formatDistanceToNow } from 'date-fns';
import type { SyncStatusView } from '../../core/api/contract.js';
import { useDateFnsLocale } from '../i18n/index.js';
import { isSoloUse } from '../screens/sync/useSyncStatus.js';

type Shown = 'signedOut' | 'offline' | 'sending' | 'receiving' | 'syncing' | 'toSend' | 'failed' | 'attention' | 'never' | 'synced';

/** The one thing the status says first, most pressing first. */
function shownState(status: SyncStatusView): Shown {
  if (status.state === 'signed_out') return 'signedOut';
  if (status.running) return status.activity === 'sending' ? 'sending' : status.activity === 'receiving' ? 'receiving' : 'syncing';
  if (status.state === 'offline') return 'offline';
  if (status.pending > 0) return 'toSend';
  if (status.lastError) return 'failed';
  if (status.conflicts > 0) return 'attention';
  return status.lastSyncedAt === null ? 'never' : 'synced';
}

function StateIcon({ shown }: { shown: Shown }) {
  if (shown === 'sending' || shown === 'receiving' || shown === 'syncing') return <SyncOutlined spin aria-hidden />;
  if (shown === 'signedOut') return <CloudOutlined aria-hidden />;
  if (shown === 'offline') return <DisconnectOutlined aria-hidden />;
  if (shown === 'toSend') return <CloudUploadOutlined aria-hidden />;
  if (shown === 'failed' || shown === 'attention') return <WarningOutlined aria-hidden />;
  return <CheckCircleOutlined aria-hidden />;
}

/** `status` comes from the Shell's `useSyncStatus()`, which also feeds the conflicts badge. */
export function SyncStatus({ status }: { status: SyncStatusView | undefined }) {
  const { t, i18n } = useTranslation('sync');
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

  const shown = shownState(status);
  const stateText = {
    signedOut: () => t('status.signedOut'),
    offline: () => t('status.offline'),
    sending: () => (status.pending > 0 ? t('status.sendingCount', { count: status.pending }) : t('status.sending')),
    // A first sync says its phase: Today's rows first, then the rest while the rep already works.
    receiving: () => t(status.progress?.phase === 'today' ? 'status.receivingToday' : status.progress?.phase === 'all' ? 'status.receivingRest' : 'status.receivingChanges'),
    syncing: () => t('status.syncing'),
    toSend: () => t('status.pending', { count: status.pending }),
    failed: () => t('status.failed'),
    attention: () => t('status.connected'),
    never: () => t('status.neverSynced'),
    synced: () => t('status.online'),
  }[shown]();
  // The count of changes to send, unless the first words already say it.
  const showPending = status.pending > 0 && shown !== 'toSend' && shown !== 'sending';
  const progress = status.progress;
  const lastSynced = status.lastSyncedAt
    ? t('status.lastSynced', { when: formatDistanceToNow(new Date(status.lastSyncedAt), { addSuffix: true, locale }) })
    : t('status.neverSynced');
  const updates = status.state !== 'signed_out' && status.updates ? t(`status.updates.${status.updates}`) : null;
  const details =
    status.state === 'signed_out' ? (
      t('status.signedOutHelp')
    ) : (
      <>
        {[progress?.phase ? t('status.firstSyncHelp') : null, lastSynced, status.lastError ? t(status.lastError) : null, updates].filter((line) => line !== null).map((line) => (
          <div key={line}>{line}</div>
        ))}
      </>
    );
  // A bar only for a pull worth watching (a first sync), not the few rows of a live update.
  const bigPull = progress !== null && (progress.phase !== undefined || (progress.total ?? progress.done) >= 100);
  const count = new Intl.NumberFormat(i18n.language);
  const received = progress?.total
    ? t('status.receiving', { done: count.format(progress.done), total: count.format(progress.total) })
    : t('status.receivingSome', { done: count.format(progress?.done ?? 0) });
  const warn = shown === 'offline' || shown === 'failed' || shown === 'attention' || status.conflicts > 0;

  return (
    <Tooltip title={details}>
      <Flex role="status" aria-label={t('status.label')} tabIndex={0} align="center" gap={8} style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text type={warn ? 'warning' : 'secondary'} data-updates={status.updates}>
          <StateIcon shown={shown} /> {stateText}
        </Typography.Text>
        {showPending && <Typography.Text type="secondary">{t('status.pending', { count: status.pending })}</Typography.Text>}
        {status.conflicts > 0 && <Typography.Text type="warning">{t('status.attention', { count: status.conflicts })}</Typography.Text>}
        {progress && bigPull && (
          <Flex align="center" gap={6}>
            <Progress
              size="small"
              showInfo={false}
              style={{ width: 120, margin: 0 }}
              status="active"
              percent={progress.total ? Math.round((100 * progress.done) / progress.total) : 100}
              aria-label={received}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {received}
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
