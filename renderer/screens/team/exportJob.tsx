/**
 * One export job as the screens show it: started in the host, its progress polled until it ends, with
 * Cancel, and the file offered as a download (browser mode) or shown by its path (desktop).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import type { ApiInput, ExportJobView } from '../../../core/api/contract.js';
import { useApi } from '../../api/ApiContext.js';
import { downloadExport } from '../../api/client.js';

export const POLL_INTERVAL_MS = 500;


export interface ExportJob {
  job: ExportJobView | null;
  running: boolean;
  startFailed: boolean;
  start(input: ApiInput<'exports.start'>): Promise<void>;
  cancel(): Promise<void>;
}

export function useExportJob(): ExportJob {
  const api = useApi();
  const [job, setJob] = useState<ExportJobView | null>(null);
  const [startFailed, setStartFailed] = useState(false);

  useEffect(() => {
    if (!job || job.state !== 'running') return undefined;
    const timer = setTimeout(() => {
      api['exports.status']({ jobId: job.jobId }).then(setJob, () => setJob({ ...job, state: 'failed', error: 'export.errors.failed' }));
    }, POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [api, job]);

  return {
    job,
    running: job?.state === 'running',
    startFailed,
    start: async (input) => {
      setStartFailed(false);
      try {
        const { jobId } = await api['exports.start'](input);
        setJob({ jobId, kind: input.kind, format: input.format, state: 'running', done: 0, total: 0, file: null, error: null });
      } catch {
        setStartFailed(true);
      }
    },
    cancel: async () => {
      if (job) setJob(await api['exports.cancel']({ jobId: job.jobId }));
    },
  };
}

/** The job's progress bar and Cancel while it runs, then what came of it. */
export function ExportJobStatus({ job, running, startFailed, cancel }: ExportJob) {
  const { t } = useTranslation('team');
  const [downloadFailed, setDownloadFailed] = useState(false);
  const percent = job && job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
  // Browser mode downloads through the host's file route; the desktop app shows where the file is.
  const downloadable = !window.rounds;
  return (
    <>
      {startFailed && <Alert type="error" showIcon message={t('export.errors.failed')} />}
      {running && job && (
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
            downloadable ? (
              <Button type="link" style={{ padding: 0 }} onClick={() => void downloadExport(job.file!.name).catch(() => setDownloadFailed(true))}>
                {t('export.download')}
              </Button>
            ) : (
              <Typography.Text copyable>{job.file.path}</Typography.Text>
            )
          }
        />
      )}
      {downloadFailed && <Alert type="error" showIcon message={t('export.errors.downloadFailed')} />}
      {job?.state === 'cancelled' && <Alert type="info" showIcon message={t('export.cancelled')} />}
      {job?.state === 'failed' && <Alert type="error" showIcon message={t(job.error ?? 'export.errors.failed')} />}
    </>
  );
}
