import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormInstance } from 'antd';
import { ApiError } from '../../core/api/errors.js';

/** A translated one-line message for any error thrown by the API client. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation('common');
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const first = error.issues?.[0];
        if (error.code === 'validation' && first) return t(first.message, { ...error.params, ...first.params });
        return t(error.message.startsWith('errors.') ? error.message : `errors.${error.code}`, { ...error.params });
      }
      return t('errors.internal');
    },
    [t],
  );
}

/** Puts the API's field-level validation messages on the matching form fields. Returns whether any matched. */
export function applyApiErrorToForm(form: FormInstance, error: unknown, t: (key: string, params?: Record<string, string | number>) => string): boolean {
  if (!(error instanceof ApiError) || error.code !== 'validation' || !error.issues) return false;
  const fields = error.issues
    .filter((issue) => issue.path.length > 0)
    .map((issue) => ({ name: issue.path.filter((p) => p !== 'patch'), errors: [t(issue.message, { ...error.params, ...issue.params })] }));
  form.setFields(fields);
  return fields.length > 0;
}
