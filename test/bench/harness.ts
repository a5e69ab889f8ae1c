/**
 * The benchmark harness: modules measure, the harness prints each figure beside its target with
 * PASS / MISS. A new benchmark (browser timing, sync, export) is one more module in `run.ts`.
 */
export interface Measurement {
  name: string;
  value: number;
  /** `×` for ratios (e.g. a speed-up beside another system) */
  unit: 'ms' | 's' | 'MB' | 'B' | '×';
  /** the most the figure may be */
  max?: number;
  /** the least the figure may be (a speed-up); without `max` or `min` the figure is reported only */
  min?: number;
  /** why a figure has no target here, e.g. "200 ms target is for the rendered page (browser bench)" */
  note?: string;
}

/** What the benchmarks of one run share: a scratch folder and data sets built once. */
export interface BenchContext {
  workDir: string;
  /** a data set built by one module and reused by later ones (e.g. the `rep` data folder) */
  shared: Map<string, unknown>;
}

export interface BenchModule {
  name: string;
  run(context: BenchContext): Promise<Measurement[]>;
}

export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function timed<T>(work: () => T | Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

export function verdict(m: Measurement): 'PASS' | 'MISS' | 'INFO' {
  if (m.max === undefined && m.min === undefined) return 'INFO';
  const belowMax = m.max === undefined || m.value <= m.max;
  const aboveMin = m.min === undefined || m.value >= m.min;
  return belowMax && aboveMin ? 'PASS' : 'MISS';
}

function targetText(m: Measurement): string {
  const bounds = [m.min === undefined ? null : `≥ ${m.min} ${m.unit}`, m.max === undefined ? null : `≤ ${m.max} ${m.unit}`].filter((b) => b !== null);
  return bounds.length === 0 ? '(no target)' : bounds.join(', ');
}

export function formatLine(m: Measurement): string {
  // Two digits where one would round a miss up to its target (2.96 × against ≥ 3 ×).
  const digits = m.unit === 'ms' || m.unit === '×' ? 2 : 1;
  const target = targetText(m);
  const note = m.note ? `  — ${m.note}` : '';
  return `${verdict(m).padEnd(4)}  ${m.name.padEnd(48)} ${`${m.value.toFixed(digits)} ${m.unit}`.padStart(12)}   ${target}${note}`;
}

/** The modules whose name contains one of `words` (any case); all of them when no word is given. */
export function selectModules(modules: readonly BenchModule[], words: readonly string[]): BenchModule[] {
  const wanted = words.map((word) => word.toLowerCase());
  return wanted.length === 0 ? [...modules] : modules.filter((module) => wanted.some((word) => module.name.toLowerCase().includes(word)));
}

/** Runs every module in order; a module that throws is reported and the rest still run. */
export async function runBenchmarks(modules: readonly BenchModule[], context: BenchContext, print: (line: string) => void): Promise<{ misses: number; failures: number }> {
  let misses = 0;
  let failures = 0;
  for (const module of modules) {
    print(`\n## ${module.name}`);
    try {
      for (const measurement of await module.run(context)) {
        print(formatLine(measurement));
        if (verdict(measurement) === 'MISS') misses += 1;
      }
    } catch (error) {
      failures += 1;
      print(`FAIL  ${module.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { misses, failures };
}
