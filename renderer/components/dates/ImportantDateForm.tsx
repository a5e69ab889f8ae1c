/**
 * Create or edit an important date (birthday, anniversary, …) in the Gregorian or the Chinese lunar
 * calendar. The date is checked live with the calendar core's `validateYearlyDate` (the API checks it
 * again) and the next Gregorian occurrence is shown as the user types.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { format } from 'date-fns';
import { CALENDARS, DATE_KINDS, type CalendarKind, type DateKind } from '../../../core/model/enums.js';
import type { ImportantDate, YearlyDate } from '../../../core/model/schemas.js';
import { leapMonthOf, lunarDayName, lunarMonthName, validateYearlyDate } from '../../../core/calendar/index.js';
import { useMutation } from '../../api/useQuery.js';
import { applyApiErrorToForm } from '../../i18n/errors.js';
import { useDateFnsLocale, useLanguage } from '../../i18n/index.js';
import { FormModal } from '../log/FormModal.js';
import { NextOccurrence } from './NextOccurrence.js';

/** Whom a date belongs to: the account itself, one of its contacts, or a contact's family member. */
export interface DateOwner {
  accountId: string;
  contactId?: string | null;
  familyMemberId?: string | null;
}

const PERSONAL_KINDS: readonly DateKind[] = ['birthday', 'wedding_anniversary', 'custom'];
const ACCOUNT_KINDS: readonly DateKind[] = DATE_KINDS.filter((k) => !PERSONAL_KINDS.includes(k) || k === 'custom');

/** People have birthdays and weddings; companies have founding days and contract anniversaries. */
export function dateKindsFor(owner: DateOwner): readonly DateKind[] {
  return owner.contactId || owner.familyMemberId ? PERSONAL_KINDS : ACCOUNT_KINDS;
}

interface DateFormValues {
  kind: DateKind;
  label?: string | null;
  calendar: CalendarKind;
  month?: number;
  day?: number;
  isLeapMonth?: boolean;
  year?: number | null;
  leadDays?: number | null;
}

/** The most days a Gregorian month can have in any year (29 February included). */
const GREGORIAN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const dayNumbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

function yearlyDateOf(values: Partial<DateFormValues>): YearlyDate | null {
  if (!values.calendar || !values.month || !values.day) return null;
  return {
    calendar: values.calendar,
    month: values.month,
    day: values.day,
    isLeapMonth: values.calendar === 'lunar' && Boolean(values.isLeapMonth),
    year: values.year ?? null,
  };
}

export interface ImportantDateFormProps {
  open: boolean;
  onClose: () => void;
  owner: DateOwner;
  /** whose date it is (the account, contact or family member), named in the title */
  ownerName: string;
  /** the date to edit; omitted to create a new one */
  date?: ImportantDate;
}

