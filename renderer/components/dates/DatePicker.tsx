/**
 * Ant Design pickers on date-fns (the app's one date library) instead of antd's default dayjs.
 * The picker's locale comes from antd's ConfigProvider (zh_CN / en_US), which the date-fns config maps to
 * date-fns' zhCN / enUS.
 */
import type { ComponentProps } from 'react';
import { DatePicker as AntDatePicker } from 'antd';
import dateFnsGenerateConfig from '@rc-component/picker/generate/dateFns';

/** A calendar-day picker whose value is a JavaScript `Date`. */
export const DatePicker = AntDatePicker.generatePicker<Date>(dateFnsGenerateConfig);

export type DatePickerProps = ComponentProps<typeof DatePicker>;

/** A day-and-time picker (minutes, no seconds) for planned and completed visits. */
export function DateTimePicker(props: Omit<DatePickerProps, 'showTime'>) {
  return <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="yyyy-MM-dd HH:mm" {...props} />;
}
