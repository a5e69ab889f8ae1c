/**
 * The fields of "log a visit as done" (when, who was met, outcome, next step, next visit date, a note),
 * shared by the account page's dialog, the quick log and correcting a done visit (without the note);
 * `visitLogInput` turns them into the API input. A done time later than now is refused at once.
 */
import { useTranslation } from 'react-i18next';
import { Col, Form, Input, Row, Select } from 'antd';
import { CONTACT_KINDS, type VisitKind } from '../../../core/model/enums.js';
import type { Contact, VisitLog } from '../../../core/model/schemas.js';
import { DatePicker, DateTimePicker } from '../dates/DatePicker.js';
import { dayOfDate } from '../dates/useDateText.js';

export interface VisitLogValues {
  kind: VisitKind;
  doneAt: Date;
  metContactIds: string[];
  outcome?: string;
  nextStep?: string;
  nextVisitDate?: Date | null;
  note?: string;
}

/** A planned visit is done at its planned time unless the rep says otherwise; an unplanned one now. */
export function visitLogDefaults(kind: VisitKind = 'routine', plannedAt: string | null = null): VisitLogValues {
  return { kind, doneAt: plannedAt ? new Date(plannedAt) : new Date(), metContactIds: [] };
}

/** The leeway the service gives a done time (a clock picked to the minute). */
const CLOCK_LEEWAY_MS = 60_000;

const blankToNull = (text: string | undefined) => (text?.trim() ? text.trim() : null);

export function visitLogInput(accountId: string, values: VisitLogValues, visitId?: string): VisitLog {
  return {
    ...(visitId ? { visitId } : {}),
    accountId,
    kind: values.kind,
    doneAt: values.doneAt.toISOString(),
    metContactIds: values.metContactIds ?? [],
    outcome: blankToNull(values.outcome),
    nextStep: blankToNull(values.nextStep),
    nextVisitDate: values.nextVisitDate ? dayOfDate(values.nextVisitDate) : null,
    note: blankToNull(values.note),
  };
}

export function VisitLogFields({ contacts, withNote = true }: { contacts: readonly Contact[]; withNote?: boolean }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const required = [{ required: true, message: tCommon('validation.required') }];
  const notInFuture = {
    validator: async (_: unknown, value: Date | null | undefined) => {
      if (value && value.getTime() > Date.now() + CLOCK_LEEWAY_MS) throw new Error(tCommon('validation.inFuture', { field: 'doneAt' }));
    },
  };
  return (
    <>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="doneAt" label={t('visits.doneAt')} rules={[...required, notInFuture]}>
            <DateTimePicker style={{ width: '100%' }} allowClear={false} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="kind" label={t('visits.kind')} rules={required}>
            <Select options={CONTACT_KINDS.map((k) => ({ value: k, label: tCommon(`enum.visitKind.${k}`) }))} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="metContactIds" label={t('visits.met')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={contacts.length ? t('visits.metPlaceholder') : t('visits.noContacts')}
          options={contacts.map((c) => ({ value: c.id, label: c.title ? `${c.name} · ${c.title}` : c.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="outcome" label={t('visits.outcome')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="nextStep" label={t('visits.nextStep')}>
            <Input maxLength={2000} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="nextVisitDate" label={t('visits.nextVisitDate')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {withNote && (
        <Form.Item name="note" label={t('visits.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={20000} />
        </Form.Item>
      )}
    </>
  );
}
