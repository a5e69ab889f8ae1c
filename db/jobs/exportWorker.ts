/**
 * The export worker thread: opens its own read-only connection (WAL lets it read while the host
 * writes), writes one export and reports progress, so the host keeps answering during a long export.
 * A `cancel` message aborts it; the exporter then removes its temp file and nothing is left behind.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { connect } from '../connection.js';
import { ExportAbortedError } from '../export/job.js';
import { exportToFile } from '../export/run.js';
import { failureOf } from './failure.js';
import type { ExportJobRequest, HostToWorker, WorkerToHost } from './protocol.js';

/** Milliseconds between progress messages: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_INTERVAL_MS = 100;

async function run(port: NonNullable<typeof parentPort>, request: ExportJobRequest): Promise<void> {
  const send = (message: WorkerToHost) => port.postMessage(message);
  const controller = new AbortController();
  port.on('message', (message: HostToWorker) => {
    if (message.type === 'cancel') controller.abort();
  });
  const { nativeBinding, cjkFont } = request.resources;
  const db = connect(request.databasePath, {
    readonly: true,
    key: request.databaseKey === null ? null : Buffer.from(request.databaseKey, 'hex'),
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    let lastProgressAt = 0;
    const rows = await exportToFile(
      db,
      request.kind,
      {
        ...(request.period ? { period: request.period } : {}),
        ...(request.visitLog ? { visitLog: request.visitLog } : {}),
        today: request.today,
        timeZone: request.timeZone,
        ...(request.ownerIds ? { ownerIds: request.ownerIds } : {}),
        language: request.language,
        format: request.format,
        out: request.out,
        now: new Date(request.now),
        ...(cjkFont ? { bundledCjkFont: cjkFont } : {}),
        ...(request.calendar ? { calendar: request.calendar } : {}),
      },
      {
        signal: controller.signal,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - lastProgressAt < PROGRESS_INTERVAL_MS && done < total) return;
          lastProgressAt = now;
          send({ type: 'progress', done, total });
        },
      },
    );
    send({ type: 'done', rows });
  } catch (error) {
    if (error instanceof ExportAbortedError) send({ type: 'cancelled' });
    else send(failureOf(error));
  } finally {
    db.close();
    port.close();
  }
}

// No top-level await: the Electron build bundles this file to CommonJS. A rejection still ends the
// thread with an 'error' event, which ExportJobs reports as a crash.
if (parentPort) void run(parentPort, (workerData as { request: ExportJobRequest }).request);
