/**
 * How fast `rounds` starts, run as a user runs it — `node cli/bin/rounds.mjs`, which runs the
 * bundle in dist/cli, built here from the sources: `--help` (time and peak memory), a one-day
 * agenda on the `rep` data set (seeded by the foundation module), and `rounds serve` on an embedded
 * store until it listens. Each the median of 5 processes, and the same from source (tsx) beside.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// @ts-expect-error -- a plain .mjs script without type declarations
import { currentBuild } from '../../cli/bin/build.mjs';
// @ts-expect-error -- a plain .mjs script without type declarations
import { buildCli } from '../../scripts/build-cli.mjs';
import { BENCH_ENV, REP_DATA_DIR } from './foundation.js';
import { percentile, type BenchModule } from './harness.js';

const RUNS = 5;
const LAUNCHER = fileURLToPath(new URL('../../cli/bin/rounds.mjs', import.meta.url));
/** `npm run rounds`: the sources through tsx, as `rounds` ran before it was bundled, for comparison. */
const FROM_SOURCE = ['--import', 'tsx', fileURLToPath(new URL('../../cli/start.ts', import.meta.url))];
/**
 * Loaded first by each measured process: writes its peak memory (KB) on stderr as it exits — on Linux
 * its own VmHWM, as getrusage's maxRSS starts from the parent's memory at fork and keeps it across exec.
 */
const REPORT_PEAK_MEMORY = `data:text/javascript,${encodeURIComponent(`import fs from 'node:fs';
process.on('exit', () => {
  let kb = process.resourceUsage().maxRSS;
  try { kb = Number(/^VmHWM:\\s*(\\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
  process.stderr.write('\\nmaxrss ' + kb + '\\n');
});`)}`;

interface RoundsRun {
  /** from spawning the process to its exit, or to the first output matching `until` */
  ms: number;
  peakMb: number;
}

/**
 * `rounds …` as a process (through the launcher, or `fromSource`); with `until`, stopped (SIGTERM) once
 * its output matches. The build is brought up to date first: a source saved during the bench (by an
 * editor, say) is built again.
 */
async function timedRounds(args: string[], until?: RegExp, fromSource = false): Promise<RoundsRun> {
  if (!fromSource && !currentBuild()) await buildCli();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let matched: number | null = null;
    let exited = NaN;
    let output = '';
    const child = spawn(process.execPath, ['--import', REPORT_PEAK_MEMORY, ...(fromSource ? FROM_SOURCE : [LAUNCHER]), ...args], {
      env: { ...process.env, ...BENCH_ENV, DATABASE_URL: '', ROUNDS_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (until && matched === null && until.test(output)) {
        matched = performance.now() - started;
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('error', reject);
    child.on('exit', () => (exited = performance.now() - started));
    // 'close' comes after the output is all read, the peak memory line included.
    child.on('close', (code) => {
      const ms = until ? matched : exited;
      const peak = /^maxrss (\d+)$/m.exec(output);
      if (output.includes('running from source')) reject(new Error('a source changed as rounds started, so it ran from source: run the bench again'));
      else if (ms === null || (!until && code !== 0)) reject(new Error(`rounds ${args.join(' ')} exited ${code}: ${output}`));
      else resolve({ ms, peakMb: peak ? Number(peak[1]) / 1024 : NaN });
    });
  });
}

async function medianOf(args: string[], until?: RegExp, fromSource = false): Promise<{ ms: number; peakMb: number }> {
  const runs: RoundsRun[] = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await timedRounds(args, until, fromSource));
  return { ms: percentile(runs.map((r) => r.ms), 50), peakMb: percentile(runs.map((r) => r.peakMb), 50) };
}

const LISTENING = /listening on https?:\/\//;

export const cliBenchmark: BenchModule = {
  name: 'rounds command start-up (built CLI)',
  async run(context) {
    const dataDir = context.shared.get(REP_DATA_DIR);
    if (typeof dataDir !== 'string') throw new Error('needs the rep data set: run the seed benchmark first');
    const agendaArgs = ['--data-dir', dataDir, 'agenda'];
    const serveArgs = ['--data-dir', path.join(context.workDir, 'cli-serve'), 'serve', '--port', '0'];
    const help = await medianOf(['--help']);
    const agenda = await medianOf(agendaArgs);
    const firstServe = await timedRounds(serveArgs, LISTENING);
    const serve = await medianOf(serveArgs, LISTENING);
    const sourceNote = 'the sources through tsx (npm run rounds), for comparison';
    const helpFromSource = await medianOf(['--help'], undefined, true);
    const agendaFromSource = await medianOf(agendaArgs, undefined, true);
    const serveFromSource = await medianOf(serveArgs, LISTENING, true);
    return [
      { name: `rounds --help, median of ${RUNS}`, value: help.ms, unit: 'ms', max: 300 },
      { name: 'rounds --help: peak memory (RSS)', value: help.peakMb, unit: 'MB' },
      { name: `rounds agenda, one day, rep data: median of ${RUNS}`, value: agenda.ms, unit: 'ms', max: 600 },
      { name: 'rounds agenda: peak memory (RSS)', value: agenda.peakMb, unit: 'MB' },
      { name: 'rounds serve, embedded store: first start', value: firstServe.ms, unit: 'ms', note: 'creates the store (PGlite initdb, migrations)' },
      { name: `rounds serve, embedded store: listening, median of ${RUNS}`, value: serve.ms, unit: 'ms', max: 1500 },
      { name: 'rounds --help from source', value: helpFromSource.ms, unit: 'ms', note: sourceNote },
      { name: 'rounds --help from source: peak memory (RSS)', value: helpFromSource.peakMb, unit: 'MB', note: sourceNote },
      { name: 'rounds agenda from source', value: agendaFromSource.ms, unit: 'ms', note: sourceNote },
      { name: 'rounds serve from source: listening', value: serveFromSource.ms, unit: 'ms', note: sourceNote },
    ];
  },
};
