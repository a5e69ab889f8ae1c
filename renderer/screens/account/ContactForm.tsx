import { useTranslation } from 'react-i18next';
import { Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { CONTACT_ROLES, type ContactRole } from '../../../core/model/enums.js';
import type { Contact } from '../../../core/model/schemas.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { FormModal } from '../../components/log/FormModal.js';
import { BirthdayFields, birthdayOf, type BirthdayValues } from '../../components/dates/BirthdayFields.js';
import { validateYearlyDate } from '../../../core/calendar/index.js';

interface ContactValues {
  name: string;
  title?: string | null;
  role?: ContactRole | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  interests?: string | null;
  isKey: boolean;
  /** a new contact's birthday, saved with it (optional) */
  birthday?: BirthdayValues;
}

const PHONE_PATTERN = /^[+()\d\s-]*$/;

export function ContactForm({ open, accountId, accountName, contact, onClose }: { open: boolean; accountId: string; accountName?: string; contact?: Contact; onClose: () => void }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<ContactValues>();
  const mutate = useMutation();

  const save = async ({ birthday: birthdayValues, ...values }: ContactValues) => {
    const fields = { ...values, role: values.role ?? null };
    const birthday = birthdayOf(birthdayValues);
    if (!contact && Boolean(birthdayValues?.month) !== Boolean(birthdayValues?.day)) {
      // half a birthday: say what is missing rather than drop it
      form.setFields([{ name: ['birthday', birthdayValues?.month ? 'day' : 'month'], errors: [tCommon('validation.required')] }]);
      throw new Error('birthday incomplete');
    }
    if (birthday && validateYearlyDate(birthday)) throw new Error('birthday invalid'); // the live message says what is wrong
    try {
      if (contact) await mutate((api) => api['contacts.update']({ id: contact.id, patch: fields }));
      else await mutate((api) => api['contacts.create']({ accountId, ...fields, birthday }));
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<ContactValues>
      open={open}
      title={contact ? t('contacts.edit', { name: contact.name }) : accountName ? t('contacts.newTitleFor', { account: accountName }) : t('contacts.newTitle')}
      form={form}
      width={620}
      initialValues={contact ?? { isKey: false }}
      onClose={onClose}
      onSubmit={save}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="name" label={t('contacts.name')} rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}>
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="title" label={t('contacts.title')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="role" label={t('contacts.role')}>
            <Select allowClear options={CONTACT_ROLES.map((r) => ({ value: r, label: tCommon(`enum.contactRole.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isKey" valuePropName="checked" label={t('contacts.keyContact')}>
            <Checkbox>{t('contacts.isKey')}</Checkbox>
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('contacts.phone')} rules={[{ pattern: PHONE_PATTERN, message: tCommon('validation.invalidPhone') }]}>
            <Input maxLength={40} inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="email" label={t('contacts.email')} rules={[{ type: 'email', message: tCommon('validation.invalidEmail') }]}>
            <Input maxLength={200} inputMode="email" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="wechat" label={t('contacts.wechat')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="interests" label={t('contacts.interests')} extra={t('contacts.interestsHint')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
      </Form.Item>
      {!contact && <BirthdayFields form={form} />}
    </FormModal>
  );
}
