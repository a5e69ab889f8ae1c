/**
 * Background exports: each runs in its own worker thread and is tracked here by id, so the API can
 * start one, poll its progress and cancel it while the host goes on answering other calls.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ExportJobView } from '../../core/api/contract.js';
import type { ExportJobRequest, HostToWorker, WorkerToHost } from './protocol.js';
import { exportWorkerLaunch } from './workerLaunch.js';

export const EXPORTS_FOLDER = 'exports';

const WORKER_LAUNCH = exportWorkerLaunch(import.meta.url);

/** i18n keys (`team` namespace) of why a job failed. */
export const EXPORT_FAILURES = { crashed: 'export.errors.crashed', failed: 'export.errors.failed', noCjkFont: 'export.errors.noCjkFont', diskFull: 'export.errors.diskFull' } as const;

interface Job {
  view: ExportJobView;
  worker: Worker;
}

export interface ExportJobsOptions {
  /** called with the detail of a failure the user only sees as a translated key */
  log?: (message: string) => void;
}

export function exportsDirIn(dataDir: string): string {
  return path.join(dataDir, EXPORTS_FOLDER);
}

export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly options: ExportJobsOptions = {}) {}

  start(request: ExportJobRequest, kind: ExportJobView['kind']): string {
    const jobId = crypto.randomUUID();
    fs.mkdirSync(path.dirname(request.out), { recursive: true });
    const worker = new Worker(WORKER_LAUNCH.file, { workerData: { entry: WORKER_LAUNCH.entry, request } });
    const view: ExportJobView = { jobId, kind, format: request.format, state: 'running', done: 0, total: 0, file: null, error: null };
    const finish = (patch: Partial<ExportJobView>) => {
      if (view.state === 'running') Object.assign(view, patch);
    };
    worker.on('message', (message: WorkerToHost) => {
      switch (message.type) {
        case 'progress':
          if (view.state === 'running') Object.assign(view, { done: message.done, total: message.total });
          return;
        case 'done':
          return finish({ state: 'done', done: Math.max(view.total, message.rows), total: Math.max(view.total, message.rows), file: { name: path.basename(request.out), path: request.out } });
        case 'cancelled':
          return finish({ state: 'cancelled' });
        case 'failed':
          this.options.log?.(`[rounds] export ${jobId} failed: ${message.error}`);
          return finish({ state: 'failed', error: EXPORT_FAILURES[message.reason] });
      }
    });
    worker.on('error', (error) => {
      this.options.log?.(`[rounds] export worker ${jobId} crashed: ${error.stack ?? error.message}`);
      finish({ state: 'failed', error: EXPORT_FAILURES.crashed });
    });
    worker.on('exit', () => finish({ state: 'failed', error: EXPORT_FAILURES.crashed }));
    this.jobs.set(jobId, { view, worker });
    return jobId;
  }

  status(jobId: string): ExportJobView | undefined {
    const job = this.jobs.get(jobId);
    return job && { ...job.view };
  }

  /** Asks the worker to stop; the job reads `cancelled` once its temp file is gone. */
  cancel(jobId: string): ExportJobView | undefined {
    const job = this.jobs.get(jobId);
    if (job?.view.state === 'running') job.worker.postMessage({ type: 'cancel' } satisfies HostToWorker);
    return this.status(jobId);
  }

  /** Resolves when the job has finished, whatever its outcome. */
  async settled(jobId: string): Promise<ExportJobView | undefined> {
    const job = this.jobs.get(jobId);
    if (job && job.view.state === 'running') await new Promise((resolve) => job.worker.once('exit', resolve));
    return this.status(jobId);
  }
}
