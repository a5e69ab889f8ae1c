/**
 * A due reminder in browser mode without desktop notifications: the newest one in the header's own row
 * (with how many more wait), so it never floats over a screen's buttons. Click opens it; × puts it away.
 */
import { useTranslation } from 'react-i18next';
import { Button, Flex, Typography } from 'antd';
import { BellOutlined, CloseOutlined } from '@ant-design/icons';
import type { InAppReminders } from './notifications.js';

export function ReminderInHeader({ reminders }: { reminders: InAppReminders }) {
  const { t } = useTranslation('reminders');
  const [newest] = reminders.waiting;
  if (!newest) return null;
  const more = reminders.waiting.length - 1;
  return (
    <Flex role="status" align="center" gap={4} style={{ minWidth: 0, flex: '0 1 420px', lineHeight: 1.3 }}>
      <Button type="text" onClick={() => reminders.open(newest)} style={{ minWidth: 0, flex: '0 1 auto', justifyContent: 'flex-start', background: '#e6f4ff' }} icon={<BellOutlined aria-hidden />}>
        <Typography.Text ellipsis style={{ minWidth: 0 }} title={`${newest.title} · ${newest.body}`}>
          <strong>{newest.title}</strong> · <span>{newest.body}</span>
        </Typography.Text>
      </Button>
      {more > 0 && <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{t('notify.more', { count: more })}</Typography.Text>}
      <Button type="text" size="small" icon={<CloseOutlined aria-hidden />} aria-label={t('notify.dismiss')} title={t('notify.dismiss')} onClick={() => reminders.dismiss(newest.key)} />
    </Flex>
  );
}
