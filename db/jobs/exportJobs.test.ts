/**
 * The PDF report job finds its Chinese font wherever the worker runs: from source (tsx), and bundled by
 * esbuild as the Electron app runs it, where `import.meta.url` is the bundle's own URL.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, onTestFinished } from 'vitest';
import { presetPeriod } from '../../core/reports/period.js';
import { openDatabase } from '../openDatabase.js';
import { newDatabaseKey } from '../encryption.js';
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildElectron } from '../../scripts/build.mjs';
import { openFixtureDatabase } from '../reports/testFixture.js';
import { useTempDir } from '../testing/tempDir.js';
import { ExportJobs } from './exportJobs.js';
import type { ExportJobRequest, RuntimeResources, WorkerToHost } from './protocol.js';
import { BUNDLED_EXPORT_WORKER } from './workerLaunch.js';

const root = path.resolve(import.meta.dirname, '..', '..');
const embeddedFonts = (file: string) => execFileSync('pdffonts', [file], { encoding: 'utf8' });

describe('PDF report jobs', () => {
  const tempDir = useTempDir();

  function reportRequest(resources: RuntimeResources): ExportJobRequest {
    const dir = tempDir();
    openFixtureDatabase(dir).close();
    return {
      databasePath: path.join(dir, 'rounds.sqlite'),
      databaseKey: null,
      resources,
      kind: 'report',
      format: 'pdf',
      period: presetPeriod('quarter', '2026-02-15'),
      today: '2026-03-01',
      timeZone: 'Asia/Shanghai',
      language: 'zh-CN',
      out: path.join(dir, 'exports', 'report.pdf'),
      now: '2026-03-01T04:00:00.000Z',
    };
  }

  it('embeds Noto Sans SC from node_modules when the host ships no font (browser mode, development)', async () => {
    const jobs = new ExportJobs();
    const request = reportRequest({});
    const view = await jobs.settled(jobs.start(request, 'report'));
    expect(view).toMatchObject({ state: 'done', error: null });
    expect(embeddedFonts(request.out)).toContain('NotoSansSC-Regular');
  });

  it('opens an encrypted database with the key the host passes, and fails cleanly without it', async () => {
    const jobs = new ExportJobs({ log: () => undefined });
    const request = reportRequest({});
    const key = newDatabaseKey();
    openDatabase(request.databasePath, { key }).close();
    expect(await jobs.settled(jobs.start({ ...request, databaseKey: key.toString('hex') }, 'report'))).toMatchObject({ state: 'done', error: null });
    fs.rmSync(request.out);
    expect(await jobs.settled(jobs.start(request, 'report'))).toMatchObject({ state: 'failed', error: 'export.errors.failed' });
    expect(fs.existsSync(request.out)).toBe(false);
  });

  it("uses the font the host ships before any other (here a broken one, so the job fails and says so in the log)", async () => {
    const logged: string[] = [];
    const jobs = new ExportJobs({ log: (message) => logged.push(message) });
    const shipped = path.join(tempDir(), 'NotoSansSC-Regular.ttf');
    fs.writeFileSync(shipped, 'not a font');
    const request = reportRequest({ cjkFont: shipped });
    const view = await jobs.settled(jobs.start(request, 'report'));
    expect(view).toMatchObject({ state: 'failed', error: 'export.errors.failed', file: null });
    expect(logged.join('\n')).toContain('Unknown font format');
    expect(fs.existsSync(request.out)).toBe(false);
  });

  it('finds the font from the esbuild bundle of the worker, as unpackaged Electron runs it', { timeout: 60_000 }, async () => {
    // Inside the repo, like dist/electron, so the bundle resolves node_modules as the real one does.
    fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
    const outDir = fs.mkdtempSync(path.join(root, 'dist', 'test-font-bundle-'));
    onTestFinished(() => fs.rmSync(outDir, { recursive: true, force: true }));
    await buildElectron(outDir);
    const request = reportRequest({});
    const worker = new Worker(path.join(outDir, BUNDLED_EXPORT_WORKER), { workerData: { entry: null, request } });
    const outcome = await new Promise<WorkerToHost>((resolve, reject) => {
      worker.on('message', (message: WorkerToHost) => message.type !== 'progress' && resolve(message));
      worker.on('error', reject);
    });
    expect(outcome).toEqual({ type: 'done', rows: expect.any(Number) });
    expect(embeddedFonts(request.out)).toContain('NotoSansSC-Regular');
  });
});
