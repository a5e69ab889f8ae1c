/**
 * The benchmark harness: modules measure, the harness prints each figure beside its target with
 * PASS / MISS. A new benchmark (browser timing, sync, export) is one more module in `run.ts`.
 */
export interface Measurement {
  name: string;
  value: number;
  unit: 'ms' | 's' | 'MB';
  /** the most the figure may be; without one the figure is reported only */
  max?: number;
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
  if (m.max === undefined) return 'INFO';
  return m.value <= m.max ? 'PASS' : 'MISS';
}

export function formatLine(m: Measurement): string {
  const digits = m.unit === 'ms' ? 2 : 1;
  const target = m.max === undefined ? '(no target)' : `≤ ${m.max} ${m.unit}`;
  const note = m.note ? `  — ${m.note}` : '';
  return `${verdict(m).padEnd(4)}  ${m.name.padEnd(48)} ${`${m.value.toFixed(digits)} ${m.unit}`.padStart(12)}   ${target}${note}`;
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
