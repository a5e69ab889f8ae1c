/**
 * Reminder settings: when an account is overdue (maximum gap per tier, which contacts count, lapse
 * threshold), complaint response target, lead days for dates and festivals, which festivals and who
 * gets festival greetings, and notifications (digest time, quiet hours, minutes before a visit).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Checkbox, Divider, Flex, Form, Input, InputNumber, Radio, Space, Switch, Typography } from 'antd';
import { FESTIVAL_IDS } from '../../../core/calendar/index.js';
import { CONTACT_KINDS, DATE_KINDS, TIERS, type DateKind } from '../../../core/model/enums.js';
import { FESTIVAL_RECIPIENT_RULES, type ReminderSettings } from '../../../core/model/reminders.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { isElectron, requestNotificationPermission } from '../../api/hostNotifications.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';

/** The form's shape: quiet hours split into a switch and two times; lead days per kind may be blank. */
type ReminderValues = Omit<ReminderSettings, 'quietHours' | 'leadDaysByKind'> & {
  quietEnabled: boolean;
  quietHours: { from: string; to: string };
  leadDaysByKind: Partial<Record<DateKind, number | null>>;
};

function toValues(settings: ReminderSettings): ReminderValues {
  return { ...settings, quietEnabled: settings.quietHours !== null, quietHours: settings.quietHours ?? { from: '21:00', to: '07:30' } };
}

function toSettings({ quietEnabled, quietHours, leadDaysByKind, ...rest }: ReminderValues): ReminderSettings {
  const byKind = Object.fromEntries(Object.entries(leadDaysByKind).filter(([, days]) => typeof days === 'number'));
  return { ...rest, leadDaysByKind: byKind, quietHours: quietEnabled ? quietHours : null };
}

