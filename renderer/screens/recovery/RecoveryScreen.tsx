/**
 * Shown instead of the app when the database cannot be opened (written by a newer version, or damaged).
 * Says what is wrong in plain words and offers a way forward; the damaged file is never overwritten
 * (the host moves it aside on either choice).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Space, Table, Typography } from 'antd';
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

  // The host answers with the new status; useMutation then reloads `app.status`, which leaves this screen.
  const recover = async (backup: string | null) => {
    setBusy(backup ?? '');
    try {
      await mutate((api) => api['app.recover']({ backup }));
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
              { title: t('recovery.backupDate'), dataIndex: 'createdAt', render: (at: string) => format(new Date(at), 'PPPp', { locale }) },
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
