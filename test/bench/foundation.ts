/**
 * Local-data benchmarks measurable in Node: `rounds seed --scale rep` time and size,
 * account search p95 in the service, loading an account with 200 visits and 500 notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDataFolderDatabase } from '../../cli/database.js';
import { main } from '../../cli/main.js';
import type { Db } from '../../db/connection.js';
import { callApi } from '../../db/service/dispatch.js';
import { createService } from '../../db/service/index.js';
import type { ApiHandlers, ApiMethod } from '../../core/api/contract.js';
import { percentile, timed, type BenchContext, type BenchModule } from './harness.js';

export const REP_DATA_DIR = 'rep-data-dir';
/** The benches' data folders are encrypted like a rep's, with the key in the key file (never the OS keyring). */
export const BENCH_ENV: NodeJS.ProcessEnv = { ROUNDS_KEY_STORE: 'file' };

export function openBenchDatabase(dataDir: string): Db {
  return openDataFolderDatabase(dataDir, BENCH_ENV);
}

export const HEAVY_ACCOUNT_NAME = '基准测试重型客户有限公司';
/** 1–2 character Chinese (the hard case for trigram search), longer Chinese, pinyin initials, English. */
const SEARCH_QUERIES = ['华', '王', '上海', '机械', '科技', '中国石油', '精密机械', 'zgsy', 'shyq', 'hd', 'hdjm', 'bosch', 'Siemens', 'shanghai', 'rexroth'];
const SEARCH_ROUNDS = 20;

/** The `rep` data set's folder, seeded once per run through the real command line. */
export const seedRep: BenchModule = {
  name: 'rounds seed --scale rep',
  async run(context) {
    const dataDir = path.join(context.workDir, 'rep');
    fs.rmSync(dataDir, { recursive: true, force: true });
    const output: string[] = [];
    const io = { stdout: (t: string) => void output.push(t), stderr: (t: string) => void output.push(t), env: BENCH_ENV, now: () => new Date() };
    const { result: code, ms } = await timed(() => main(['--data-dir', dataDir, 'seed', '--scale', 'rep', '--seed', '42'], io));
    if (code !== 0) throw new Error(`rounds seed exited ${code}: ${output.join('')}`);
    context.shared.set(REP_DATA_DIR, dataDir);
    const bytes = fs
      .readdirSync(dataDir)
      .filter((f) => f.startsWith('rounds.sqlite'))
      .reduce((sum, f) => sum + fs.statSync(path.join(dataDir, f)).size, 0);
    return [
      { name: 'seed rep: time', value: ms / 1000, unit: 's', max: 60 },
      { name: 'seed rep: database size', value: bytes / 1e6, unit: 'MB', max: 150 },
    ];
  },
};

function repService(context: BenchContext): { db: Db; service: ApiHandlers } {
  const dataDir = context.shared.get(REP_DATA_DIR);
  if (typeof dataDir !== 'string') throw new Error('needs the rep data set: run the seed benchmark first');
  const db = openBenchDatabase(dataDir);
  return { db, service: createService({ db, dataDir, host: 'browser', version: 'bench' }) };
}

async function call(service: ApiHandlers, method: ApiMethod, input: unknown): Promise<unknown> {
  const result = await callApi(service, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

export const accountSearch: BenchModule = {
  name: 'account search (service, rep data)',
  async run(context) {
    const { db, service } = repService(context);
    try {
      for (const q of SEARCH_QUERIES) await call(service, 'accounts.list', { search: q }); // warm caches
      const samples: number[] = [];
      const shortChinese: number[] = [];
      for (let round = 0; round < SEARCH_ROUNDS; round += 1) {
        for (const search of SEARCH_QUERIES) {
          const { ms } = await timed(() => call(service, 'accounts.list', { search }));
          samples.push(ms);
          if (/^[\u4e00-\u9fff]{1,2}$/.test(search)) shortChinese.push(ms);
        }
      }
      return [
        { name: `search p95 (${SEARCH_QUERIES.length} queries × ${SEARCH_ROUNDS})`, value: percentile(samples, 95), unit: 'ms', max: 20 },
        { name: 'search p95, 1–2 character Chinese only', value: percentile(shortChinese, 95), unit: 'ms', max: 20 },
      ];
    } finally {
      db.close();
    }
  },
};

const HEAVY_VISITS = 200;
const HEAVY_NOTES = 500;

export const heavyAccount: BenchModule = {
  name: `account with ${HEAVY_VISITS} visits and ${HEAVY_NOTES} notes`,
  async run(context) {
    const { db, service } = repService(context);
    try {
      const account = (await call(service, 'accounts.create', { name: HEAVY_ACCOUNT_NAME, tier: 'A', city: '上海' })) as { id: string };
      const day = 86_400_000;
      const since = Date.now() - HEAVY_VISITS * 3 * day;
      const visitIds: string[] = [];
      for (let i = 0; i < HEAVY_VISITS; i += 1) {
        const visit = (await call(service, 'visits.log', { accountId: account.id, doneAt: new Date(since + i * 3 * day).toISOString(), outcome: `第${i + 1}次拜访，客户反馈良好。` })) as { id: string };
        visitIds.push(visit.id);
      }
      for (let i = 0; i < HEAVY_NOTES; i += 1) {
        await call(service, 'notes.create', { accountId: account.id, visitId: i % 2 === 0 ? visitIds[i % HEAVY_VISITS] : null, body: `备注 ${i + 1}: 客户计划明年扩产，需要跟进报价。Note ${i + 1}.` });
      }
      const load = () => Promise.all([call(service, 'accounts.get', { id: account.id }), call(service, 'accounts.timeline', { id: account.id })]);
      await load(); // warm
      const samples: number[] = [];
      for (let i = 0; i < 20; i += 1) samples.push((await timed(load)).ms);
      return [
        {
          name: 'accounts.get + accounts.timeline, median',
          value: percentile(samples, 50),
          unit: 'ms',
          note: 'the 200 ms target is for the rendered page (browser benchmark)',
        },
      ];
    } finally {
      db.close();
    }
  },
};

export const foundationBenchmarks: BenchModule[] = [seedRep, accountSearch, heavyAccount];
