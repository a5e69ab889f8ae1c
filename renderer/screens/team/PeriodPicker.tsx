/** The report period: this month, quarter, half-year or year (月报 季报 半年报 年报), or a custom range. */
import { useTranslation } from 'react-i18next';
import { Segmented, Space } from 'antd';
import { format, parseISO } from 'date-fns';
import type { ReportPeriodRequest } from '../../../core/api/contract.js';
import { PERIOD_PRESETS } from '../../../core/reports/period.js';
import { DatePicker } from '../../components/dates/DatePicker.js';

const PERIOD_CHOICES = [...PERIOD_PRESETS, 'custom'] as const;
const toDay = (date: Date) => format(date, 'yyyy-MM-dd');

export function PeriodPicker({ value, onChange, today }: { value: ReportPeriodRequest; onChange: (next: ReportPeriodRequest) => void; today: string }) {
  const { t } = useTranslation('team');
  return (
    <Space wrap>
      <Segmented
        aria-label={t('period.label')}
        value={value.preset}
        options={PERIOD_CHOICES.map((preset) => ({ value: preset, label: t(`period.${preset}`) }))}
        onChange={(preset) => onChange(preset === 'custom' ? { preset, from: today.slice(0, 8) + '01', to: today } : { preset })}
      />
      {value.preset === 'custom' && (
        <DatePicker.RangePicker
          aria-label={t('period.range')}
          allowClear={false}
          value={[parseISO(value.from), parseISO(value.to)]}
          onChange={(range) => {
            if (range?.[0] && range[1]) onChange({ preset: 'custom', from: toDay(range[0]), to: toDay(range[1]) });
          }}
        />
      )}
    </Space>
  );
}
