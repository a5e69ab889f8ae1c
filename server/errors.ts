import type { SyncErrorBody } from '../core/sync/protocol.js';

export type ErrorCode = SyncErrorBody['error'];

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  out_of_order: 409,
  stale_copy: 409,
  payload_too_large: 413,
  upgrade_required: 426,
  too_many_attempts: 429,
  internal: 500,
};

/**
 * A refusal the HTTP layer turns into its status and `SyncErrorBody`. Thrown before anything is
 * written, or inside a transaction that it rolls back, so a refused request never changes data.
 * `message` is an i18n key (`sync.server.*`) the client translates.
 */
export class ServerError extends Error {
  override readonly name = 'ServerError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: SyncErrorBody['issues'],
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }

  toBody(): SyncErrorBody {
    return { error: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) };
  }
}
