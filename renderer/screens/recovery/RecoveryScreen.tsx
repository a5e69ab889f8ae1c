/**
 * Shown instead of the app when the database cannot be opened (written by a newer version, damaged, or
 * encrypted with a key this laptop does not keep). Says what is wrong in plain words and offers a way
 * forward; the file is never overwritten (the host moves it aside on a restore or a fresh start, and a
 * recovery key opens it as it is).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Input, Space, Table, Typography } from 'antd';
import { format } from 'date-fns';
import type { AppStatus } from '../../../core/api/contract.js';
import { useMutation } from '../../api/useQuery.js';
import { useDateFnsLocale } from '../../i18n/index.js';

type Problem = Extract<AppStatus, { state: 'problem' }>;

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function RecoveryScreen({ status }: { status: Problem }) {
  const { t } = useTranslation('common');
  const locale = useDateFnsLocale();
  const { modal } = App.useApp();
  const mutate = useMutation();
  const [busy, setBusy] = useState<string | null>(null);
  const [recoveryKey, setRecoveryKey] = useState('');

  // The host answers with the new status; useMutation then reloads `app.status`, which leaves this screen.
  const recover = async (backup: string | null, recoveryKey?: string) => {
    setBusy(recoveryKey !== undefined ? 'key' : (backup ?? ''));
    try {
      await mutate((api) => api['app.recover']({ backup, ...(recoveryKey !== undefined ? { recoveryKey } : {}) }));
    } catch {
      // useMutation has shown the message; stay here so the user can choose again.
    } finally {
      setBusy(null);
    }
  };

  const startEmpty = () =>
    modal.confirm({
      title: t('recovery.startEmptyConfirmTitle'),
      content: t('recovery.startEmptyConfirmText'),
      okText: t('recovery.startEmpty'),
      cancelText: t('actions.cancel'),
      onOk: () => recover(null),
    });

  return (
    <main style={{ maxWidth: 720, margin: '48px auto', padding: '0 16px' }}>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('recovery.title')}
      </Typography.Title>
      <Alert type="error" showIcon title={t(`recovery.problem.${status.code}`)} description={t(`recovery.explain.${status.code}`)} />
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('recovery.file')} <Typography.Text code copyable>{status.databasePath}</Typography.Text>
      </Typography.Paragraph>
      {status.code === 'database_key_unknown' && (
        <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('recovery.recoveryKey')}</Typography.Title>} size="small" style={{ marginBottom: 16 }}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              aria-label={t('recovery.recoveryKey')}
              placeholder={t('recovery.recoveryKeyPlaceholder')}
              value={recoveryKey}
              onChange={(event) => setRecoveryKey(event.target.value)}
              onPressEnter={() => void recover(null, recoveryKey)}
              autoComplete="off"
              spellCheck={false}
            />
            <Button type="primary" loading={busy === 'key'} disabled={busy !== null || recoveryKey.trim() === ''} onClick={() => void recover(null, recoveryKey)}>
              {t('recovery.openWithKey')}
            </Button>
          </Space.Compact>
        </Card>
      )}
      <Card title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('recovery.backups')}</Typography.Title>} size="small">
        {status.backups.length === 0 ? (
          <Typography.Text type="secondary">{t('recovery.noBackups')}</Typography.Text>
        ) : (
          <Table
            size="small"
            rowKey="file"
            pagination={false}
            dataSource={status.backups}
            columns={[
              { title: t('recovery.backupDate'), dataIndex: 'createdAt', render: (at: string) => format(new Date(at), `${t('common:format.compactDay')} HH:mm`, { locale }) },
              { title: t('recovery.backupFile'), dataIndex: 'file' },
              { title: t('recovery.backupSize'), dataIndex: 'bytes', render: sizeText },
              {
                title: t('recovery.backupAction'),
                key: 'restore',
                render: (_: unknown, backup: Problem['backups'][number]) => (
                  <Button type="primary" size="small" loading={busy === backup.file} disabled={busy !== null} onClick={() => void recover(backup.file)}>
                    {t('recovery.restore')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Space orientation="vertical" style={{ marginTop: 24 }}>
        <Button danger loading={busy === ''} disabled={busy !== null} onClick={startEmpty}>
          {t('recovery.startEmpty')}
        </Button>
        <Typography.Text type="secondary">{t('recovery.keptAside')}</Typography.Text>
      </Space>
    </main>
  );
}
