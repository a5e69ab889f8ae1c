import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { App, Button, Dropdown, Form } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { AgendaItem, RevisitItem } from '../../../core/agenda/types.js';
import { addDays } from '../../../core/calendar/index.js';
import { useMutation } from '../../api/useQuery.js';
import { DatePicker } from '../dates/DatePicker.js';
import { dateOfDay, dayOfDate, useDateText } from '../dates/useDateText.js';
import { FormModal } from '../log/FormModal.js';
import { useUndoOffer } from '../undo/Undo.js';
import { useAgendaText } from './useAgendaText.js';

/** An A-tier account already past its maximum gap: snoozing it asks once. */
export function needsSnoozeConfirm(item: AgendaItem): item is RevisitItem {
  return item.kind === 'revisit_overdue' && item.tier === 'A' && item.daysOverdue > 0;
}

/**
 * Hides an agenda item until tomorrow, next week or a chosen day (`agenda.snooze`); it shows again on
 * that day. Then Undo (`agenda.unsnooze`) is offered; an A-tier account past its maximum gap asks first.
 */
export function SnoozeButton({ item, today }: { item: AgendaItem; today: string }) {
  const { t } = useTranslation('today');
  const { t: tCommon } = useTranslation('common');
  const { modal } = App.useApp();
  const mutate = useMutation();
  const offerUndo = useUndoOffer();
  const dates = useDateText();
  const describe = useAgendaText();
  const [picking, setPicking] = useState(false);
  const key = item.key;
  const snoozeNow = async (untilDay: string) => {
    await mutate((api) => api['agenda.snooze']({ key, untilDay }));
    offerUndo({
      text: tCommon('undo.snoozed', { day: dates.day(untilDay), what: describe(item).what, account: item.accountName }),
      undo: (api) => api['agenda.unsnooze']({ key }),
    });
  };
  const snooze = async (untilDay: string) => {
    if (needsSnoozeConfirm(item)) {
      const confirmed = await modal.confirm({
        title: t('snooze.confirmTitle', { account: item.accountName }),
        content: t('snooze.confirmBody', { account: item.accountName, count: item.daysOverdue, maximum: item.gap.maximum }),
        okText: t('snooze.confirmOk'),
        cancelText: tCommon('actions.cancel'),
      });
      if (!confirmed) return;
    }
    await snoozeNow(untilDay);
  };

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
