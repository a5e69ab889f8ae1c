import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../db/testing/tempDir.js';
import { openDataFolderDatabase } from '../database.js';
import { runRounds } from '../testing.js';

const now = new Date('2026-11-23T09:00:00Z');
const rounds = (argv: string[]) => runRounds(argv, { now });

describe('rounds recovery-key', () => {
  const tempDir = useTempDir();

  it('shows the key, and opens a copy on another data folder only with the right key', async () => {
    const home = tempDir();
    openDataFolderDatabase(home, { ROUNDS_KEY_STORE: 'file' }).close();
    const shown = await rounds(['recovery-key', '--data-dir', home]);
    expect(shown.code).toBe(0);
    const key = /([0-9A-Z]{4}(?:-[0-9A-Z]{1,4}){12})/.exec(shown.stdout)?.[1];
    expect(key).toBeTruthy();

    const other = tempDir();
    fs.copyFileSync(path.join(home, 'rounds.sqlite'), path.join(other, 'rounds.sqlite'));
    const refused = await rounds(['backup', '--data-dir', other]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('recovery-key --use');

    expect((await rounds(['recovery-key', '--data-dir', other, '--use', 'nonsense'])).stderr).toContain('not a recovery key');
    const wrong = await rounds(['recovery-key', '--data-dir', other, '--use', `${'0000-'.repeat(12)}0000`]);
    expect([wrong.code, wrong.stderr]).toEqual([1, expect.stringContaining('does not open this database')]);

    expect((await rounds(['recovery-key', '--data-dir', other, '--use', key!.toLowerCase()])).code).toBe(0);
    expect((await rounds(['backup', '--data-dir', other])).code).toBe(0);
  });
});
