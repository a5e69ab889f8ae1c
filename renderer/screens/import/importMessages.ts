/**
 * The import engine's messages (`import.*` file, row and date problems, `validation.*` field problems,
 * field names) are in the `import` namespace of the locale files, shared with the CLI: the screen
 * translates a problem's key as it comes.
 */
import { ApiError } from '../../../core/api/errors.js';
import type { ImportIssue } from '../../../core/import/issues.js';

/** The engine's problem as an issue to translate in the `import` namespace, if the error is one. */
export function importIssueOf(error: unknown): ImportIssue | null {
  if (!(error instanceof ApiError) || error.code !== 'validation') return null;
  const key = error.issues?.[0]?.message;
  return key?.startsWith('import.') ? { key, ...(error.params ? { params: error.params } : {}) } : null;
}
