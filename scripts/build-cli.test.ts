/**
 * The bundled `rounds` (scripts/build-cli.mjs), built for real into a scratch folder and run as a
 * process the way cli/bin/rounds.mjs runs dist/cli: help and version, a data set, the agenda, an XLSX
 * export (exceljs from node_modules, loaded when needed) and `rounds serve` on a new embedded store
 * (PGlite from node_modules, the server's migrations from the source tree). And when the launcher
 * takes a build as current.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { currentBuild, INPUTS_FILE, fileStamp } from '../cli/bin/build.mjs';
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildCli } from './build-cli.mjs';

const root = path.resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/** A scratch folder inside dist/, so bundles resolve their packages from the repo's node_modules. */
function scratchBuildDir(): string {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, 'dist', 'test-cli-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function scratchDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rounds-built-cli-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts the built `rounds serve` and resolves with its URL once it listens. */
function serve(entry: string, dataDir: string): Promise<string> {
  const child = spawn(process.execPath, [entry, '--data-dir', dataDir, 'serve', '--port', '0'], {
    env: { ...process.env, DATABASE_URL: '', LC_ALL: 'en_US.UTF-8', ROUNDS_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => new Promise<void>((resolve) => (child.exitCode === null ? (child.once('exit', () => resolve()), child.kill('SIGTERM')) : resolve())));
  return new Promise((resolve, reject) => {
    let output = '';
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (https?:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`rounds serve exited ${code}: ${output}`)));
  });
}

describe('the bundled rounds', () => {
  it('runs as a process: help, seed, agenda, an XLSX export and serve on an embedded store', { timeout: 240_000 }, async () => {
    const outDir = scratchBuildDir();
    await buildCli(outDir);
    const entry = path.join(outDir, 'rounds.mjs');
    expect(currentBuild(outDir)).toBe(pathToFileURL(entry).href);
    const rounds = (...args: string[]) => run(process.execPath, [entry, ...args], { env: { ...process.env, ROUNDS_KEY_STORE: 'file', TZ: 'Asia/Shanghai' } });

    const help = await rounds('--help');
    for (const command of ['seed', 'agenda', 'export', 'serve', 'user', 'sync']) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect((await rounds('--version')).stdout.trim()).toBe(manifest.version);

    const dataDir = path.join(scratchDataDir(), 'data');
    expect((await rounds('--data-dir', dataDir, 'seed', '--scale', 'demo')).stdout).toMatch(/Done in .* 60 accounts/);
    const agenda = JSON.parse((await rounds('--data-dir', dataDir, 'agenda', '--date', '2026-11-23', '--days', '7', '--json')).stdout) as { from: string; days: unknown[] };
    expect(agenda).toMatchObject({ from: '2026-11-23' });
    expect(agenda.days).toHaveLength(7);
    const xlsx = path.join(scratchDataDir(), 'visits.xlsx');
    await rounds('--data-dir', dataDir, 'export', 'visits', '--from', '2026-01-01', '--to', '2026-12-31', '--format', 'xlsx', '--out', xlsx);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');

    const url = await serve(entry, dataDir);
    expect((await fetch(new URL('/health', url))).status).toBe(200);
  });

  it('is current while every source it was built from keeps its time and size', () => {
    const dir = scratchBuildDir();
    expect(currentBuild(dir)).toBeNull(); // not built
    const write = (inputs: Record<string, unknown>) => fs.writeFileSync(path.join(dir, INPUTS_FILE), JSON.stringify(inputs));
    const [mtimeMs, size] = fileStamp('cli/main.ts') as [number, number];
    write({ 'cli/main.ts': [mtimeMs, size] });
    expect(currentBuild(dir)).toBe(pathToFileURL(path.join(dir, 'rounds.mjs')).href);
    write({ 'cli/main.ts': [mtimeMs - 1, size] }); // saved since
    expect(currentBuild(dir)).toBeNull();
    write({ 'cli/main.ts': [mtimeMs, size + 1] });
    expect(currentBuild(dir)).toBeNull();
    write({ 'cli/main.ts': [mtimeMs, size], 'cli/gone.ts': [mtimeMs, size] }); // deleted since
    expect(currentBuild(dir)).toBeNull();
  });
});
