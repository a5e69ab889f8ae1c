/** How a worker reports an export that threw: a reason the user can read, the detail for the log. */
import { isDiskFull } from '../diskFull.js';
import { NoCjkFontError } from '../export/fonts.js';
import type { WorkerToHost } from './protocol.js';

export function failureOf(error: unknown): Extract<WorkerToHost, { type: 'failed' }> {
  return {
    type: 'failed',
    reason: error instanceof NoCjkFontError ? 'noCjkFont' : isDiskFull(error) ? 'diskFull' : 'failed',
    error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  };
}
