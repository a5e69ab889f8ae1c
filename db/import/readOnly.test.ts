/**
 * A lead importing a file that reaches another rep's account: those rows are row problems naming the
 * owner (dry run and apply alike), skipped like any invalid row; every other row imports as usual.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { detectMapping } from '../../core/import/columns.js';
import type { UserRole } from '../../core/sync/protocol.js';
import { saveOwnerNames, saveSignIn } from '../sync/state.js';
import { createHarness, outboxFor, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { applyImport } from './apply.js';
import { planImport, type ImportRequest } from './plan.js';

const NOW = '2026-11-23T02:00:00.000Z';
const LEAD_ID = '01900000-0000-7000-8000-0000000000a1';
const REP_ID = '01900000-0000-7000-8000-0000000000b2';
const REPS_ACCOUNT = '张伟的客户';
const OWN_ACCOUNT = '自己的客户';

const request = (headers: string[], ...rows: Array<Array<string | null>>): ImportRequest => ({
  table: { headers, rows: rows.map((cells, index) => ({ line: index + 2, cells })) },
  mapping: detectMapping(headers),
  timeZone: 'Asia/Shanghai',
});
const readOnlyProblem = (line: number) => ({ line, issue: { key: 'import.row.readOnlyAccount', params: { owner: '张伟' } } });

const tempDir = useTempDir();
let h: Harness;

const accountId = (name: string) => h.db.prepare('SELECT id FROM accounts WHERE name = ?').pluck().get(name) as string;

function signInAs(role: UserRole, id: string): void {
  saveSignIn(h.db, 'http://127.0.0.1:9', { id, username: role, displayName: role === 'rep' ? '张伟' : '王经理', role, teamId: 't1', teamName: 'East' });
}

beforeEach(() => {
  h = createHarness(tempDir());
  // Two accounts as a pull leaves them on a lead's laptop: one of a rep's, one of the lead's own.
  applyImport(h.db, request(['客户名称', '城市', '客户等级'], [REPS_ACCOUNT, '上海', 'A'], [OWN_ACCOUNT, '上海', 'A']), { now: NOW });
  h.db.prepare('UPDATE accounts SET owner_id = ? WHERE name = ?').run(REP_ID, REPS_ACCOUNT);
  h.db.prepare('UPDATE accounts SET owner_id = ? WHERE name = ?').run(LEAD_ID, OWN_ACCOUNT);
  h.db.prepare('DELETE FROM outbox').run();
  saveOwnerNames(h.db, [{ id: REP_ID, displayName: '张伟' }]);
  signInAs('lead', LEAD_ID);
});

describe('a lead importing rows of another rep’s account', () => {
  const accounts = request(
    ['客户名称', '城市', '客户等级'],
    [REPS_ACCOUNT, '上海', 'B'], // would update the rep's account
    [REPS_ACCOUNT + '二', '上海', 'B'], // a new account: the lead's
    [OWN_ACCOUNT, '上海', 'B'], // the lead's own: updated
  );

  it('reports each such row in the dry run, naming the owner; other rows are unaffected', () => {
    const plan = planImport(h.db, accounts);
    expect(plan.counts).toEqual({ new: 1, updated: 1, unchanged: 0, invalid: 1 });
    expect(plan.invalid).toEqual([readOnlyProblem(2)]);
  });

  it('leaves a row that matches the rep’s account without changing it as unchanged', () => {
    const plan = planImport(h.db, request(['客户名称', '城市', '客户等级'], [REPS_ACCOUNT, '上海', 'A']));
    expect(plan.counts).toEqual({ new: 0, updated: 0, unchanged: 1, invalid: 0 });
  });

  it('refuses contacts and visits that would be added under the rep’s account', () => {
    const contacts = request(['联系人', '客户名称', '生日'], ['李娜', REPS_ACCOUNT, '1980-03-05'], ['王强', OWN_ACCOUNT, null]);
    expect(planImport(h.db, contacts)).toMatchObject({ counts: { new: 1, invalid: 1 }, invalid: [readOnlyProblem(2)] });
    const visits = request(['Account', 'Kind', 'Done at'], [OWN_ACCOUNT, '例行拜访', '2026-03-05 14:30'], [REPS_ACCOUNT, '例行拜访', '2026-03-05 14:30']);
    expect(planImport(h.db, visits)).toMatchObject({ counts: { new: 1, invalid: 1 }, invalid: [readOnlyProblem(3)] });
  });

  it('imports nothing while such rows are there, like any invalid row', () => {
    const before = h.snapshot();
    const outcome = applyImport(h.db, accounts, { now: NOW });
    expect(outcome).toMatchObject({ imported: false, plan: { invalid: [readOnlyProblem(2)] } });
    expect(h.snapshot()).toBe(before);
  });

  it('skips them when told to skip invalid rows: the rep’s account and its outbox stay untouched', () => {
    const outcome = applyImport(h.db, accounts, { now: NOW, skipInvalid: true });
    expect(outcome).toMatchObject({ imported: true, plan: { counts: { new: 1, updated: 1, invalid: 1 } } });
    expect(h.db.prepare('SELECT name, tier FROM accounts ORDER BY name').raw().all()).toEqual([
      [REPS_ACCOUNT, 'A'],
      [REPS_ACCOUNT + '二', 'B'],
      [OWN_ACCOUNT, 'B'],
    ]);
    expect(outboxFor(h.db, accountId(REPS_ACCOUNT))).toEqual([]);
  });

  it('names no one when the owner’s name is unknown', () => {
    h.db.prepare('DELETE FROM sync_owners WHERE id = ?').run(REP_ID);
    expect(planImport(h.db, accounts).invalid).toEqual([{ line: 2, issue: { key: 'import.row.readOnlyAccountOtherRep' } }]);
  });

  it('does not restrict a rep, who may change every account on their laptop', () => {
    signInAs('rep', REP_ID);
    expect(planImport(h.db, accounts).counts).toEqual({ new: 1, updated: 2, unchanged: 0, invalid: 0 });
  });
});
