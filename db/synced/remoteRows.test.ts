/** Applying rows as the server has them: a row this laptop already holds as it is costs no write. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PulledRow } from '../../core/sync/protocol.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';
import { applyPulledRow } from './remoteRows.js';

const tempDir = useTempDir();
let h: Harness;

beforeEach(() => {
  h = createHarness(tempDir(), '2026-11-25T02:00:00.000Z');
});

const OWNER = '01900000-0000-7000-8000-0000000000b2';
const ACCOUNT = '01900000-0000-7000-8000-00000000a001';
const VISIT = '01900000-0000-7000-8000-00000000b001';
const account = (version: number, name: string): PulledRow => ({
  table: 'accounts',
  id: ACCOUNT,
  version,
  ownerId: OWNER,
  data: { name, tier: 'A', city: '杭州', createdAt: '2026-11-01T01:00:00.000Z', updatedAt: '2026-11-01T01:00:00.000Z' },
});
const visit = (version: number): PulledRow => ({
  table: 'visits',
  id: VISIT,
  version,
  ownerId: OWNER,
  data: { accountId: ACCOUNT, kind: 'routine', status: 'done', doneAt: '2026-11-20T02:00:00.000Z', createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z' },
});
/** Rows written by statements and triggers since the connection opened. */
const writes = () => h.db.prepare('SELECT total_changes()').pluck().get() as number;

describe('a pulled row', () => {
  it('sent again exactly as held here (a first sync brings its priority rows twice) writes nothing, triggers included', () => {
    expect(applyPulledRow(h.db, account(1, '华东医药'))).toBe(true);
    expect(applyPulledRow(h.db, visit(2))).toBe(true);
    const before = writes();
    expect(applyPulledRow(h.db, account(1, '华东医药'))).toBe(false);
    expect(applyPulledRow(h.db, visit(2))).toBe(false);
    expect(writes()).toBe(before);
    expect(h.db.prepare('SELECT last_visit_at FROM accounts WHERE id = ?').pluck().get(ACCOUNT)).toBe('2026-11-20T02:00:00.000Z');
  });

  it('that differs in any column is written whole, and the search index follows the new name', () => {
    applyPulledRow(h.db, account(1, '华东医药'));
    expect(applyPulledRow(h.db, account(3, '华东医药集团'))).toBe(true);
    expect(h.db.prepare('SELECT name, server_version FROM accounts WHERE id = ?').get(ACCOUNT)).toEqual({ name: '华东医药集团', server_version: 3 });
    expect(h.db.prepare("SELECT count(*) FROM accounts_fts WHERE accounts_fts MATCH 'name:药集团'").pluck().get()).toBe(1);
  });
});
