/**
 * The report period: a month, quarter, half-year or year (月报 季报 半年报 年报) stepped back and forth
 * from the current one, or a custom range; the chosen period is named beside the arrows.
 */
import { useTranslation } from 'react-i18next';
import { Button, Segmented, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { format, parseISO } from 'date-fns';
import type { ReportPeriodRequest } from '../../../core/api/contract.js';
import { addDays, type CalendarDay } from '../../../core/calendar/day.js';
import { customPeriod, presetPeriod, previousPeriod, PERIOD_PRESETS, type PeriodPreset, type ReportPeriod } from '../../../core/reports/period.js';
import { DatePicker } from '../../components/dates/DatePicker.js';
import { useDateFnsLocale } from '../../i18n/index.js';

const PERIOD_CHOICES = [...PERIOD_PRESETS, 'custom'] as const;
const toDay = (date: Date) => format(date, 'yyyy-MM-dd');

/** The days a period request stands for, presets counted from `today` unless they name a day. */
export function resolvePeriod(value: ReportPeriodRequest, today: CalendarDay): ReportPeriod {
  return value.preset === 'custom' ? customPeriod(value.from, value.to) : presetPeriod(value.preset, value.day ?? today);
}

/** "January 2026" ("Jan 2026" when `short`), "2026年第1季度", …: a preset period by its name. */
export function usePeriodName(short = false): (period: ReportPeriod) => string {
  const { t } = useTranslation('team');
  const locale = useDateFnsLocale();
  return (period) => {
    if (period.preset === 'month') return format(parseISO(period.from), t(short ? 'period.monthFormatShort' : 'period.monthFormat'), { locale });
    return t(`period.name.${period.preset}`, { year: period.year, index: period.index, half: t(`period.half.${period.index}`) });
  };
}

export function PeriodPicker({ value, onChange, today }: { value: ReportPeriodRequest; onChange: (next: ReportPeriodRequest) => void; today: CalendarDay }) {
  const { t } = useTranslation('team');
  const periodName = usePeriodName();
  const period = resolvePeriod(value, today);
  const step = (preset: PeriodPreset, day: CalendarDay) => onChange(day === presetPeriod(preset, today).from ? { preset } : { preset, day });
  return (
    <Space wrap size={12}>
      <Segmented
        aria-label={t('period.label')}
        value={value.preset}
        options={PERIOD_CHOICES.map((preset) => ({ value: preset, label: t(`period.${preset}`) }))}
        onChange={(preset) => onChange(preset === 'custom' ? { preset, from: period.from, to: period.to } : { preset })}
      />
      {value.preset === 'custom' ? (
        <DatePicker.RangePicker
          aria-label={t('period.range')}
          allowClear={false}
          value={[parseISO(value.from), parseISO(value.to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) onChange({ preset: 'custom', from: toDay(range[0]), to: toDay(range[1]) });
          }}
        />
      ) : (
        <Space size={4} role="group" aria-label={t('period.step')}>
          <Button
            icon={<LeftOutlined aria-hidden />}
            aria-label={t(`period.previous.${value.preset}`)}
            title={t(`period.previous.${value.preset}`)}
            onClick={() => step(value.preset, previousPeriod({ ...period, preset: value.preset }).from)}
          />
          <Typography.Text strong aria-live="polite" style={{ minWidth: 120, display: 'inline-block', textAlign: 'center' }}>
            {periodName(period)}
          </Typography.Text>
          <Button
            icon={<RightOutlined aria-hidden />}
            aria-label={t(`period.next.${value.preset}`)}
            title={t(`period.next.${value.preset}`)}
            disabled={period.to >= today}
            onClick={() => step(value.preset, addDays(period.to, 1))}
          />
        </Space>
      )}
    </Space>
  );
}
