/**
 * What an empty app shows: the ways to begin (an own account, the rep's existing list, or the demo data
 * to look around) — unless a new laptop's first sync is bringing the team's accounts right now: then it
 * says they are on their way (screens reload as soon as the rows Today needs are in).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Empty, Space, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '../../api/useQuery.js';

export function GettingStarted({ onCreate, onImport }: { onCreate: () => void; onImport: () => void }) {
  const { t } = useTranslation('accounts');
  const mutate = useMutation();
  const [loading, setLoading] = useState(false);
  const sync = useQuery((api) => api['sync.status']({}), []);
  const firstSync = sync.data !== undefined && sync.data.running && sync.data.state !== 'signed_out' && sync.data.lastSyncedAt === null;
  if (firstSync) {
    return (
      <Empty
        style={{ marginTop: 48 }}
        image={<SyncOutlined spin style={{ fontSize: 48, color: '#1677ff' }} aria-hidden />}
        description={
          <Space orientation="vertical">
            <Typography.Text strong>{t('empty.arrivingTitle')}</Typography.Text>
            <Typography.Text type="secondary">{t('empty.arrivingText')}</Typography.Text>
          </Space>
        }
      />
    );
  }
  const loadDemo = async () => {
    setLoading(true);
    try {
      await mutate((api) => api['demo.load']({}));
    } catch {
      // shown by useMutation
    } finally {
      setLoading(false);
    }
  };
  return (
    <Empty
      style={{ marginTop: 48 }}
      description={
        <Space orientation="vertical">
          <Typography.Text strong>{t('empty.title')}</Typography.Text>
          <Typography.Text type="secondary">{t('empty.text')}</Typography.Text>
        </Space>
      }
    >
      <Space>
        <Button type="primary" onClick={onCreate}>
          {t('empty.create')}
        </Button>
        <Button onClick={onImport}>{t('import')}</Button>
        <Button onClick={() => void loadDemo()} loading={loading}>
          {t('empty.loadDemo')}
        </Button>
      </Space>
    </Empty>
  );
}
