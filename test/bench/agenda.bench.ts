/**
 * Reminder and Today benchmarks on the `rep` data set (seeded by the local-data benchmarks): Today in the service,
 * warm; a full year of agenda; tier suggestions. The lead-data targets (Today ≤ 100 ms, tier
 * suggestions ≤ 1 s) need the 20-rep data set, which this run does not seed.
 */
import { openBenchDatabase } from './foundation.js';
import { callApi } from '../../db/service/dispatch.js';
import { createService } from '../../db/service/index.js';
import type { ApiHandlers, ApiMethod } from '../../core/api/contract.js';
import { percentile, timed, type BenchModule } from './harness.js';

const ROUNDS = 30;

async function call(service: ApiHandlers, method: ApiMethod, input: unknown): Promise<unknown> {
  const result = await callApi(service, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export const agendaBenchmark: BenchModule = {
  name: 'Today agenda and tier suggestions (service, rep data)',
  async run(context) {
    const dataDir = context.shared.get('rep-data-dir');
    if (typeof dataDir !== 'string') throw new Error('needs the rep data set: run the seed benchmark first');
    const db = openBenchDatabase(dataDir);
    try {
      const service = createService({ db, dataDir, host: 'browser', version: 'bench' });
      const cold = await timed(() => call(service, 'agenda.today', undefined));
      const today: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) today.push((await timed(() => call(service, 'agenda.today', undefined))).ms);
      const from = ((await call(service, 'agenda.today', undefined)) as { day: string }).day;
      const year = await timed(() => call(service, 'agenda.range', { from, days: 365 }));
      const tiers = await timed(() => call(service, 'tiers.suggestions', undefined));
      return [
        { name: 'agenda.today, first call (reads SQLite)', value: cold.ms, unit: 'ms' },
        { name: `agenda.today warm, median of ${ROUNDS}`, value: percentile(today, 50), unit: 'ms', max: 10 },
        { name: `agenda.today warm, p95 of ${ROUNDS}`, value: percentile(today, 95), unit: 'ms' },
        { name: 'agenda.range 365 days', value: year.ms, unit: 'ms', max: 300 },
        { name: 'tiers.suggestions', value: tiers.ms, unit: 'ms', note: 'the 1 s target is for lead data' },
      ];
    } finally {
      db.close();
    }
  },
};
