import { useTranslation } from 'react-i18next';
import { Tooltip, Typography } from 'antd';
import { CloudOutlined } from '@ant-design/icons';

/** Always visible so the rep knows where their data is. Sync arrives later; until then the data is local only. */
export function SyncStatus() {
  const { t } = useTranslation('common');
  return (
    <Tooltip title={t('sync.tooltip')}>
      <Typography.Text type="secondary" tabIndex={0} role="status" style={{ whiteSpace: 'nowrap' }}>
        <CloudOutlined aria-hidden /> {t('sync.localOnly')}
      </Typography.Text>
    </Tooltip>
  );
}
