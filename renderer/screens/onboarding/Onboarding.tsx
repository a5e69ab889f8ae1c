/**
 * First run: the language (preselected from the OS locale, which the host stored in settings), the rep's
 * name, and optionally the demo data. Choosing a language switches the UI at once, so the rest of the
 * form is read in it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import type { ApiOutputs } from '../../../core/api/contract.js';
import { LANGUAGES, type Language } from '../../../core/model/enums.js';
import type { Settings } from '../../../core/model/schemas.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';

interface OnboardingValues {
  language: Language;
  repName: string;
}

export function Onboarding({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation('onboarding');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<OnboardingValues>();
  const mutate = useMutation();
  const [demo, setDemo] = useState<ApiOutputs['demo.load'] | null>(null);
  // Demo data loaded before a reload (or in another window) is not offered again.
  const demoStatus = useQuery((api) => api['demo.status']({}), []);
  const demoPresent = demo !== null || demoStatus.data?.present === true;
  const [loadingDemo, setLoadingDemo] = useState(false);
  const [saving, setSaving] = useState(false);

  const loadDemo = async () => {
    setLoadingDemo(true);
    try {
      setDemo(await mutate((api) => api['demo.load']({})));
    } catch {
      // shown by useMutation
    } finally {
      setLoadingDemo(false);
    }
  };

  const finish = async (values: OnboardingValues) => {
    setSaving(true);
    try {
      // Once saved, settings reload with onboarded = true and the app shell replaces this screen.
      await mutate((api) => api['settings.update']({ language: values.language, repName: values.repName, onboarded: true }));
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
    } finally {
      setSaving(false);
    }
  };

  return (
    <main style={{ maxWidth: 560, margin: '56px auto', padding: '0 16px' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {t('title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('intro')}</Typography.Paragraph>
      <Card>
        <Form<OnboardingValues>
          form={form}
          layout="vertical"
          initialValues={{ language: settings.language, repName: settings.repName }}
          onFinish={(values) => void finish(values)}
          onValuesChange={(changed: Partial<OnboardingValues>) => {
            if (changed.language) void i18n.changeLanguage(changed.language);
          }}
        >
          <Form.Item name="language" label={t('language')}>
            <Radio.Group optionType="button" options={LANGUAGES.map((value) => ({ value, label: tCommon(`enum.language.${value}`) }))} />
          </Form.Item>
          <Form.Item
            name="repName"
            label={t('repName')}
            extra={t('repNameHelp')}
            rules={[
              { required: true, whitespace: true, message: tCommon('validation.required') },
              { max: 100, message: tCommon('validation.tooLongMax', { max: 100 }) },
            ]}
          >
            <Input autoFocus autoComplete="name" />
          </Form.Item>
          <Form.Item label={t('demo')} extra={t('demoHelp')}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              {!demoPresent && (
                <Button onClick={() => void loadDemo()} loading={loadingDemo} disabled={demoStatus.data === undefined}>
                  {t('loadDemo')}
                </Button>
              )}
              {demo && <Alert type="success" showIcon title={t('demoLoaded', demo)} />}
              {!demo && demoPresent && <Alert type="info" showIcon title={t('demoAlreadyLoaded')} />}
            </Space>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block>
            {t('start')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
