/**
 * The import engine's messages (`import.*` file, row and date problems, `validation.*` field problems,
 * field names) live in `core/import/messages.ts`, shared with the CLI. They are merged into the
 * `import` namespace here so that the screen translates a problem's key as it comes.
 */
import { ApiError } from '../../../core/api/errors.js';
import { IMPORT_MESSAGES } from '../../../core/import/messages.js';
import type { ImportIssue } from '../../../core/import/issues.js';
import { i18n } from '../../i18n/index.js';

for (const [language, messages] of Object.entries(IMPORT_MESSAGES)) {
  i18n.addResourceBundle(language, 'import', { import: messages.import, validation: messages.validation }, true, false);
}

/** The engine's problem as an issue to translate in the `import` namespace, if the error is one. */
export function importIssueOf(error: unknown): ImportIssue | null {
  if (!(error instanceof ApiError) || error.code !== 'validation') return null;
  const key = error.issues?.[0]?.message;
  return key?.startsWith('import.') ? { key, ...(error.params ? { params: error.params } : {}) } : null;
}
