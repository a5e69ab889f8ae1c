/**
 * The calendar export's choices: whose and which period, what the calendar holds (the team's planned
 * visits, the contacts' important dates, festivals), and one file for all or one file per rep (a zip).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Checkbox, Flex, Modal, Typography } from 'antd';
import type { CalendarExportChoices, ReportPeriodRequest } from '../../../core/api/contract.js';
import type { CalendarDay } from '../../../core/calendar/day.js';
import { PeriodPicker } from './PeriodPicker.js';

const CONTENTS = ['visits', 'dates', 'festivals'] as const;

export interface CalendarExportDialogProps {
  open: boolean;
  /** the Team screen's period, where the dialog starts */
  period: ReportPeriodRequest;
  today: CalendarDay;
  onClose: () => void;
  onExport: (period: ReportPeriodRequest, choices: CalendarExportChoices) => void;
}

export function CalendarExportDialog({ open, period: initialPeriod, today, onClose, onExport }: CalendarExportDialogProps) {
  const { t } = useTranslation('team');
  const [period, setPeriod] = useState(initialPeriod);
  const [choices, setChoices] = useState<CalendarExportChoices>({ visits: true, dates: true, festivals: false, perRep: false });
  const nothingChosen = !choices.visits && !choices.dates && !choices.festivals;
  return (
    <Modal
      open={open}
      title={t('export.calendarDialog.title')}
      okText={t('export.calendarDialog.start')}
      cancelText={t('export.calendarDialog.close')}
      okButtonProps={{ disabled: nothingChosen }}
      onCancel={onClose}
      onOk={() => onExport(period, choices)}
      afterOpenChange={(visible) => {
        if (visible) setPeriod(initialPeriod);
      }}
      width={640}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('export.calendarDialog.intro')}</Typography.Text>
        <Typography.Text>{t('export.calendarDialog.whose', { reps: t('export.calendarDialog.wholeTeam') })}</Typography.Text>
        <Flex vertical gap={8} role="group" aria-label={t('export.calendarDialog.period')}>
          <Typography.Text strong>{t('export.calendarDialog.period')}</Typography.Text>
          <PeriodPicker value={period} onChange={setPeriod} today={today} />
        </Flex>
        <Flex vertical gap={8} role="group" aria-label={t('export.calendarDialog.include')}>
          <Typography.Text strong>{t('export.calendarDialog.include')}</Typography.Text>
          {CONTENTS.map((content) => (
            <Checkbox key={content} checked={choices[content]} onChange={(event) => setChoices({ ...choices, [content]: event.target.checked })}>
              {t(`export.calendarDialog.${content}`)}
            </Checkbox>
          ))}
          {nothingChosen && <Alert type="warning" showIcon message={t('export.calendarDialog.nothingChosen')} />}
        </Flex>
        <Checkbox checked={choices.perRep} onChange={(event) => setChoices({ ...choices, perRep: event.target.checked })}>
          {t('export.calendarDialog.perRep')}
        </Checkbox>
      </Flex>
    </Modal>
  );
}
