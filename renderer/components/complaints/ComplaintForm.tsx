import { useTranslation } from 'react-i18next';
import { Form, Input, InputNumber, Select } from 'antd';
import { COMPLAINT_CHANNELS, COMPLAINT_SEVERITIES, type Complaint } from '../../../core/model/reminders.js';
import type { Contact } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { DateTimePicker } from '../dates/DatePicker.js';
import { FormModal } from '../log/FormModal.js';

export interface ComplaintValues {
  channel: Complaint['channel'];
  severity: Complaint['severity'];
  description: string;
  receivedAt: Date;
  contactId?: string;
  targetHours: number;
}

/** Logs a complaint (`complaints.create`); the response target starts at the user's default. */
export function ComplaintForm({ accountId, contacts, defaultTargetHours, onClose }: { accountId: string; contacts: readonly Contact[]; defaultTargetHours: number; onClose: () => void }) {
  const { t } = useTranslation('complaints');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<ComplaintValues>();
  const mutate = useMutation();
  const required = { required: true, message: tCommon('validation.required') };

  const save = async (values: ComplaintValues) => {
    try {
      await mutate((api) =>
        api['complaints.create']({
          accountId,
          contactId: values.contactId ?? null,
          channel: values.channel,
          severity: values.severity,
          description: values.description,
          receivedAt: values.receivedAt.toISOString(),
          // The default is stored as "no own target", so changing the default later applies to it.
          targetHours: values.targetHours === defaultTargetHours ? null : values.targetHours,
        }),
      );
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<ComplaintValues>
      open
      title={t('form.title')}
      form={form}
      initialValues={{ channel: 'phone', severity: 'medium', receivedAt: new Date(), targetHours: defaultTargetHours }}
      onClose={onClose}
      onSubmit={save}
    >
      <Form.Item name="channel" label={t('field.channel')} rules={[required]}>
        <Select options={COMPLAINT_CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))} />
      </Form.Item>
      <Form.Item name="severity" label={t('field.severity')} rules={[required]}>
        <Select options={COMPLAINT_SEVERITIES.map((value) => ({ value, label: t(`severity.${value}`) }))} />
      </Form.Item>
      <Form.Item name="description" label={t('field.description')} rules={[{ ...required, whitespace: true }, { max: 10000, message: tCommon('validation.tooLongMax', { max: 10000 }) }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
      </Form.Item>
      <Form.Item name="receivedAt" label={t('field.receivedAt')} rules={[required]}>
        <DateTimePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      {contacts.length > 0 && (
        <Form.Item name="contactId" label={t('field.contact')}>
          <Select allowClear options={contacts.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
      <Form.Item
        name="targetHours"
        label={t('field.targetHours')}
        rules={[
          { required: true, message: tCommon('validation.notANumber') },
          { type: 'number', min: 0.5, max: 720, message: tCommon('validation.targetHoursRange') },
        ]}
      >
        <InputNumber<number> style={{ width: 160 }} />
      </Form.Item>
    </FormModal>
  );
}
