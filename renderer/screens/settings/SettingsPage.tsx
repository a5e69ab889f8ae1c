/**
 * Settings: language (applied at once and saved), the rep's name, the tier cadence policy, where the
 * data lives, and a manual backup.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { LANGUAGES, TIERS, type Language } from '../../../core/model/enums.js';
import type { CadencePolicy } from '../../../core/model/schemas.js';
import { CURRENCIES, DEFAULT_CURRENCY, currencySymbol, type Currency } from '../../../core/model/currency.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useLanguage } from '../../i18n/index.js';
import { SyncSettingsCard } from '../sync/SyncSettingsCard.js';
import { GreetingTemplatesCard } from './GreetingTemplatesCard.js';
import { ReminderSettingsCard } from './ReminderSettingsCard.js';
import { WorkingHoursCard } from './WorkingHoursCard.js';

interface ProfileValues {
  repName: string;
  cadence: CadencePolicy;
  currency: Currency;
}

export function SettingsPage() {
  const { t } = useTranslation('settings');
  return (
    <section aria-labelledby="settings-title" style={{ maxWidth: 760 }}>
      <Typography.Title level={1} id="settings-title" style={{ fontSize: 20, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <Flex vertical gap={16}>
        <LanguageCard />
        <ProfileCard />
        <ReminderSettingsCard />
        <GreetingTemplatesCard />
        <WorkingHoursCard />
        <SyncSettingsCard />
        <DataCard />
      </Flex>
    </section>
  );
}

function CardTitle({ children }: { children: string }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}

function LanguageCard() {
  const { t, i18n } = useTranslation('settings');
  const { t: tCommon } = useTranslation('common');
  const language = useLanguage();
  const mutate = useMutation();

  const choose = async (next: Language) => {
    const previous = language;
    // Switch first so the UI answers at once; go back if the setting could not be saved.
    await i18n.changeLanguage(next);
    try {
      await mutate((api) => api['settings.update']({ language: next }));
    } catch {
      await i18n.changeLanguage(previous);
    }
  };

  return (
    <Card size="small" title={<CardTitle>{t('language.title')}</CardTitle>}>
      <Radio.Group
        aria-label={t('language.title')}
        optionType="button"
        value={language}
        onChange={(e) => void choose(e.target.value as Language)}
        options={LANGUAGES.map((value) => ({ value, label: tCommon(`enum.language.${value}`) }))}
      />
    </Card>
  );
}

/** 人民币 (¥) / Chinese Yuan (CN¥), from Intl in the UI language. */
function currencyLabel(currency: Currency, language: string): string {
  const name = new Intl.DisplayNames(language, { type: 'currency' }).of(currency) ?? currency;
  return `${name} (${currencySymbol(currency, language)})`;
}

function ProfileCard() {
  const { t } = useTranslation('settings');
  const { t: tCommon } = useTranslation('common');
  const language = useLanguage();
  const [form] = Form.useForm<ProfileValues>();
  const settings = useQuery((api) => api['settings.get']({}), []);
  const mutate = useMutation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ repName: settings.data.repName, cadence: settings.data.cadence, currency: settings.data.currency ?? DEFAULT_CURRENCY });
  }, [settings.data, form]);

  const save = async (values: ProfileValues) => {
    setSaving(true);
    setSaved(false);
    try {
      await mutate((api) => api['settings.update'](values));
      setSaved(true);
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
    } finally {
      setSaving(false);
    }
  };

  const cadenceRule = { type: 'integer' as const, required: true, min: 1, max: 365, message: tCommon('validation.cadenceRange') };

  return (
    <Card size="small" title={<CardTitle>{t('profile.title')}</CardTitle>}>
      <Form<ProfileValues> form={form} layout="vertical" onFinish={(v) => void save(v)} onValuesChange={() => setSaved(false)}>
        <Form.Item
          name="repName"
          label={t('profile.repName')}
          rules={[
            { required: true, whitespace: true, message: tCommon('validation.required') },
            { max: 100, message: tCommon('validation.tooLongMax', { max: 100 }) },
          ]}
        >
          <Input style={{ maxWidth: 320 }} autoComplete="name" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('profile.cadenceHelp')}
        </Typography.Paragraph>
        <Flex gap="large" wrap>
          {TIERS.map((tier) => (
            <Form.Item key={tier} name={['cadence', tier]} label={t('profile.cadenceFor', { tier })} rules={[cadenceRule]}>
              <InputNumber<number> precision={0} style={{ width: 160 }} suffix={t('profile.days')} />
            </Form.Item>
          ))}
        </Flex>
        <Form.Item name="currency" label={t('profile.currency')} extra={t('profile.currencyHelp')}>
          <Select<Currency> style={{ width: 240 }} options={CURRENCIES.map((value) => ({ value, label: currencyLabel(value, language) }))} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {tCommon('actions.save')}
          </Button>
          {saved && <Typography.Text type="success" role="status">{t('profile.saved')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}

function DataCard() {
  const { t } = useTranslation('settings');
  const info = useQuery((api) => api['app.info']({}), []);
  const mutate = useMutation();
  const [backingUp, setBackingUp] = useState(false);
  const [backup, setBackup] = useState<{ path: string; bytes: number } | null>(null);
  const { modal } = App.useApp();

  // Fetched on demand and shown in a dialog only: the key is never kept on screen or in the query cache.
  const showRecoveryKey = async () => {
    try {
      const { recoveryKey } = await mutate((api) => api['backup.recoveryKey']({}));
      modal.info({
        title: t('data.recoveryKeyTitle'),
        width: 560,
        okText: t('data.recoveryKeyClose'),
        content: (
          <Flex vertical gap={12}>
            <Typography.Text>{t('data.recoveryKeyText')}</Typography.Text>
            <Typography.Text code copyable style={{ fontSize: 16, wordBreak: 'break-all' }}>
              {recoveryKey}
            </Typography.Text>
          </Flex>
        ),
      });
    } catch {
      // shown by useMutation
    }
  };

  const backUp = async () => {
    setBackingUp(true);
    try {
      setBackup(await mutate((api) => api['backup.create']({})));
    } catch {
      // shown by useMutation
    } finally {
      setBackingUp(false);
    }
  };

  return (
    <Card size="small" title={<CardTitle>{t('data.title')}</CardTitle>}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('data.folder')}>
          <Typography.Text copyable>{info.data?.dataDir ?? '…'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('data.database')}>
          <Typography.Text copyable>{info.data?.databasePath ?? '…'}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('data.version')}>{info.data ? t('data.versionText', { ...info.data, host: t(`data.host.${info.data.host}`) }) : '…'}</Descriptions.Item>
      </Descriptions>
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        <Typography.Text type="secondary">{t('data.encrypted')}</Typography.Text>
        <Space>
          <Button onClick={() => void backUp()} loading={backingUp}>
            {t('data.backUp')}
          </Button>
          <Button onClick={() => void showRecoveryKey()}>{t('data.showRecoveryKey')}</Button>
        </Space>
        {backup && (
          <Alert
            type="success"
            showIcon
            title={t('data.backedUp')}
            description={<Typography.Text copyable>{backup.path}</Typography.Text>}
          />
        )}
      </Flex>
    </Card>
  );
}
