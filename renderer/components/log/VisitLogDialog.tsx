import { useTranslation } from 'react-i18next';
import { Alert, Form } from 'antd';
import type { Contact, Visit } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useUndoOffer } from '../undo/Undo.js';
import { FormModal } from './FormModal.js';
import { VisitLogFields, visitLogDefaults, visitLogInput, type VisitLogValues } from './VisitLogFields.js';
import { VisitSubject } from './VisitSubject.js';

export interface VisitLogDialogProps {
  open: boolean;
  onClose: () => void;
  accountId: string;
  /** whose visit it is, named in the title and the first line */
  accountName: string;
  contacts: readonly Contact[];
  /** the planned visit being completed; omitted to record an unplanned one */
  visit?: Visit;
}

/**
 * Log a visit as done (`visits.log`), completing a planned one when given: then the done time starts at
 * the planned time, and a visit planned for a day still to come cannot be saved until the rep picks the
 * day it really took place. Saving offers Undo.
 */
export function VisitLogDialog({ open, onClose, accountId, accountName, contacts, visit }: VisitLogDialogProps) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<VisitLogValues>();
  const mutate = useMutation();
  const offerUndo = useUndoOffer();
  const plannedAt = visit?.plannedAt ?? null;

  const save = async (values: VisitLogValues) => {
    try {
      const logged = await mutate((api) => api['visits.log'](visitLogInput(accountId, values, visit?.id)));
      // Undo plans a completed visit again (as it was planned) or deletes a recorded one, with its note.
      offerUndo({
        text: tCommon(visit ? 'undo.completed' : 'undo.logged', { account: accountName }),
        undo: (api) => api['visits.unlog']({ id: logged.id, updatedAt: logged.updatedAt, plannedKind: visit?.kind ?? null }),
      });
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<VisitLogValues>
      open={open}
      title={t(visit ? 'visits.completeTitle' : 'visits.logTitleFor', { account: accountName })}
      form={form}
      width={640}
      initialValues={visitLogDefaults(visit?.kind, plannedAt)}
      onClose={onClose}
      onSubmit={save}
    >
      {visit && <VisitSubject accountName={accountName} visit={visit} contacts={contacts} />}
      {plannedAt && (
        <Alert
          type={new Date(plannedAt).getTime() > Date.now() ? 'warning' : 'info'}
          showIcon
          message={t(new Date(plannedAt).getTime() > Date.now() ? 'visits.plannedNotYet' : 'visits.doneAtFromPlan')}
          style={{ marginBottom: 16 }}
        />
      )}
      <VisitLogFields contacts={contacts} />
    </FormModal>
  );
}
