import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NoCjkFontError } from '../export/fonts.js';
import { EXPORT_FAILURES } from './exportJobs.js';
import { failureOf } from './failure.js';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('failureOf', () => {
  it('tells the user a Chinese font is missing, and keeps the detail for the log', () => {
    const failure = failureOf(new NoCjkFontError(['/usr/share/fonts/x.ttc']));
    expect(failure).toMatchObject({ type: 'failed', reason: 'noCjkFont' });
    expect(failure.error).toContain('NoCjkFontError: No Chinese font found');
    expect(failure.error).toContain('/usr/share/fonts/x.ttc');
  });

  it('says a full disk is full (SQLite and the file system each have their code for it)', () => {
    const full = (code: string) => Object.assign(new Error('no space'), { code });
    expect(failureOf(full('ENOSPC'))).toMatchObject({ reason: 'diskFull' });
    expect(failureOf(full('SQLITE_FULL'))).toMatchObject({ reason: 'diskFull' });
  });

  it('reports anything else as a plain failure', () => {
    expect(failureOf(new Error('disk full'))).toEqual({ type: 'failed', reason: 'failed', error: 'Error: disk full' });
    expect(failureOf('odd')).toEqual({ type: 'failed', reason: 'failed', error: 'odd' });
  });

  it('has a message in both languages for every way a job can fail', () => {
    for (const language of ['zh-CN', 'en']) {
      const team = JSON.parse(fs.readFileSync(path.join(root, 'core', 'i18n', 'locales', language, 'team.json'), 'utf8')) as { export: { errors: Record<string, string> } };
      for (const key of Object.values(EXPORT_FAILURES)) expect(team.export.errors[key.replace('export.errors.', '')], `${language} ${key}`).toBeTruthy();
    }
  });
});
