import { useTranslation } from 'react-i18next';
import { Form, Input, Select } from 'antd';
import { FAMILY_RELATIONS, type FamilyRelation } from '../../../core/model/enums.js';
import type { FamilyMember } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { FormModal } from '../../components/log/FormModal.js';

interface FamilyValues {
  name: string;
  relation: FamilyRelation;
  notes?: string | null;
}

/** `contactName`: whose family member is added, named in the title. */
export function FamilyMemberForm({ open, contactId, contactName, member, onClose }: { open: boolean; contactId: string; contactName: string; member?: FamilyMember; onClose: () => void }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<FamilyValues>();
  const mutate = useMutation();
  const required = [{ required: true, whitespace: true, message: tCommon('validation.required') }];

  const save = async (values: FamilyValues) => {
    try {
      if (member) await mutate((api) => api['family.update']({ id: member.id, patch: values }));
      else await mutate((api) => api['family.create']({ contactId, ...values }));
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<FamilyValues>
      open={open}
      title={member ? t('family.edit', { name: member.name }) : t('family.newTitleFor', { name: contactName })}
      form={form}
      initialValues={member ?? { relation: 'spouse' }}
      onClose={onClose}
      onSubmit={save}
    >
      <Form.Item name="name" label={t('family.name')} rules={required}>
        <Input maxLength={100} autoFocus />
      </Form.Item>
      <Form.Item name="relation" label={t('family.relation')} rules={required}>
        <Select options={FAMILY_RELATIONS.map((r) => ({ value: r, label: tCommon(`enum.familyRelation.${r}`) }))} />
      </Form.Item>
      <Form.Item name="notes" label={t('family.notes')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
