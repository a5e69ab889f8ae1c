/** The fields of a note: its text and, optionally, the visit and the contact it is about. */
import { useTranslation } from 'react-i18next';
import { Col, Form, Input, Row, Select } from 'antd';
import type { Contact, NoteCreate, Visit } from '../../../core/model/schemas.js';
import { useDateText } from '../dates/useDateText.js';

export interface NoteValues {
  body: string;
  visitId?: string | null;
  contactId?: string | null;
}

export function noteCreateInput(accountId: string, values: NoteValues): NoteCreate {
  return { accountId, body: values.body, visitId: values.visitId ?? null, contactId: values.contactId ?? null };
}

export function NoteFields({ contacts, visits, bodyOnly = false }: { contacts: readonly Contact[]; visits: readonly Visit[]; bodyOnly?: boolean }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const dates = useDateText();
  return (
    <>
      <Form.Item
        name="body"
        label={t('notes.body')}
        rules={[{ required: true, whitespace: true, message: tCommon('validation.required') }]}
      >
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={20000} autoFocus />
      </Form.Item>
      {!bodyOnly && (
        <Row gutter={12}>
          {visits.length > 0 && (
          <Col span={12}>
            <Form.Item name="visitId" label={t('notes.visit')}>
              <Select
                allowClear
                options={visits.map((v) => ({
                  value: v.id,
                  label: `${dates.instant(v.doneAt ?? v.plannedAt ?? v.createdAt)} · ${tCommon(`enum.visitKind.${v.kind}`)}`,
                }))}
              />
            </Form.Item>
          </Col>
          )}
          <Col span={12}>
            <Form.Item name="contactId" label={t('notes.contact')}>
              <Select allowClear options={contacts.map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
