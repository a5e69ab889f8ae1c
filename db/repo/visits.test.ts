import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase.js';
import { useTempDir } from '../testing/tempDir.js';
import { insertAccount, lastVisitAt } from './accounts.js';
import { insertVisit, updateVisit, type VisitValues } from './visits.js';

const tempDir = useTempDir();
const NOW = '2026-11-23T00:00:00.000Z';

describe("an account's last visit", () => {
  it('follows done visits as they are added, changed, moved and deleted', () => {
    const db = openDatabase(path.join(tempDir(), 'rounds.sqlite'));
    const fields = { tier: 'A', tierSource: 'manual', status: 'active', industry: null, city: null, address: null, longTermContract: false, strategic: false, annualRevenue: null, cadenceDays: null, interests: null, notes: null, externalId: null } as const;
    const account = insertAccount(db, { name: '甲', ...fields }, NOW);
    const other = insertAccount(db, { name: '乙', ...fields }, NOW);
    const visit = (doneAt: string | null, status: VisitValues['status'] = 'done'): VisitValues => ({
      accountId: account.id, kind: 'routine', status, plannedAt: null, doneAt, cancelledAt: null, purpose: null,
      metContactIds: [], outcome: null, nextStep: null, nextVisitDate: null,
    });
    expect(lastVisitAt(db, account.id)).toBeNull();
    const march = insertVisit(db, visit('2026-03-01T00:00:00.000Z'), NOW);
    insertVisit(db, visit('2026-02-01T00:00:00.000Z'), NOW);
    insertVisit(db, visit(null, 'planned'), NOW);
    expect(lastVisitAt(db, account.id)).toBe('2026-03-01T00:00:00.000Z');
    updateVisit(db, march.id, { doneAt: '2026-01-15T00:00:00.000Z' }, NOW);
    expect(lastVisitAt(db, account.id)).toBe('2026-02-01T00:00:00.000Z');
    db.prepare("UPDATE visits SET deleted_at = ? WHERE done_at = '2026-02-01T00:00:00.000Z'").run(NOW);
    expect(lastVisitAt(db, account.id)).toBe('2026-01-15T00:00:00.000Z');
    db.prepare('UPDATE visits SET account_id = ? WHERE id = ?').run(other.id, march.id);
    expect([lastVisitAt(db, account.id), lastVisitAt(db, other.id)]).toEqual([null, '2026-01-15T00:00:00.000Z']);
    db.prepare('DELETE FROM visits WHERE id = ?').run(march.id);
    expect(lastVisitAt(db, other.id)).toBeNull();
    db.close();
  });
});
