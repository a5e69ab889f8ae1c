import { useTranslation } from 'react-i18next';
import { Form, Input, Typography } from 'antd';
import { useMutation, useQuery } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { DateTimePicker } from '../dates/DatePicker.js';
import { useDateText } from '../dates/useDateText.js';
import { DialogSubject } from '../log/DialogSubject.js';
import { FormModal } from '../log/FormModal.js';
import { useUndoOffer } from '../undo/Undo.js';

export type ComplaintStep = 'respond' | 'resolve';

interface StepValues {
  at: Date;
  text?: string;
}

/**
 * Records the first response to a complaint (`complaints.respond`) or its resolution (`complaints.resolve`).
 * The title names the account and the first line quotes the complaint: when it came, how severe, what was said.
 * Saving offers Undo.
 */
export function ComplaintStepDialog({ step, complaintId, accountId, onClose }: { step: ComplaintStep; complaintId: string; accountId: string; onClose: () => void }) {
  const { t } = useTranslation('complaints');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<StepValues>();
  const mutate = useMutation();
  const offerUndo = useUndoOffer();
  const dates = useDateText();
  const complaints = useQuery((api) => api['complaints.list']({ accountId }), [accountId]);
  const complaint = complaints.data?.find((row) => row.id === complaintId);

  const save = async ({ at, text }: StepValues) => {
    const written = text?.trim() || null;
    try {
      const saved = await mutate((api) =>
        step === 'respond'
          ? api['complaints.respond']({ id: complaintId, respondedAt: at.toISOString(), response: written })
          : api['complaints.resolve']({ id: complaintId, resolvedAt: at.toISOString(), resolution: written }),
      );
      // Undo puts the reply and resolution back as they were before this step.
      if (complaint) {
        const before = { firstRespondedAt: complaint.firstRespondedAt, response: complaint.response, resolvedAt: complaint.resolvedAt, resolution: complaint.resolution };
        offerUndo({
          text: tCommon(step === 'respond' ? 'undo.responded' : 'undo.resolved', { account: complaint.accountName }),
          undo: (api) => api['complaints.revert']({ id: complaintId, updatedAt: saved.updatedAt, to: before }),
        });
      }
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<StepValues> open title={complaint ? t('dialogTitle', { action: t(`${step}.title`), account: complaint.accountName }) : t(`${step}.title`)} form={form} initialValues={{ at: new Date() }} onClose={onClose} onSubmit={save}>
      {complaint && (
        <DialogSubject who={t('subject', { severity: t(`severity.${complaint.severity}`), at: dates.instant(complaint.receivedAt) })}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{complaint.description}</Typography.Text>
        </DialogSubject>
      )}
      <Form.Item name="at" label={t(`${step}.at`)} rules={[{ required: true, message: tCommon('validation.required') }]}>
        <DateTimePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      <Form.Item name="text" label={t(`${step}.text`)}>
        <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </FormModal>
  );
}
