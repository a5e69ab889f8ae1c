import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../db/testing/tempDir.js';
import { translator } from '../core/i18n/translator.js';
import { LANGUAGES } from '../core/model/enums.js';
import { COMMANDS } from './commands/index.js';
import { runRounds } from './testing.js';

const tempDir = useTempDir();
const rounds = (argv: string[], env: NodeJS.ProcessEnv = {}) => runRounds(argv, { env, now: new Date(2026, 10, 22, 9) });

describe('rounds usage', () => {
  it('prints help listing every command, exit 0', async () => {
    const result = await rounds(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/seed\s+fill the database/);
    expect(result.stdout).toMatch(/backup\s+copy the database/);
  });

  it('prints a command’s own help', async () => {
    const result = await rounds(['seed', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--scale demo|rep|lead');
  });

  it('prints help in the language of the environment, from the locale resources', async () => {
    const zh = await rounds(['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.stdout).toMatch(/seed\s+用确定的示例数据填充数据库/);
    expect(zh.stdout).toContain('命令：');
    const seed = await rounds(['seed', '--help'], { LANG: 'zh_CN.UTF-8' });
    expect(seed.stdout).toMatch(/--scale demo\|rep\|lead\s+demo 约 60 个客户/);
    expect(seed.stdout).toContain('用法：rounds seed');
    const en = await rounds(['seed', '--help'], { LANG: 'en_US.UTF-8' });
    expect(en.stdout).toMatch(/--scale demo\|rep\|lead\s+demo ≈ 60 accounts/);
  });

  it('has a summary and a line for every option of every command, in both languages', () => {
    for (const language of LANGUAGES) {
      const t = translator(language, 'cli');
      for (const command of COMMANDS) {
        expect(t(`commands.${command.name}.summary`), `${language} ${command.name}`).not.toContain('commands.');
        for (const [syntax, key] of command.optionHelp) expect(t(`commands.${command.name}.options.${key}`), `${language} ${command.name} ${syntax}`).not.toContain('commands.');
      }
    }
  });

  it('prints the package version', async () => {
    const manifest = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await rounds(['--version'])).toMatchObject({ code: 0, stdout: `${manifest.version}\n` });
  });

  it.each([
    [[], /No command given/],
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['seed', '--bogus'], /Unknown option '--bogus'/],
    [['seed', '--scale', 'huge'], /--scale must be one of demo, rep, lead/],
    [['seed', '--seed', 'abc'], /--seed must be a whole number/],
    [['seed', '--scale'], /argument missing/],
    [['backup', 'extra'], /Unexpected argument 'extra'/],
  ])('refuses %j with exit 2 and a usage line', async (argv, message) => {
    const result = await rounds(argv as string[]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/Usage: rounds/);
    expect(result.stdout).toBe('');
  });
});

describe('rounds seed and backup', () => {
  it('seeds an empty data folder, refuses a second time, replaces with --force', async () => {
    const dataDir = tempDir();
    const first = await rounds(['--data-dir', dataDir, 'seed', '--scale', 'demo', '--seed', '42']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/60 accounts, \d+ contacts/);

    const again = await rounds(['seed', '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds accounts.*--force/);

    const forced = await rounds(['seed', '--force', '--seed', '43'], { ROUNDS_DATA_DIR: dataDir });
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(path.join(dataDir, 'rounds.sqlite'));
  });

  it('backs up to the backups folder or to --out, and fails without a database', async () => {
    const dataDir = tempDir();
    const missing = await rounds(['backup', '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No database at/);

    await rounds(['seed', '--data-dir', dataDir]);
    const byDefault = await rounds(['backup', '--data-dir', dataDir]);
    expect(byDefault.code).toBe(0);
    expect(fs.readdirSync(path.join(dataDir, 'backups'))).toHaveLength(1);

    const out = path.join(tempDir(), 'nested', 'copy.sqlite');
    const explicit = await rounds(['backup', '--data-dir', dataDir, '--out', out]);
    expect(explicit.code).toBe(0);
    expect(explicit.stdout).toContain(out);
    expect(fs.statSync(out).size).toBeGreaterThan(100_000);
  });
});

describe('the rounds launcher as a real process', () => {
  const launcher = new URL('./bin/rounds.mjs', import.meta.url).pathname;
  const run = promisify(execFile);

  it('seeds and exits 0, and exits 2 on a usage error', async () => {
    const dataDir = tempDir();
    const ok = await run(process.execPath, [launcher, '--data-dir', dataDir, 'seed', '--scale', 'demo'], { env: { ...process.env, ROUNDS_KEY_STORE: 'file' } });
    expect(ok.stdout).toMatch(/Done in .* 60 accounts/);
    expect(fs.existsSync(path.join(dataDir, 'rounds.sqlite'))).toBe(true);

    const failed = await run(process.execPath, [launcher, 'seed', '--scale', 'nope']).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toMatch(/--scale must be one of/);
  });

  it('prints a command’s help through the real launcher and exits 0', async () => {
    const help = await run(process.execPath, [launcher, 'serve', '--help']);
    expect(help.stdout).toContain('--tls-cert');
  });
});
