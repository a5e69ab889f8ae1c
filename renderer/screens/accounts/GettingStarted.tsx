/** What an empty app shows: the ways to begin (an own account, the rep's existing list, or the demo data to look around). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Empty, Space, Typography } from 'antd';
import { useMutation } from '../../api/useQuery.js';

export function GettingStarted({ onCreate, onImport }: { onCreate: () => void; onImport: () => void }) {
  const { t } = useTranslation('accounts');
  const mutate = useMutation();
  const [loading, setLoading] = useState(false);
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
