import type { ImportIssue } from '../../core/import/issues.js';

/** The file as a whole cannot be imported (empty, too large, not text, not a workbook …). */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';

  constructor(readonly issue: ImportIssue) {
    super(issue.key);
  }
}
