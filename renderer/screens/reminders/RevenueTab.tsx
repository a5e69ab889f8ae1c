/**
 * An account's orders (or revenue figures), which feed the tier suggestions and count as activity:
 * record one (day, amount ≥ 0, reference) and list them, newest first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Form, Input, InputNumber, Table } from 'antd';
import type { Order } from '../../../core/model/reminders.js';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { DatePicker } from '../../components/dates/DatePicker.js';
import { dayOfDate, useDateText } from '../../components/dates/useDateText.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useMoney } from '../../components/useMoney.js';

interface OrderValues {
  day: Date;
  amount: number;
  reference?: string;
}

export function RevenueTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation('reminders');
  const { t: tCommon } = useTranslation('common');
  const dates = useDateText();
  const [form] = Form.useForm<OrderValues>();
  const orders = useQuery((api) => api['orders.list']({ accountId }), [accountId]);
  const mutate = useMutation();
  const [saving, setSaving] = useState(false);
  const money = useMoney();

  const record = async (values: OrderValues) => {
    setSaving(true);
    try {
      await mutate((api) => api['orders.record']({ accountId, day: dayOfDate(values.day), amount: values.amount, reference: values.reference?.trim() || null }));
      form.resetFields(['amount', 'reference']);
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Form<OrderValues> form={form} layout="inline" initialValues={{ day: new Date() }} onFinish={(values) => void record(values)} aria-label={t('revenue.record')}>
        <Form.Item name="day" label={t('revenue.day')} rules={[{ required: true, message: tCommon('validation.required') }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('revenue.amount')}
          rules={[
            { required: true, type: 'number', message: tCommon('validation.notANumber') },
            { type: 'number', min: 0, message: tCommon('validation.negative') },
          ]}
        >
          <InputNumber<number> style={{ width: 180 }} prefix={money.symbol} />
        </Form.Item>
        <Form.Item name="reference" label={t('revenue.reference')} rules={[{ max: 200, message: tCommon('validation.tooLongMax', { max: 200 }) }]}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('revenue.record')}
          </Button>
        </Form.Item>
      </Form>
      <Table<Order>
        size="small"
        rowKey="id"
        loading={orders.loading && !orders.data}
        dataSource={[...(orders.data ?? [])].sort((x, y) => y.day.localeCompare(x.day))}
        pagination={false}
        locale={{ emptyText: t('revenue.none') }}
        columns={[
          { key: 'day', title: t('revenue.day'), render: (_, o) => dates.day(o.day) },
          { key: 'amount', title: t('revenue.amount'), align: 'right', render: (_, o) => money.format(o.amount) },
          { key: 'reference', title: t('revenue.reference'), render: (_, o) => o.reference ?? '—' },
        ]}
      />
    </Flex>
  );
}
