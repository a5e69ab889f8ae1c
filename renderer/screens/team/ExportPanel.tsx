/**
 * Export buttons (CSV, XLSX, PDF, iCalendar) for the chosen period and reps. Each export runs as a
 * background job in the host: a progress bar polls its status, Cancel stops it, and when it is done
 * the file is offered as a download (browser mode) or shown by its path (desktop).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, Progress, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ExportJobFormat, ExportJobKind, ExportJobView, ReportPeriodRequest } from '../../../core/api/contract.js';
import { useApi } from '../../api/ApiContext.js';
import { useLanguage } from '../../i18n/index.js';

export const POLL_INTERVAL_MS = 500;

const EXPORT_BUTTONS: Array<{ kind: ExportJobKind; format: ExportJobFormat }> = [
  { kind: 'visits', format: 'csv' },
  { kind: 'visits', format: 'xlsx' },
  { kind: 'report', format: 'pdf' },
  { kind: 'report', format: 'xlsx' },
  { kind: 'calendar', format: 'ics' },
];

/** Browser mode downloads through the host's file route; the token rides in the query because a link cannot set headers. */
function downloadUrl(name: string): string | null {
  if (window.rounds) return null;
  const token = sessionStorage.getItem('rounds.token') ?? '';
  return `/files/exports/${encodeURIComponent(name)}?token=${encodeURIComponent(token)}`;
}

export function ExportPanel({ period, ownerIds }: { period: ReportPeriodRequest; ownerIds?: Array<string | null> }) {
  const { t } = useTranslation('team');
  const api = useApi();
  const language = useLanguage();
  const [job, setJob] = useState<ExportJobView | null>(null);
  const [startFailed, setStartFailed] = useState(false);
  const running = job?.state === 'running';

  useEffect(() => {
    if (!job || job.state !== 'running') return undefined;
    const timer = setTimeout(() => {
      api['exports.status']({ jobId: job.jobId }).then(setJob, () => setJob({ ...job, state: 'failed', error: 'export.errors.failed' }));
    }, POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [api, job]);

  const start = async (kind: ExportJobKind, format: ExportJobFormat) => {
    setStartFailed(false);
    try {
      const { jobId } = await api['exports.start']({ kind, format, period, language, ...(ownerIds ? { ownerIds } : {}) });
      setJob({ jobId, kind, format, state: 'running', done: 0, total: 0, file: null, error: null });
    } catch {
      setStartFailed(true);
    }
  };
  const cancel = async () => {
    if (job) setJob(await api['exports.cancel']({ jobId: job.jobId }));
  };

  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  const url = job?.file ? downloadUrl(job.file.name) : null;
  return (
    <Flex vertical gap={8}>
      <Space wrap role="group" aria-label={t('export.label')}>
        {EXPORT_BUTTONS.map(({ kind, format }) => (
          <Button key={`${kind}-${format}`} icon={<DownloadOutlined aria-hidden />} disabled={running} onClick={() => void start(kind, format)}>
            {t(`export.button.${kind}_${format}`)}
          </Button>
        ))}
      </Space>
      {startFailed && <Alert type="error" showIcon message={t('export.errors.failed')} />}
      {running && (
        <Flex gap={12} align="center">
          <Progress percent={percent} status="active" style={{ flex: 1, maxWidth: 420 }} aria-label={t('export.progress')} />
          <Typography.Text type="secondary" aria-live="polite">
            {t('export.rows', { done: job.done, total: job.total })}
          </Typography.Text>
          <Button onClick={() => void cancel()}>{t('export.cancel')}</Button>
        </Flex>
      )}
      {job?.state === 'done' && job.file && (
        <Alert
          type="success"
          showIcon
          message={t('export.done', { name: job.file.name })}
          description={
            url ? (
              <a href={url} download={job.file.name}>
                {t('export.download')}
              </a>
            ) : (
              <Typography.Text copyable>{job.file.path}</Typography.Text>
            )
          }
        />
      )}
      {job?.state === 'cancelled' && <Alert type="info" showIcon message={t('export.cancelled')} />}
      {job?.state === 'failed' && <Alert type="error" showIcon message={t(job.error ?? 'export.errors.failed')} />}
    </Flex>
  );
}
