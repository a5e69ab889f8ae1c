import { useTranslation } from 'react-i18next';
import { Form, Input, Select } from 'antd';
import { addDays, setHours, startOfHour } from 'date-fns';
import { CONTACT_KINDS, type VisitKind } from '../../../core/model/enums.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useUndoOffer } from '../undo/Undo.js';
import { FormModal } from './FormModal.js';
import { DateTimePicker } from '../dates/DatePicker.js';
import { useDateText } from '../dates/useDateText.js';
import { DialogSubject } from './DialogSubject.js';

interface PlanVisitValues {
  plannedAt: Date;
  kind: VisitKind;
  purpose?: string;
}

/** Tomorrow at 10:00: the most common choice, one click away from any other. */
function defaultPlannedAt(): Date {
  return startOfHour(setHours(addDays(new Date(), 1), 10));
}

/**
 * Plans a visit (`visits.plan`). The title names the account; the first line says what is being planned
 * and when, following the fields, and why when the dialog was opened from a reminder (`reason`).
 */
export function PlanVisitDialog({ open, accountId, accountName, reason, onClose }: { open: boolean; accountId: string; accountName: string; reason?: string; onClose: () => void }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const dates = useDateText();
  const [form] = Form.useForm<PlanVisitValues>();
  const plannedAt = Form.useWatch('plannedAt', form);
  const kind = Form.useWatch('kind', form);
  const mutate = useMutation();
  const offerUndo = useUndoOffer();
  const required = [{ required: true, message: tCommon('validation.required') }];

  const save = async (values: PlanVisitValues) => {
    try {
      const planned = await mutate((api) =>
        api['visits.plan']({ accountId, kind: values.kind, plannedAt: values.plannedAt.toISOString(), purpose: values.purpose?.trim() || null }),
      );
      offerUndo({ text: tCommon('undo.planned', { account: accountName }), undo: (api) => api['visits.unplan']({ id: planned.id, updatedAt: planned.updatedAt }) });
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<PlanVisitValues>
      open={open}
      title={t('visits.planTitleFor', { account: accountName })}
      form={form}
      initialValues={{ plannedAt: defaultPlannedAt(), kind: 'routine' }}
      onClose={onClose}
      onSubmit={save}
    >
      <DialogSubject who={plannedAt && kind ? t('visits.planSubject', { kind: tCommon(`enum.visitKind.${kind}`), at: dates.instant(plannedAt.toISOString()) }) : accountName}>
        {reason}
      </DialogSubject>
      <Form.Item name="plannedAt" label={t('visits.plannedAt')} rules={required}>
        <DateTimePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      <Form.Item name="kind" label={t('visits.kind')} rules={required}>
        <Select options={CONTACT_KINDS.map((k) => ({ value: k, label: tCommon(`enum.visitKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="purpose" label={t('visits.purpose')}>
        <Input maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
