/**
 * Shown in Settings → Sync server (above the sign-in form, and while signed in) when demo data is on
 * this laptop: it stays here and never uploads; removing it keeps what the rep wrote or changed, and
 * names the demo accounts that stay as the rep's own because of that.
 */
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Popconfirm, Typography } from 'antd';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../i18n/index.js';

export function DemoDataNotice() {
  const { t } = useTranslation('sync');
  const language = useLanguage();
  const { message } = App.useApp();
  const mutate = useMutation();
  const demo = useQuery((api) => api['demo.status']({}), []);
  if (!demo.data?.present) return null;

  const kept = demo.data.keptAccounts;
  const remove = () => mutate((api) => api['demo.remove']({})).then(() => void message.success(t('demo.removed')), () => undefined);
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      message={t('demo.title')}
      description={
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>{t('demo.stays')}</Typography.Paragraph>
          {kept.length > 0 && (
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {t('demo.kept', { accounts: new Intl.ListFormat(language, { type: 'conjunction' }).format(kept) })}
            </Typography.Paragraph>
          )}
          <Popconfirm title={t('demo.remove')} description={<div style={{ maxWidth: 360 }}>{t('demo.confirm')}</div>} okText={t('demo.remove')} cancelText={t('demo.cancel')} onConfirm={remove}>
            <Button>{t('demo.remove')}</Button>
          </Popconfirm>
        </>
      }
    />
  );
}
