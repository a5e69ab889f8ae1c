/**
 * What is wrong with an import, as an i18n key (namespace `import` or `validation`) plus the values
 * its message needs. Never prose: the CLI and the app translate it.
 */
export interface ImportIssue {
  key: string;
  params?: Record<string, string | number>;
}

/** An invalid row: its line in the file (1 = the first line, the header) and why. */
export interface RowProblem {
  line: number;
  issue: ImportIssue;
}
