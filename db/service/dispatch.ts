/** The single entry point both transports call: method check, input validation, handler, error shaping. */
import type { ApiHandlers, ApiMethod } from '../../core/api/contract.js';
import { ApiError, type ApiErrorBody } from '../../core/api/errors.js';
import { isApiMethod, parseApiInput } from '../../core/api/validate.js';
import { isDiskFull } from '../diskFull.js';

export type ApiResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

type AnyHandler = (input: unknown) => unknown;

export async function callApi(
  handlers: ApiHandlers,
  method: unknown,
  input: unknown,
  log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
): Promise<ApiResult> {
  if (!isApiMethod(method)) return { ok: false, error: new ApiError('unknown_method').toBody() };
  try {
    const parsed = parseApiInput(method as ApiMethod, input);
    const value = await (handlers[method] as AnyHandler)(parsed);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    if (isDiskFull(error)) return { ok: false, error: new ApiError('disk_full').toBody() };
    // Unexpected failures are logged here with their stack; the caller only learns "internal".
    log(`[rounds] ${method} failed`, error);
    return { ok: false, error: new ApiError('internal').toBody() };
  }
}
