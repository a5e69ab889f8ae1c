/**
 * Settings → Sync server: sign in (server address, user, password), or, when signed in, who and where,
 * what waits to be sent, "Sync now" and sign out; above either, what happens to demo data. The password
 * goes to the host and is not kept; the tokens it earns stay in the host too.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Typography } from 'antd';
import type { SyncRunView, SyncStatusView } from '../../../core/api/contract.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { RelativeTime } from '../../components/RelativeTime.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { DemoDataNotice } from './DemoDataNotice.js';

interface SignInValues {
  serverUrl: string;
  username: string;
  password: string;
}

export function SyncSettingsCard() {
  const { t } = useTranslation('sync');
  const status = useQuery((api) => api['sync.status']({}), []);
  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('settings.title')}</Typography.Title>}>
      <DemoDataNotice />
      {status.data && (status.data.state === 'signed_out' ? <SignInForm lastServer={status.data.serverUrl} identityReset={status.data.identityReset} /> : <SignedIn status={status.data} />)}
    </Card>
  );
}

function SignInForm({ lastServer, identityReset }: { lastServer: string | null; identityReset: SyncStatusView['identityReset'] }) {
  const { t } = useTranslation('sync');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<SignInValues>();
  const mutate = useMutation();
  const [busy, setBusy] = useState(false);

  const signIn = async (values: SignInValues) => {
    setBusy(true);
    try {
      await mutate((api) => api['sync.signIn'](values));
    } catch (error) {
      // Cleared first: setting a field's value also clears its errors, which would hide a password error.
      form.setFieldValue('password', '');
      applyApiErrorToForm(form, error, tCommon);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<SignInValues> form={form} layout="vertical" initialValues={{ serverUrl: lastServer ?? '' }} onFinish={(values) => void signIn(values)} style={{ maxWidth: 420 }}>
      {identityReset && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t(`settings.identityReset.${identityReset}`)} />}
      <Typography.Paragraph type="secondary">{t('settings.help')}</Typography.Paragraph>
      <Form.Item name="serverUrl" label={t('settings.serverUrl')} rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}>
        <Input placeholder={t('settings.serverUrlPlaceholder')} autoComplete="url" inputMode="url" />
      </Form.Item>
      <Form.Item name="username" label={t('settings.username')} rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label={t('settings.password')} rules={[{ required: true, message: tCommon('validation.required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('settings.signIn')}
      </Button>
    </Form>
  );
}

function SignedIn({ status }: { status: SyncStatusView }) {
  const { t } = useTranslation('sync');
  const mutate = useMutation();
  const [busy, setBusy] = useState<'sync' | 'signOut' | null>(null);
  // What the last "Sync now" pressed here did; a failure shows as the status's last error.
  const [lastRun, setLastRun] = useState<SyncRunView | null>(null);
  const run = async (which: 'sync' | 'signOut') => {
    setBusy(which);
    setLastRun(null);
    try {
      if (which === 'sync') setLastRun((await mutate((api) => api['sync.now']({}))).run);
      else await mutate((api) => api['sync.signOut']({}));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('settings.server')}>{status.serverUrl}</Descriptions.Item>
        {status.user && (
          <>
            <Descriptions.Item label={t('settings.user')}>
              {status.user.displayName} ({status.user.username})
            </Descriptions.Item>
            <Descriptions.Item label={t('settings.team')}>{status.user.teamName}</Descriptions.Item>
            <Descriptions.Item label={t('settings.role')}>{t(`role.${status.user.role}`)}</Descriptions.Item>
          </>
        )}
        <Descriptions.Item label={t('settings.pending')}>{status.pending}</Descriptions.Item>
        <Descriptions.Item label={t('settings.lastSynced')}>{status.lastSyncedAt ? <RelativeTime at={status.lastSyncedAt} /> : t('status.neverSynced')}</Descriptions.Item>
      </Descriptions>
      {status.lastError && <Alert type="warning" showIcon message={t(status.lastError)} />}
      {lastRun && !status.lastError && <Alert type="success" showIcon role="status" message={t('settings.lastRun', { pushed: lastRun.pushed, pulled: lastRun.pulled, rejected: lastRun.rejected })} />}
      <Space>
        <Button type="primary" onClick={() => void run('sync')} loading={busy === 'sync' || status.running}>
          {t('settings.syncNow')}
        </Button>
        <Button onClick={() => void run('signOut')} loading={busy === 'signOut'}>
          {t('settings.signOut')}
        </Button>
      </Space>
    </Space>
  );
}