export function ReminderSettingsCard() {
  const { t } = useTranslation('reminders');
  const { t: tCommon } = useTranslation('common');
  const { t: tFestival } = useTranslation('festival');
  const { t: tSettings } = useTranslation('settings');
  const [form] = Form.useForm<ReminderValues>();
  const settings = useQuery((api) => api['settings.get']({}), []);
  const mutate = useMutation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [permission, setPermission] = useState(() => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission));
  const quietEnabled = Form.useWatch('quietEnabled', form);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toValues(settings.data.reminders));
  }, [settings.data, form]);

  const save = async (values: ReminderValues) => {
    setSaving(true);
    setSaved(false);
    try {
      await mutate((api) => api['settings.update']({ reminders: toSettings(values) }));
      setSaved(true);
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
    } finally {
      setSaving(false);
    }
  };

  const wholeDays = (max: number) => [{ type: 'integer' as const, required: true, min: 0, max, message: t('settings.daysRange', { max }) }];
  const optionalDays = [{ type: 'integer' as const, min: 0, max: 60, message: tCommon('validation.leadDaysRange') }];
  // A validator rather than `required`: antd would put aria-required on the checkbox group, which ARIA does not allow there.
  const atLeastOne = {
    validator: (_: unknown, value: readonly string[] | undefined) =>
      value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(tCommon('validation.required'))),
  };
  const clock = [{ required: true, pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: tCommon('validation.invalidTime') }];

  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('settings.title')}</Typography.Title>}>
      <Form<ReminderValues> form={form} layout="vertical" onFinish={(v) => void save(v)} onValuesChange={() => setSaved(false)}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('settings.cadenceHelp')}</Typography.Paragraph>
        <Flex gap="large" wrap>
          {TIERS.map((tier) => (
            <Form.Item key={tier} name={['cadenceMaximum', tier]} label={t('settings.maximumFor', { tier })} rules={wholeDays(365)}>
              <InputNumber<number> precision={0} style={{ width: 160 }} suffix={t('settings.days')} />
            </Form.Item>
          ))}
        </Flex>
        <Form.Item name="countingKinds" label={t('settings.countingKinds')} rules={[atLeastOne]}>
          <Checkbox.Group options={CONTACT_KINDS.map((kind) => ({ value: kind, label: tCommon(`enum.visitKind.${kind}`) }))} />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="lapseThresholdDays" label={t('settings.lapseThresholdDays')} rules={wholeDays(3650)}>
            <InputNumber<number> precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="complaintTargetHours" label={t('settings.complaintTargetHours')} rules={[{ required: true, type: 'number', min: 0.5, max: 720, message: tCommon('validation.targetHoursRange') }]}>
            <InputNumber<number> style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="complaintFollowUpDays" label={t('settings.complaintFollowUpDays')} rules={[{ type: 'integer', required: true, min: 1, max: 60, message: t('settings.followUpRange') }]} tooltip={t('settings.complaintFollowUpHelp')}>
            <InputNumber<number> precision={0} style={{ width: 140 }} suffix={t('settings.days')} />
          </Form.Item>
        </Space>

        <Divider titlePlacement="start" plain>{t('settings.datesSection')}</Divider>
        <Space size="large" wrap>
          <Form.Item name="defaultLeadDays" label={t('settings.defaultLeadDays')} rules={wholeDays(60)}>
            <InputNumber<number> precision={0} style={{ width: 120 }} />
          </Form.Item>
          {DATE_KINDS.map((kind) => (
            <Form.Item key={kind} name={['leadDaysByKind', kind]} label={tCommon(`enum.dateKind.${kind}`)} rules={optionalDays} tooltip={t('settings.blankForDefault')}>
              <InputNumber<number> precision={0} style={{ width: 120 }} placeholder={t('settings.default')} />
            </Form.Item>
          ))}
        </Space>

        <Divider titlePlacement="start" plain>{t('settings.festivalsSection')}</Divider>
        <Form.Item name="festivalIds" label={t('settings.festivalIds')}>
          <Checkbox.Group options={FESTIVAL_IDS.map((id) => ({ value: id, label: tFestival(id) }))} />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="festivalLeadDays" label={t('settings.festivalLeadDays')} rules={wholeDays(60)}>
            <InputNumber<number> precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="festivalRecipients" label={t('settings.festivalRecipients')}>
            <Radio.Group options={FESTIVAL_RECIPIENT_RULES.map((rule) => ({ value: rule, label: t(`settings.recipients.${rule}`) }))} />
          </Form.Item>
        </Space>

        <Divider titlePlacement="start" plain>{t('settings.notificationsSection')}</Divider>
        <Form.Item name="notificationsEnabled" label={t('settings.notificationsEnabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space size="large" wrap align="start">
          <Form.Item name="digestTime" label={t('settings.digestTime')} rules={clock}>
            <Input style={{ width: 100 }} placeholder="08:30" />
          </Form.Item>
          <Form.Item name="visitReminderMinutes" label={t('settings.visitReminderMinutes')} rules={[{ type: 'integer', min: 0, max: 1440, message: tCommon('validation.invalid') }]} tooltip={t('settings.blankForNone')}>
            <InputNumber<number> precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="quietEnabled" label={t('settings.quietHours')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {quietEnabled && (
            <>
              <Form.Item name={['quietHours', 'from']} label={t('settings.quietFrom')} rules={clock}>
                <Input style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={['quietHours', 'to']} label={t('settings.quietTo')} rules={clock}>
                <Input style={{ width: 100 }} />
              </Form.Item>
            </>
          )}
        </Space>
        {!isElectron() && permission === 'default' && (
          <Form.Item>
            <Button onClick={() => void requestNotificationPermission().then(() => setPermission(Notification.permission))}>{t('settings.allowDesktop')}</Button>
          </Form.Item>
        )}
        {!isElectron() && permission === 'denied' && <Typography.Paragraph type="secondary">{t('settings.desktopDenied')}</Typography.Paragraph>}

        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('settings.save')}
          </Button>
          {saved && <Typography.Text type="success" role="status">{tSettings('profile.saved')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