export function ImportantDateForm({ open, onClose, owner, ownerName, date }: ImportantDateFormProps) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<DateFormValues>();
  const mutate = useMutation();
  const locale = useDateFnsLocale();
  const language = useLanguage();
  const kinds = dateKindsFor(date ?? owner);

  const watched = Form.useWatch([], form) as Partial<DateFormValues> | undefined;
  const values: Partial<DateFormValues> = watched ?? {};
  const calendar = values.calendar ?? date?.calendar ?? 'gregorian';
  const yearly = yearlyDateOf({ ...values, calendar });
  const problem = yearly ? validateYearlyDate(yearly) : null;
  const problemFor = (field: 'month' | 'day' | 'isLeapMonth' | 'year') =>
    problem?.field === field ? { validateStatus: 'error' as const, help: tCommon(problem.messageKey) } : {};

  const monthOptions = useMemo(
    () =>
      MONTHS.map((m) => ({
        value: m,
        label: calendar === 'lunar' ? lunarMonthName(m, false, language) : format(new Date(2000, m - 1, 1), 'LLLL', { locale }),
      })),
    [calendar, language, locale],
  );
  const dayOptions = useMemo(() => {
    const count = calendar === 'lunar' ? 30 : (GREGORIAN_MONTH_MAX[(values.month ?? 1) - 1] ?? 31);
    return dayNumbers(count).map((d) => ({ value: d, label: calendar === 'lunar' ? lunarDayName(d, language) : String(d) }));
  }, [calendar, values.month, language]);

  const knownLeapMonth = calendar === 'lunar' && values.year ? leapMonthOf(values.year) : 0;

  const initialValues: DateFormValues = date
    ? { ...date }
    : { kind: kinds[0]!, calendar: 'gregorian', isLeapMonth: false, year: null, leadDays: null, label: null };

  const save = async (submitted: DateFormValues) => {
    const checked = yearlyDateOf(submitted);
    if (!checked || validateYearlyDate(checked)) return; // the live message already says what is wrong
    const fields = { kind: submitted.kind, label: submitted.label ?? null, leadDays: submitted.leadDays ?? null, ...checked };
    try {
      if (date) await mutate((api) => api['dates.update']({ id: date.id, patch: fields }));
      else
        await mutate((api) =>
          api['dates.create']({ accountId: owner.accountId, contactId: owner.contactId ?? null, familyMemberId: owner.familyMemberId ?? null, ...fields }),
        );
      onClose();
    } catch (error) {
      applyApiErrorToForm(form, error, tCommon);
      throw error;
    }
  };

  return (
    <FormModal<DateFormValues>
      open={open}
      title={t(date ? 'dates.editTitleOf' : 'dates.newTitleFor', { name: ownerName })}
      form={form}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={save}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="kind" label={t('dates.kind')} rules={[{ required: true, message: tCommon('validation.required') }]}>
            <Select options={kinds.map((k) => ({ value: k, label: tCommon(`enum.dateKind.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="label"
            label={t('dates.label')}
            dependencies={['kind']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: string | null | undefined) =>
                  getFieldValue('kind') === 'custom' && !value?.trim()
                    ? Promise.reject(new Error(tCommon('validation.labelRequired')))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="calendar" label={t('dates.calendar')}>
        <Radio.Group
          optionType="button"
          options={CALENDARS.map((c) => ({ value: c, label: tCommon(`enum.calendar.${c}`) }))}
          onChange={() => form.setFieldsValue({ day: undefined, isLeapMonth: false })}
        />
      </Form.Item>
      <Row gutter={12} align="bottom">
        <Col span={calendar === 'lunar' ? 7 : 9}>
          <Form.Item name="month" label={t('dates.month')} rules={[{ required: true, message: tCommon('validation.required') }]} {...problemFor('month')}>
            <Select options={monthOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        {calendar === 'lunar' && (
          <Col span={5}>
            <Form.Item name="isLeapMonth" valuePropName="checked" {...problemFor('isLeapMonth')}>
              <Checkbox>{t('dates.leapMonth')}</Checkbox>
            </Form.Item>
          </Col>
        )}
        <Col span={calendar === 'lunar' ? 6 : 7}>
          <Form.Item name="day" label={t('dates.day')} rules={[{ required: true, message: tCommon('validation.required') }]} {...problemFor('day')}>
            <Select options={dayOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col span={calendar === 'lunar' ? 6 : 8}>
          <Form.Item
            name="year"
            label={t(calendar === 'lunar' ? 'dates.lunarYear' : 'dates.year')}
            tooltip={t('dates.yearOptional')}
            {...problemFor('year')}
          >
            <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {knownLeapMonth > 0 && (
        <Typography.Paragraph type="secondary">
          {t('dates.leapMonthOfYear', { year: values.year, month: lunarMonthName(knownLeapMonth, true, language) })}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph aria-live="polite">
        {yearly && !problem ? <NextOccurrence date={yearly} kind={values.kind} /> : null}
      </Typography.Paragraph>
      <Form.Item name="leadDays" label={t('dates.leadDays')} extra={t('dates.leadDaysHint')}>
        <InputNumber min={0} max={60} precision={0} />
      </Form.Item>
    </FormModal>
  );
}
