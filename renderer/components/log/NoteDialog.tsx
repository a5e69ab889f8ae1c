import { useTranslation } from 'react-i18next';
import { Form } from 'antd';
import type { Contact, Note, Visit } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { FormModal } from './FormModal.js';
import { NoteFields, noteCreateInput, type NoteValues } from './NoteFields.js';

export interface NoteDialogProps {
  open: boolean;
  onClose: () => void;
  accountId: string;
  contacts: readonly Contact[];
  visits: readonly Visit[];
  /** the note to edit (each save is a new revision); omitted to write a new one */
  note?: Note;
  /** preselected links for a new note, e.g. written from a visit row */
  links?: { visitId?: string; contactId?: string };
}

/** Write a note on the account, or edit one (only its text: the links stay as written). */
export function NoteDialog({ open, onClose, accountId, contacts, visits, note, links }: NoteDialogProps) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<NoteValues>();
  const mutate = useMutation();

  const save = async (values: NoteValues) => {
    try {
      if (note) await mutate((api) => api['notes.update']({ id: note.id, body: values.body }));
      else await mutate((api) => api['notes.create'](noteCreateInput(accountId, values)));
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<NoteValues>
      open={open}
      title={t(note ? 'notes.editTitle' : 'notes.newTitle')}
      form={form}
      width={640}
      initialValues={note ? { body: note.body } : { body: '', visitId: links?.visitId ?? null, contactId: links?.contactId ?? null }}
      onClose={onClose}
      onSubmit={save}
    >
      <NoteFields contacts={contacts} visits={visits} bodyOnly={Boolean(note)} />
    </FormModal>
  );
}
