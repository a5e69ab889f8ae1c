import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportJobView } from '../../core/api/contract.js';
import { readStoredZip } from '../export/zip.js';
import { openFixtureDatabase } from '../reports/testFixture.js';
import { createHarness, type Harness } from '../testing/harness.js';
import { useTempDir } from '../testing/tempDir.js';

function fixtureHarness(dir: string): Harness {
  openFixtureDatabase(dir).close();
  return createHarness(dir, '2026-03-01T04:00:00.000Z');
}

async function until(h: Harness, jobId: string, done: (view: ExportJobView) => boolean): Promise<ExportJobView> {
  for (;;) {
    const view = await h.call('exports.status', { jobId });
    if (done(view)) return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const exportsIn = (dir: string) => (fs.existsSync(path.join(dir, 'exports')) ? fs.readdirSync(path.join(dir, 'exports')) : []);

describe('exports as background jobs', () => {
  const tempDir = useTempDir();

  it('writes the visit log in a worker thread into <dataDir>/exports and reports progress', async () => {
    const dir = tempDir();
    const h = fixtureHarness(dir);
    const { jobId } = await h.call('exports.start', { kind: 'visits', format: 'csv', period: { preset: 'custom', from: '2025-11-01', to: '2026-02-28' }, language: 'zh-CN' });
    // the host keeps answering while the worker runs
    expect((await h.call('reports.reps', undefined)).length).toBe(2);
    const view = await until(h, jobId, (v) => v.state !== 'running');
    expect(view).toMatchObject({ state: 'done', kind: 'visits', format: 'csv', done: 5, total: 5, error: null });
    expect(view.file!.path).toBe(path.join(dir, 'exports', view.file!.name));
    const csv = fs.readFileSync(view.file!.path, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('中国石油天然气股份有限公司');
    expect(csv).toContain("'=HYPERLINK");
    h.db.close();
  });

  it('exports the visit log list as the screen filters and sorts it, whatever its days', async () => {
    const dir = tempDir();
    const h = fixtureHarness(dir);
    // Tier A or C, newest first: v-4 (acc-3, 02-03), v-2, v-1 (acc-1), v-5 (acc-3, 2025-12-01); not v-3 (acc-2, tier B).
    const { jobId } = await h.call('exports.start', { kind: 'visits', format: 'csv', visitLog: { tiers: ['A', 'C'], sort: 'when', descending: true }, language: 'en' });
    const view = await until(h, jobId, (v) => v.state !== 'running');
    expect(view).toMatchObject({ state: 'done', done: 4, total: 4 });
    expect(view.file!.name).toMatch(/^visits-list-[0-9a-f]{6}\.csv$/);
    const records = fs.readFileSync(view.file!.path, 'utf8').split('\r\n').slice(1).filter(Boolean);
    const accountOf = (record: string) => (record.includes("'=HYPERLINK") ? 'acc-3' : record.includes('中国石油天然气股份有限公司') ? 'acc-1' : 'other');
    expect(records.map(accountOf)).toEqual(['acc-3', 'acc-1', 'acc-1', 'acc-3']);
    h.db.close();
  });

  it('names a listed export by its days when the list has both, and refuses a list with a period or for another kind', async () => {
    const dir = tempDir();
    const h = fixtureHarness(dir);
    const { jobId } = await h.call('exports.start', { kind: 'visits', format: 'xlsx', visitLog: { from: '2026-01-01', to: '2026-01-31' } });
    const view = await until(h, jobId, (v) => v.state !== 'running');
    expect(view).toMatchObject({ state: 'done', total: 3 });
    expect(view.file!.name).toMatch(/^visits-list-2026-01-01_2026-01-31-[0-9a-f]{6}\.xlsx$/);
    for (const input of [
      { kind: 'report', format: 'pdf', visitLog: { tiers: ['A'] } },
      { kind: 'visits', format: 'csv', visitLog: {}, period: { preset: 'month' } },
      { kind: 'visits', format: 'csv' },
    ]) {
      expect(await h.fail('exports.start', input as never)).toMatchObject({ code: 'validation', issues: [{ path: ['visitLog'] }] });
    }
    h.db.close();
  });

  it('cancels a running export and leaves no file behind', async () => {
    const dir = tempDir();
    const h = fixtureHarness(dir);
    // Enough rows that the export is still running when the cancel arrives.
    const insert = h.db.prepare(
      `INSERT INTO visits (id, account_id, kind, status, planned_at, done_at, met_contact_ids, outcome, created_at, updated_at)
       VALUES (?, 'acc-1', 'routine', 'done', ?, ?, '[]', ?, '2025-11-01T00:00:00.000Z', '2025-11-01T00:00:00.000Z')`,
    );
    h.db.transaction(() => {
      for (let i = 0; i < 20_000; i += 1) {
        const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
        insert.run(`bulk-${i}`, at, at, `visit ${i} ${'x'.repeat(200)}`);
      }
    })();
    const { jobId } = await h.call('exports.start', { kind: 'visits', format: 'xlsx', period: { preset: 'year', day: '2026-01-10' } });
    await until(h, jobId, (v) => v.done > 0);
    const cancelled = await h.call('exports.cancel', { jobId });
    expect(cancelled.jobId).toBe(jobId);
    const view = await until(h, jobId, (v) => v.state !== 'running');
    expect(view).toMatchObject({ state: 'cancelled', file: null });
    expect(view.done).toBeLessThan(20_005);
    expect(exportsIn(dir)).toEqual([]);
    h.db.close();
  });

  it('exports a calendar per rep as a zip of .ics files, and refuses one holding nothing or choices for another kind', async () => {
    const dir = tempDir();
    const h = fixtureHarness(dir);
    const calendar = { visits: true, dates: false, festivals: false, perRep: true };
    const { jobId } = await h.call('exports.start', { kind: 'calendar', format: 'ics', period: { preset: 'custom', from: '2026-02-01', to: '2026-02-28' }, calendar });
    const view = await until(h, jobId, (v) => v.state !== 'running');
    expect(view).toMatchObject({ state: 'done', total: 1 }); // v-4, REP_TWO's planned visit
    expect(view.file!.name).toMatch(/^calendar-2026-02-01_2026-02-28-[0-9a-f]{6}\.zip$/);
    const files = readStoredZip(fs.readFileSync(view.file!.path));
    expect(files).toHaveLength(2); // one per rep, the rep with nothing planned too
    expect(files.map((file) => file.data.toString('utf8').includes('UID:v-4-visit@rounds'))).toEqual([false, true]);
    const nothing = { ...calendar, visits: false };
    expect(await h.fail('exports.start', { kind: 'calendar', format: 'ics', period: { preset: 'month' }, calendar: nothing })).toMatchObject({ code: 'validation', issues: [{ path: ['calendar', 'visits'] }] });
    expect(await h.fail('exports.start', { kind: 'visits', format: 'csv', period: { preset: 'month' }, calendar })).toMatchObject({ code: 'validation', issues: [{ path: ['calendar'] }] });
    h.db.close();
  });

  it('refuses a format the kind does not come in, and an unknown job', async () => {
    const h = fixtureHarness(tempDir());
    expect(await h.fail('exports.start', { kind: 'calendar', format: 'pdf', period: { preset: 'month' } })).toMatchObject({ code: 'validation', issues: [{ path: ['format'] }] });
    expect(await h.fail('exports.status', { jobId: 'nope' })).toMatchObject({ code: 'not_found' });
    h.db.close();
  });
});
