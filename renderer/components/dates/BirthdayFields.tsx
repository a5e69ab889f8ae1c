/**
 * A new contact's birthday inside the contact form (optional): calendar (Gregorian or lunar), month, leap
 * month for lunar, day and year. Checked live with the calendar core's `validateYearlyDate`; the next
 * occurrence shows as the rep picks. The form's values sit under `birthday`.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Checkbox, Col, Form, InputNumber, Radio, Row, Select, Typography, type FormInstance } from 'antd';
import { format } from 'date-fns';
import { CALENDARS, type CalendarKind } from '../../../core/model/enums.js';
import type { YearlyDate } from '../../../core/model/schemas.js';
import { lunarDayName, lunarMonthName, validateYearlyDate } from '../../../core/calendar/index.js';
import { useDateFnsLocale, useLanguage } from '../../i18n/index.js';
import { NextOccurrence } from './NextOccurrence.js';

export interface BirthdayValues {
  calendar?: CalendarKind;
  month?: number | null;
  day?: number | null;
  isLeapMonth?: boolean;
  year?: number | null;
}

/** The most days a Gregorian month can have in any year (29 February included). */
const GREGORIAN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The birthday to save, or null when month and day are not both given. */
export function birthdayOf(values: BirthdayValues | undefined): YearlyDate | null {
  if (!values?.month || !values.day) return null;
  const calendar = values.calendar ?? 'gregorian';
  return { calendar, month: values.month, day: values.day, isLeapMonth: calendar === 'lunar' && Boolean(values.isLeapMonth), year: values.year ?? null };
}

export function BirthdayFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const locale = useDateFnsLocale();
  const language = useLanguage();
  const values = (Form.useWatch('birthday', form) as BirthdayValues | undefined) ?? {};
  const calendar = values.calendar ?? 'gregorian';
  const birthday = birthdayOf(values);
  const problem = birthday ? validateYearlyDate(birthday) : null;
  const problemFor = (field: 'month' | 'day' | 'isLeapMonth' | 'year') =>
    problem?.field === field ? { validateStatus: 'error' as const, help: tCommon(problem.messageKey) } : {};
  const halfGiven = Boolean(values.month) !== Boolean(values.day);

  const monthOptions = useMemo(
    () =>
      Array.from({ length: 12 }, (_, i) => i + 1).map((m) => ({
        value: m,
        label: calendar === 'lunar' ? lunarMonthName(m, false, language) : format(new Date(2000, m - 1, 1), 'LLLL', { locale }),
      })),
    [calendar, language, locale],
  );
  const dayOptions = useMemo(() => {
    const count = calendar === 'lunar' ? 30 : (GREGORIAN_MONTH_MAX[(values.month ?? 1) - 1] ?? 31);
    return Array.from({ length: count }, (_, i) => i + 1).map((d) => ({ value: d, label: calendar === 'lunar' ? lunarDayName(d, language) : String(d) }));
  }, [calendar, values.month, language]);

  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} aria-label={t('contacts.birthday')}>
      <Form.Item label={t('contacts.birthday')} extra={t('contacts.birthdayHint')} style={{ marginBottom: 8 }}>
        <Form.Item name={['birthday', 'calendar']} noStyle initialValue="gregorian">
          <Radio.Group
            optionType="button"
            options={CALENDARS.map((c) => ({ value: c, label: tCommon(`enum.calendar.${c}`) }))}
            onChange={() => {
              // a Gregorian day number means nothing in the lunar calendar, and back
              form.setFieldValue(['birthday', 'day'], undefined);
              form.setFieldValue(['birthday', 'isLeapMonth'], false);
            }}
          />
        </Form.Item>
      </Form.Item>
      <Row gutter={12} align="bottom">
        <Col span={calendar === 'lunar' ? 7 : 9}>
          <Form.Item name={['birthday', 'month']} label={t('dates.month')} {...problemFor('month')} {...(halfGiven && !values.month ? { validateStatus: 'warning' as const, help: tCommon('validation.required') } : {})}>
            <Select allowClear options={monthOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        {calendar === 'lunar' && (
          <Col span={5}>
            <Form.Item name={['birthday', 'isLeapMonth']} valuePropName="checked" {...problemFor('isLeapMonth')}>
              <Checkbox>{t('dates.leapMonth')}</Checkbox>
            </Form.Item>
          </Col>
        )}
        <Col span={calendar === 'lunar' ? 6 : 7}>
          <Form.Item name={['birthday', 'day']} label={t('dates.day')} {...problemFor('day')} {...(halfGiven && !values.day ? { validateStatus: 'warning' as const, help: tCommon('validation.required') } : {})}>
            <Select allowClear options={dayOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col span={calendar === 'lunar' ? 6 : 8}>
          <Form.Item name={['birthday', 'year']} label={t(calendar === 'lunar' ? 'dates.lunarYear' : 'dates.year')} tooltip={t('dates.yearOptional')} {...problemFor('year')}>
            <InputNumber min={1900} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      {birthday && !problem && (
        <Typography.Paragraph aria-live="polite" type="secondary">
          <NextOccurrence date={birthday} kind="birthday" />
        </Typography.Paragraph>
      )}
    </fieldset>
  );
}
