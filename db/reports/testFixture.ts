/** A small hand-made team for report and export tests: exact rows, Chinese names, awkward text. */
import path from 'node:path';
import type { Db } from '../connection.js';
import { openDatabase } from '../openDatabase.js';

export const REP_ONE = '01900000-0000-7000-8000-000000000001';
export const REP_TWO = '01900000-0000-7000-8000-000000000002';

interface AccountSeed {
  id: string;
  name: string;
  tier: 'A' | 'B' | 'C';
  city: string | null;
  owner: string | null;
  status?: string;
}

interface VisitSeed {
  id: string;
  account: string;
  kind?: string;
  status?: 'planned' | 'done' | 'cancelled';
  at: string;
  met?: string[];
  outcome?: string | null;
  nextStep?: string | null;
  owner: string | null;
}

export const FIXTURE_ACCOUNTS: AccountSeed[] = [
  { id: 'acc-1', name: '中国石油天然气股份有限公司', tier: 'A', city: '北京', owner: REP_ONE },
  { id: 'acc-2', name: 'Acme, "Quoted" & Co', tier: 'B', city: 'Shanghai', owner: REP_ONE },
  { id: 'acc-3', name: '=HYPERLINK("http://evil")', tier: 'C', city: '深圳', owner: REP_TWO },
];

export const FIXTURE_CONTACTS = [
  { id: 'con-1', account: 'acc-1', name: '张伟' },
  { id: 'con-2', account: 'acc-1', name: '李娜' },
  { id: 'con-3', account: 'acc-2', name: 'Bob "Bobby" Smith' },
];

/** Instants in UTC; in Asia/Shanghai v-2 falls on 2026-01-11 (00:30 local), not 2026-01-10. */
export const FIXTURE_VISITS: VisitSeed[] = [
  { id: 'v-1', account: 'acc-1', at: '2026-01-05T02:00:00.000Z', met: ['con-1', 'con-2'], outcome: '签了年度合同，\n下月交货', nextStep: '+86 安排培训', owner: REP_ONE },
  { id: 'v-2', account: 'acc-1', at: '2026-01-10T16:30:00.000Z', kind: 'executive', met: ['con-2'], outcome: 'ok', owner: REP_ONE },
  { id: 'v-3', account: 'acc-2', at: '2026-01-20T06:00:00.000Z', kind: 'delivery', met: ['con-3'], outcome: '-1 defect, "minor"', nextStep: '@follow up', owner: REP_ONE },
  { id: 'v-4', account: 'acc-3', at: '2026-02-03T01:00:00.000Z', status: 'planned', owner: REP_TWO },
  { id: 'v-5', account: 'acc-3', at: '2025-12-01T01:00:00.000Z', outcome: '\tTabbed', owner: REP_TWO },
];

export function openFixtureDatabase(dir: string): Db {
  const db = openDatabase(path.join(dir, 'rounds.sqlite'));
  const stamp = '2025-11-01T00:00:00.000Z';
  const insertAccount = db.prepare(
    `INSERT INTO accounts (id, name, tier, status, city, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertContact = db.prepare(`INSERT INTO contacts (id, account_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`);
  const insertVisit = db.prepare(
    `INSERT INTO visits (id, account_id, kind, status, planned_at, done_at, met_contact_ids, outcome, next_step, owner_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const a of FIXTURE_ACCOUNTS) insertAccount.run(a.id, a.name, a.tier, a.status ?? 'active', a.city, a.owner, stamp, stamp);
    for (const c of FIXTURE_CONTACTS) insertContact.run(c.id, c.account, c.name, stamp, stamp);
    for (const v of FIXTURE_VISITS) {
      const status = v.status ?? 'done';
      insertVisit.run(v.id, v.account, v.kind ?? 'routine', status, v.at, status === 'done' ? v.at : null, JSON.stringify(v.met ?? []), v.outcome ?? null, v.nextStep ?? null, v.owner, stamp, stamp);
    }
  })();
  return db;
}
