import { useTranslation } from 'react-i18next';
import { Form } from 'antd';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { FormModal } from '../../components/log/FormModal.js';
import { DateTimePicker } from '../../components/dates/DatePicker.js';
import { VisitSubject, type VisitDialogProps } from '../../components/log/VisitSubject.js';

interface RescheduleValues {
  plannedAt: Date;
}

/** Moves a planned visit to another day or time (`visits.reschedule`), saying whose visit and when it was planned. */
export function RescheduleVisitDialog({ open, accountName, contacts, visit, onClose }: VisitDialogProps) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<RescheduleValues>();
  const mutate = useMutation();

  const save = async (values: RescheduleValues) => {
    try {
      await mutate((api) => api['visits.reschedule']({ id: visit.id, plannedAt: values.plannedAt.toISOString() }));
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<RescheduleValues>
      open={open}
      title={t('visits.rescheduleTitle', { account: accountName })}
      form={form}
      width={560}
      initialValues={{ plannedAt: new Date(visit.plannedAt ?? visit.createdAt) }}
      onClose={onClose}
      onSubmit={save}
    >
      <VisitSubject accountName={accountName} visit={visit} contacts={contacts} />
      <Form.Item name="plannedAt" label={t('visits.newPlannedAt')} rules={[{ required: true, message: tCommon('validation.required') }]}>
        <DateTimePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
    </FormModal>
  );
}
