import { useTranslation } from 'react-i18next';
import { Form } from 'antd';
import type { Contact, Visit } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { FormModal } from './FormModal.js';
import { VisitLogFields, visitLogDefaults, visitLogInput, type VisitLogValues } from './VisitLogFields.js';

export interface VisitLogDialogProps {
  open: boolean;
  onClose: () => void;
  accountId: string;
  contacts: readonly Contact[];
  /** the planned visit being completed; omitted to record an unplanned one */
  visit?: Visit;
}

/** Log a visit as done (`visits.log`), completing a planned one when given. */
export function VisitLogDialog({ open, onClose, accountId, contacts, visit }: VisitLogDialogProps) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<VisitLogValues>();
  const mutate = useMutation();

  const save = async (values: VisitLogValues) => {
    try {
      await mutate((api) => api['visits.log'](visitLogInput(accountId, values, visit?.id)));
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<VisitLogValues>
      open={open}
      title={t(visit ? 'visits.completeTitle' : 'visits.logTitle')}
      form={form}
      width={640}
      initialValues={visitLogDefaults(visit?.kind)}
      onClose={onClose}
      onSubmit={save}
    >
      <VisitLogFields contacts={contacts} />
    </FormModal>
  );
}
