/**
 * Export buttons (CSV, XLSX, PDF, iCalendar) for the chosen period and reps. Each export runs as a
 * background job in the host (`exportJob.tsx`); the calendar first asks what it should hold.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Flex, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ExportJobFormat, ExportJobKind, ReportPeriodRequest } from '../../../core/api/contract.js';
import { useQuery } from '../../api/useQuery.js';
import { useLanguage } from '../../i18n/index.js';
import { CalendarExportDialog } from './CalendarExportDialog.js';
import { ExportJobStatus, useExportJob } from './exportJob.js';

const EXPORT_BUTTONS: Array<{ kind: ExportJobKind; format: ExportJobFormat }> = [
  { kind: 'visits', format: 'csv' },
  { kind: 'visits', format: 'xlsx' },
  { kind: 'report', format: 'pdf' },
  { kind: 'report', format: 'xlsx' },
  { kind: 'calendar', format: 'ics' },
];

export function ExportPanel({ period, ownerIds }: { period: ReportPeriodRequest; ownerIds?: Array<string | null> }) {
  const { t } = useTranslation('team');
  const language = useLanguage();
  const exportJob = useExportJob();
  const [calendarOpen, setCalendarOpen] = useState(false);
  const info = useQuery((api) => api['app.info'](undefined), []);
  const today = info.data?.today ?? new Date().toISOString().slice(0, 10);
  return (
    <Flex vertical gap={8}>
      <Space wrap role="group" aria-label={t('export.label')}>
        {EXPORT_BUTTONS.map(({ kind, format }) => (
          <Button
            key={`${kind}-${format}`}
            icon={<DownloadOutlined aria-hidden />}
            disabled={exportJob.running}
            onClick={() => (kind === 'calendar' ? setCalendarOpen(true) : void exportJob.start({ kind, format, period, language, ...(ownerIds ? { ownerIds } : {}) }))}
          >
            {t(`export.button.${kind}_${format}`)}
          </Button>
        ))}
      </Space>
      <ExportJobStatus {...exportJob} />
      <CalendarExportDialog
        open={calendarOpen}
        period={period}
        today={today}
        onClose={() => setCalendarOpen(false)}
        onExport={(chosenPeriod, calendar) => {
          setCalendarOpen(false);
          void exportJob.start({ kind: 'calendar', format: 'ics', period: chosenPeriod, language, calendar, ...(ownerIds ? { ownerIds } : {}) });
        }}
      />
    </Flex>
  );
}
