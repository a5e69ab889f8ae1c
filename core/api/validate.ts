import type { z } from 'zod';
import { apiInputs, type ApiMethod, type ApiParsedInput } from './contract.js';
import { ApiError } from './errors.js';

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiInputs, name);
}

/** The issue's i18n key; text over its length limit says the limit ("at most 200 characters"). */
function issueMessage(issue: z.core.$ZodIssue): { message: string; params?: Record<string, number> } {
  if (issue.code === 'too_big' && issue.message === 'validation.tooLong' && issue.origin === 'string') {
    return { message: 'validation.tooLongMax', params: { max: Number(issue.maximum) } };
  }
  return { message: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' };
}

/** Parses one method's argument; throws a `validation` ApiError whose issues are i18n keys. */
export function parseApiInput<M extends ApiMethod>(method: M, input: unknown): ApiParsedInput<M> {
  const schema = apiInputs[method] as z.ZodTypeAny;
  const result = schema.safeParse(input ?? undefined);
  if (!result.success) {
    throw new ApiError('validation', {
      issues: result.error.issues.map((i) => ({
        path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
        ...issueMessage(i),
      })),
    });
  }
  return result.data as ApiParsedInput<M>;
}
