/**
 * Ant Design pickers on date-fns (the app's one date library) instead of antd's default dayjs.
 * The picker's locale comes from antd's ConfigProvider (zh_CN / en_US), which the date-fns config maps to
 * date-fns' zhCN / enUS.
 *
 * Inside a form, Enter in a text field submits it (the browser's implicit submission). While the picker's
 * calendar is open, Enter belongs to the picker — it takes the typed or highlighted date — so it is kept
 * from reaching the form; Esc likewise only closes the calendar, not the dialog around it.
 */
import { useState, type ComponentProps, type KeyboardEvent } from 'react';
import { DatePicker as AntDatePicker } from 'antd';
import dateFnsGenerateConfig from '@rc-component/picker/generate/dateFns';

const BasePicker = AntDatePicker.generatePicker<Date>(dateFnsGenerateConfig);

export type DatePickerProps = ComponentProps<typeof BasePicker>;

/** A calendar-day picker whose value is a JavaScript `Date`. */
function DayPicker({ onOpenChange, onKeyDown, ...props }: DatePickerProps) {
  const [open, setOpen] = useState(false);
  return (
    <BasePicker
      {...props}
      onOpenChange={(next) => {
        setOpen(next);
        onOpenChange?.(next);
      }}
      onKeyDown={(event: KeyboardEvent<HTMLElement>, preventDefault: () => void) => {
        if (open && event.key === 'Enter') event.preventDefault();
        if (open && event.key === 'Escape') event.stopPropagation();
        onKeyDown?.(event, preventDefault);
      }}
    />
  );
}

/** The day picker, with antd's range picker beside it as `DatePicker.RangePicker`. */
export const DatePicker = Object.assign(DayPicker, { RangePicker: BasePicker.RangePicker });

/** A day-and-time picker (minutes, no seconds) for planned and completed visits. */
export function DateTimePicker(props: Omit<DatePickerProps, 'showTime'>) {
  return <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format="yyyy-MM-dd HH:mm" {...props} />;
}
