/**
 * Working hours, which "Plan my week" plans inside: working days, when the day starts and ends, an
 * optional lunch break, how long a visit takes and the way to the next one (same city, another city).
 * Checked here as the service checks them (the day ends after it starts, lunch inside the day).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Checkbox, Flex, Form, Input, InputNumber, Space, Switch, Typography } from 'antd';
import { DEFAULT_WORKING_HOURS, minuteOfClock, type WorkingHours } from '../../../core/model/workingHours.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useDateFnsLocale } from '../../i18n/index.js';

interface Values {
  workingHours: Omit<WorkingHours, 'lunch'> & { lunch: { from: string; to: string } };
  lunchEnabled: boolean;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEK = [1, 2, 3, 4, 5, 6, 0];

function toValues(hours: WorkingHours): Values {
  return { workingHours: { ...hours, lunch: hours.lunch ?? { from: '12:00', to: '13:30' } }, lunchEnabled: hours.lunch !== null };
}

export function WorkingHoursCard() {
  const { t } = useTranslation('settings');
  const { t: tCommon } = useTranslation('common');
  const locale = useDateFnsLocale();
  const [form] = Form.useForm<Values>();
  const settings = useQuery((api) => api['settings.get']({}), []);
  const mutate = useMutation();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const lunchEnabled = Form.useWatch('lunchEnabled', form);

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toValues(settings.data.workingHours ?? DEFAULT_WORKING_HOURS));
  }, [settings.data, form]);

  const save = async ({ workingHours, lunchEnabled: withLunch }: Values) => {
    setSaving(true);
    setSaved(false);
    try {
      await mutate((api) => api['settings.update']({ workingHours: { ...workingHours, lunch: withLunch ? workingHours.lunch : null } }));
      setSaved(true);
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
    } finally {
      setSaving(false);
    }
  };

  const clock = { required: true, pattern: CLOCK, message: tCommon('validation.invalidTime') };
  /** a rule: this time is later than the one at `earlier` (when both are times) */
  const laterThan = (earlier: ['workingHours', 'start'] | ['workingHours', 'lunch', 'from'], message: string) => ({
    validator: (_: unknown, value: string | undefined) => {
      const before = form.getFieldValue(earlier) as string | undefined;
      if (!value || !before || !CLOCK.test(value) || !CLOCK.test(before) || minuteOfClock(value) > minuteOfClock(before)) return Promise.resolve();
      return Promise.reject(new Error(message));
    },
  });
  const insideDay = {
    validator: (_: unknown, value: string | undefined) => {
      const { start, end } = (form.getFieldValue('workingHours') ?? {}) as Partial<WorkingHours>;
      // A day that ends before it starts is the error to fix first: its end field says so.
      if (!value || !start || !end || ![value, start, end].every((time) => CLOCK.test(time)) || minuteOfClock(end) <= minuteOfClock(start)) return Promise.resolve();
      const minute = minuteOfClock(value);
      return minute >= minuteOfClock(start) && minute <= minuteOfClock(end) ? Promise.resolve() : Promise.reject(new Error(tCommon('validation.lunchInsideHours')));
    },
  };
  const minutes = (min: number, max: number) => [{ required: true, type: 'integer' as const, min, max, message: t('workingHours.minutesBetween', { min, max }) }];
  const atLeastOneDay = {
    validator: (_: unknown, value: readonly number[] | undefined) => (value && value.length > 0 ? Promise.resolve() : Promise.reject(new Error(tCommon('validation.workingDaysRequired')))),
  };

  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('workingHours.title')}</Typography.Title>}>
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)} onValuesChange={() => setSaved(false)}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('workingHours.help')}</Typography.Paragraph>
        <Form.Item name={['workingHours', 'days']} label={t('workingHours.days')} rules={[atLeastOneDay]}>
          <Checkbox.Group options={WEEK.map((day) => ({ value: day, label: locale.localize.day(day as 0, { width: 'wide' }) }))} />
        </Form.Item>
        <Flex gap="large" wrap align="start">
          <Form.Item name={['workingHours', 'start']} label={t('workingHours.start')} rules={[clock]}>
            <Input style={{ width: 100 }} placeholder="09:00" />
          </Form.Item>
          <Form.Item name={['workingHours', 'end']} label={t('workingHours.end')} dependencies={[['workingHours', 'start']]} rules={[clock, laterThan(['workingHours', 'start'], tCommon('validation.endAfterStart'))]}>
            <Input style={{ width: 100 }} placeholder="18:00" />
          </Form.Item>
          <Form.Item name="lunchEnabled" label={t('workingHours.lunch')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {lunchEnabled && (
            <>
              <Form.Item name={['workingHours', 'lunch', 'from']} label={t('workingHours.lunchFrom')} dependencies={[['workingHours', 'start'], ['workingHours', 'end']]} rules={[clock, insideDay]}>
                <Input style={{ width: 100 }} placeholder="12:00" />
              </Form.Item>
              <Form.Item
                name={['workingHours', 'lunch', 'to']}
                label={t('workingHours.lunchTo')}
                dependencies={[['workingHours', 'lunch', 'from'], ['workingHours', 'start'], ['workingHours', 'end']]}
                rules={[clock, laterThan(['workingHours', 'lunch', 'from'], tCommon('validation.endAfterStart')), insideDay]}
              >
                <Input style={{ width: 100 }} placeholder="13:30" />
              </Form.Item>
            </>
          )}
        </Flex>
        <Flex gap="large" wrap align="start">
          <Form.Item name={['workingHours', 'visitMinutes']} label={t('workingHours.visitMinutes')} rules={minutes(15, 480)}>
            <InputNumber<number> precision={0} style={{ width: 140 }} suffix={t('workingHours.minutes')} />
          </Form.Item>
          <Form.Item name={['workingHours', 'travelMinutes']} label={t('workingHours.travelMinutes')} rules={minutes(0, 240)}>
            <InputNumber<number> precision={0} style={{ width: 140 }} suffix={t('workingHours.minutes')} />
          </Form.Item>
          <Form.Item name={['workingHours', 'cityChangeMinutes']} label={t('workingHours.cityChangeMinutes')} rules={minutes(0, 480)}>
            <InputNumber<number> precision={0} style={{ width: 140 }} suffix={t('workingHours.minutes')} />
          </Form.Item>
        </Flex>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('workingHours.save')}
          </Button>
          {saved && <Typography.Text type="success" role="status">{t('profile.saved')}</Typography.Text>}
        </Space>
      </Form>
    </Card>
  );
}
