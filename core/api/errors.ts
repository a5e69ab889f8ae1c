/**
 * Errors that cross the API boundary. `code` selects the translated message (`errors.<code>`);
 * `issues` carry field-level validation messages as i18n keys.
 */
export type ApiErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'unknown_method'
  | 'database_newer'
  | 'database_corrupt'
  /** the database is encrypted with a key this laptop does not keep (a copy or backup from elsewhere) */
  | 'database_key_unknown'
  /** the disk (or the user's quota) is full: nothing was written */
  | 'disk_full'
  | 'internal';

export interface ApiIssue {
  path: (string | number)[];
  /** i18n key, e.g. `validation.required` */
  message: string;
  /** what the message says besides (`{ max: 200 }` for `validation.tooLongMax`) */
  params?: Record<string, string | number>;
}

export interface ApiErrorBody {
  code: ApiErrorCode;
  /** i18n key for the whole error */
  message: string;
  issues?: ApiIssue[];
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiIssue[] | undefined;
  readonly params: Record<string, string | number> | undefined;
  /** i18n key of the whole error when one is more specific than `errors.<code>` (e.g. `errors.readOnlyAccount`) */
  readonly messageKey: string;

  constructor(
    code: ApiErrorCode,
    options: { issues?: ApiIssue[]; params?: Record<string, string | number>; detail?: string; messageKey?: string } = {},
  ) {
    const messageKey = options.messageKey ?? `errors.${code}`;
    super(options.detail ?? messageKey);
    this.name = 'ApiError';
    this.code = code;
    this.issues = options.issues;
    this.params = options.params;
    this.messageKey = messageKey;
  }

  toBody(): ApiErrorBody {
    return { code: this.code, message: this.messageKey, issues: this.issues, params: this.params };
  }

  static fromBody(body: ApiErrorBody): ApiError {
    // Only an `errors.*` key is taken from the wire as the message: anything else falls back to the code's.
    const messageKey = typeof body.message === 'string' && body.message.startsWith('errors.') ? body.message : undefined;
    return new ApiError(body.code, { issues: body.issues, params: body.params, ...(messageKey ? { messageKey } : {}) });
  }
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ApiErrorBody).code === 'string';
}
