/**
 * What every exporter shares: cancel with an AbortSignal, report progress, and write to a temp file
 * beside the target that is renamed into place only when the export succeeded, so a failed or
 * cancelled export never leaves a half-written file (nor replaces a good one).
 */
import fs from 'node:fs';
import path from 'node:path';

export interface ExportOptions {
  signal?: AbortSignal;
  /** called now and then with rows (or steps) done and the total */
  onProgress?: (done: number, total: number) => void;
}

export class ExportAbortedError extends Error {
  override readonly name = 'ExportAbortedError';
  constructor() {
    super('export cancelled');
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportAbortedError();
}

/**
 * Runs `write` on a temp path next to `target`, then renames it to `target`; removes the temp file on any
 * failure. An export holds customer data: the file is the user's alone (0600), whatever the umask.
 */
export async function writeAtomically(target: string, signal: AbortSignal | undefined, write: (tempPath: string) => Promise<void>): Promise<void> {
  throwIfAborted(signal);
  const resolved = path.resolve(target);
  fs.mkdirSync(path.dirname(resolved), { recursive: true, mode: 0o700 });
  const tempPath = path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await write(tempPath);
    throwIfAborted(signal);
    fs.chmodSync(tempPath, 0o600);
    fs.renameSync(tempPath, resolved);
  } catch (error) {
    fs.rmSync(tempPath, { force: true });
    throw error;
  }
}

/** Rows between progress reports, abort checks and a turn of the event loop (so a UI stays responsive). */
export const ROWS_PER_TICK = 2000;

/** Lets pending I/O, timers and abort handlers run between batches of synchronous work. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
