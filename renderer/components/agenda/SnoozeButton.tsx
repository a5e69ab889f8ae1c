import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Dropdown, Form } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { addDays } from '../../../core/calendar/index.js';
import { useMutation } from '../../api/useQuery.js';
import { DatePicker } from '../dates/DatePicker.js';
import { dateOfDay, dayOfDate } from '../dates/useDateText.js';
import { FormModal } from '../log/FormModal.js';

/** Hides an agenda item until tomorrow, next week or a chosen day (`agenda.snooze`); it shows again on that day. */
export function SnoozeButton({ itemKey, today }: { itemKey: string; today: string }) {
  const { t } = useTranslation('today');
  const mutate = useMutation();
  const [picking, setPicking] = useState(false);
  const snooze = (untilDay: string) => mutate((api) => api['agenda.snooze']({ key: itemKey, untilDay }));

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'tomorrow', label: t('snooze.tomorrow') },
            { key: 'nextWeek', label: t('snooze.nextWeek') },
            { key: 'pick', label: t('snooze.pick') },
          ],
          onClick: ({ key }) => {
            if (key === 'pick') setPicking(true);
            else void snooze(addDays(today, key === 'tomorrow' ? 1 : 7)).catch(() => undefined);
          },
        }}
      >
        <Button size="small" icon={<ClockCircleOutlined aria-hidden />}>
          {t('action.snooze')}
        </Button>
      </Dropdown>
      {picking && <SnoozeUntilDialog today={today} onClose={() => setPicking(false)} onSnooze={snooze} />}
    </>
  );
}

function SnoozeUntilDialog({ today, onClose, onSnooze }: { today: string; onClose: () => void; onSnooze: (day: string) => Promise<unknown> }) {
  const { t } = useTranslation('today');
  const { t: tCommon } = useTranslation('common');
  const [form] = Form.useForm<{ until: Date }>();
  const tomorrow = dateOfDay(addDays(today, 1));
  return (
    <FormModal<{ until: Date }>
      open
      title={t('snooze.pickTitle')}
      form={form}
      width={400}
      initialValues={{ until: tomorrow }}
      onClose={onClose}
      onSubmit={async ({ until }) => {
        await onSnooze(dayOfDate(until));
        onClose();
      }}
    >
      <Form.Item name="until" label={t('snooze.until')} rules={[{ required: true, message: tCommon('validation.required') }]}>
        <DatePicker style={{ width: '100%' }} allowClear={false} disabledDate={(date) => date < tomorrow} />
      </Form.Item>
    </FormModal>
  );
}
