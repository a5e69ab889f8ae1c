import { useTranslation } from 'react-i18next';
import { Form, Typography } from 'antd';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { FormModal } from '../../components/log/FormModal.js';
import { VisitLogFields, visitLogInput, type VisitLogValues } from '../../components/log/VisitLogFields.js';
import { VisitSubject, type VisitDialogProps } from '../../components/log/VisitSubject.js';
import { dateOfDay } from '../../components/dates/useDateText.js';

/** Corrects a done visit (`visits.edit`): the same fields as logging it, without the note; the old record stays in its history. */
export function CorrectVisitDialog({ open, accountId, accountName, contacts, visit, onClose }: VisitDialogProps & { accountId: string }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<VisitLogValues>();
  const mutate = useMutation();

  const save = async (values: VisitLogValues) => {
    // The record only: the note of a done visit is written and kept apart.
    const { kind, doneAt, metContactIds, outcome, nextStep, nextVisitDate } = visitLogInput(accountId, values);
    try {
      await mutate((api) => api['visits.edit']({ id: visit.id, kind, doneAt, metContactIds, outcome, nextStep, nextVisitDate }));
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<VisitLogValues>
      open={open}
      title={t('visits.correctTitle', { account: accountName })}
      form={form}
      width={640}
      initialValues={{
        kind: visit.kind,
        doneAt: new Date(visit.doneAt ?? visit.updatedAt),
        metContactIds: visit.metContactIds,
        outcome: visit.outcome ?? undefined,
        nextStep: visit.nextStep ?? undefined,
        nextVisitDate: visit.nextVisitDate ? dateOfDay(visit.nextVisitDate) : null,
      }}
      onClose={onClose}
      onSubmit={save}
    >
      <VisitSubject accountName={accountName} visit={visit} contacts={contacts} />
      <Typography.Paragraph type="secondary">{t('visits.correctHint')}</Typography.Paragraph>
      <VisitLogFields contacts={contacts} withNote={false} />
    </FormModal>
  );
}
