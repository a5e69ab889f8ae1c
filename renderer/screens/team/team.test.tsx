// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { addDays, format, parseISO } from 'date-fns';
import type { CoverageView, ExportJobView, VisitLogRowView } from '../../../core/api/contract.js';
import type { CoverageCounts } from '../../../core/reports/coverage.js';
import { invalidateAll } from '../../api/useQuery.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ExportPanel } from './ExportPanel.js';
import { POLL_INTERVAL_MS } from './exportJob.js';
import { TeamPage } from './TeamPage.js';
import { VisitLogTab } from './VisitLogTab.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const REP = '01900000-0000-7000-8000-0000000abcde';
const JANUARY = { from: '2026-01-01', to: '2026-01-31' };
const counts = (partial: Partial<CoverageCounts> = {}): CoverageCounts => ({ accounts: 2, due: 2, withinCadence: 1, overdue: 1, visitsDone: 3, averageGapDays: 12.4, ...partial });

const visit: VisitLogRowView = {
  id: 'v-1', accountId: '0190a000-0000-7000-8000-000000000001', accountName: '中国石油天然气股份有限公司', tier: 'A', city: '北京', ownerId: REP,
  kind: 'executive', status: 'done', plannedAt: null, doneAt: '2026-01-05T02:00:00.000Z', purpose: null, contactsMet: [], outcome: '签了年度合同', nextStep: null,
};

const coverage: CoverageView = {
  period: { preset: 'month', from: '2026-01-01', to: '2026-01-31', year: 2026, index: 1 },
  evaluatedTo: '2026-01-31',
  total: counts({ accounts: 6 }),
  byTier: { A: counts(), B: counts({ due: 0, withinCadence: 0 }), C: counts() },
  byRep: [{ ownerId: REP, counts: counts() }],
  overdue: [{ accountId: '0190a000-0000-7000-8000-000000000002', accountName: 'Acme Trading', tier: 'B', ownerId: REP, lastVisitDay: '2025-10-01', daysOverdue: 42 }],
  overdueTotal: 1,
  complaints: { opened: 3, answeredWithinTarget: 2, resolved: 1, medianResponseMinutes: 180 },
  lifecycle: { lapsed: 4, wonBack: 1 },
  greetings: { due: 5, done: 3 },
};

function teamApi(more: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'app.info': async () => ({ version: '0', host: 'browser', dataDir: '/d', databasePath: '/d/r', schemaVersion: 6, today: '2026-01-20' }),
    'reports.reps': async () => [{ ownerId: REP, name: '王芳' }],
    'reports.visitLog': async () => ({ rows: [visit], total: 1 }),
    'accounts.cities': async () => ['北京'],
    'reports.coverage': async () => coverage,
    'reports.coverageTrend': async () => [{ period: coverage.period, byTier: { A: { due: 2, withinCadence: 1 }, B: { due: 0, withinCadence: 0 }, C: { due: 4, withinCadence: 4 } } }],
    'reports.visitsPerWeek': async () => ({ weeks: ['2025-12-29', '2026-01-05'], reps: [{ ownerId: REP, counts: [0, 2] }] }),
    ...more,
  });
}

describe('Team screen', () => {
  it('shows coverage per tier and per rep, the sections, overdue accounts and charts with text alternatives', async () => {
    const api = teamApi();
    await renderWithApi(<TeamPage />, api);
    expect(await screen.findByText('By tier')).toBeTruthy();
    expect(api['reports.coverage']).toHaveBeenCalledWith({ period: { preset: 'month' } });
    expect(screen.getAllByText('王芳').length).toBeGreaterThan(0);
    expect(screen.getByText('Nothing due')).toBeTruthy(); // tier B: nothing was due
    expect(screen.getByRole('link', { name: 'Acme Trading' })).toBeTruthy();
    expect(screen.getByText('3 of 5 done')).toBeTruthy();
    expect(screen.getByText('3 hours')).toBeTruthy();
    const weekly = await screen.findByRole('table', { name: 'Completed visits per rep, by week (starting Monday)' });
    expect(within(weekly).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['0', '2']);
    const trend = screen.getByRole('table', { name: 'Share of due accounts visited within cadence, per tier and period' });
    // Tier B had nothing due: no bar, as the table says "Nothing due" rather than 0 %.
    expect(within(trend).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['50%', '–', '100%']);
  });

  it('shows the average gap to a tenth of a day, as the report export does (2.25 → 2.3, 2.35 → 2.4, 10.05 → 10.1)', async () => {
    const byTier = { A: counts({ averageGapDays: 2.25 }), B: counts({ averageGapDays: 2.35 }), C: counts({ averageGapDays: 10.05 }) };
    await renderWithApi(<TeamPage />, teamApi({ 'reports.coverage': async () => ({ ...coverage, byTier }) }));
    const table = (await screen.findByText('By tier')).closest('.ant-table-wrapper') as HTMLElement;
    const gaps = within(table).getAllByRole('row').slice(1).map((row) => row.lastElementChild?.textContent);
    expect(gaps.slice(0, 3)).toEqual(['2.3 days', '2.4 days', '10.1 days']);
  });

  it('draws charts on a y-axis with its unit and week labels that do not run into each other', async () => {
    const weeks = Array.from({ length: 14 }, (_, index) => format(addDays(parseISO('2025-12-29'), 7 * index), 'yyyy-MM-dd'));
    const api = teamApi({ 'reports.visitsPerWeek': async () => ({ weeks, reps: [{ ownerId: REP, counts: weeks.map((_, index) => index % 4) }] }) });
    const { container } = await renderWithApi(<TeamPage />, api);
    await screen.findByRole('table', { name: 'Completed visits per rep, by week (starting Monday)' });
    const [trend, weekly] = [...container.querySelectorAll('figure svg')].map((svg) => [...svg.querySelectorAll('text')].map((text) => text.textContent));
    expect(trend).toEqual(['%', '0%', '25%', '50%', '75%', '100%', 'Jan 2026']);
    // Counts 0–3 on a scale of 0–4; a label every second week (each is wider than one week's bar).
    expect(weekly).toEqual(['Visits', '0', '1', '2', '3', '4', 'Dec 29', 'Jan 12', 'Jan 26', 'Feb 9', 'Feb 23', 'Mar 9', 'Mar 23']);
  });

  it('asks for the chosen preset period (季报)', async () => {
    const api = teamApi();
    await renderWithApi(<TeamPage />, api, 'zh-CN');
    fireEvent.click(await screen.findByText('季报'));
    await waitFor(() => expect(api['reports.coverage']).toHaveBeenLastCalledWith({ period: { preset: 'quarter' } }));
  });

  it('steps to the previous and next period; last month is one click away', async () => {
    const api = teamApi();
    await renderWithApi(<TeamPage />, api);
    expect(await screen.findByText('January 2026')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next month' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    await waitFor(() => expect(api['reports.coverage']).toHaveBeenLastCalledWith({ period: { preset: 'month', day: '2025-12-01' } }));
    expect(screen.getByText('December 2025')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Next month' }));
    await waitFor(() => expect(api['reports.coverage']).toHaveBeenLastCalledWith({ period: { preset: 'month' } }));
    fireEvent.click(screen.getByText('Quarter'));
    fireEvent.click(screen.getByRole('button', { name: 'Previous quarter' }));
    await waitFor(() => expect(api['reports.coverage']).toHaveBeenLastCalledWith({ period: { preset: 'quarter', day: '2025-10-01' } }));
    expect(screen.getByText('Q4 2025')).toBeTruthy();
  });

  it('names half-years and years in Chinese', async () => {
    const api = teamApi();
    await renderWithApi(<TeamPage />, api, 'zh-CN');
    expect(await screen.findByText('2026年1月', { selector: 'strong' })).toBeTruthy();
    fireEvent.click(screen.getByText('半年报'));
    fireEvent.click(screen.getByRole('button', { name: '上个半年' }));
    expect(await screen.findByText('2025年下半年', { selector: 'strong' })).toBeTruthy();
    fireEvent.click(screen.getByText('年报'));
    expect(await screen.findByText('2026年', { selector: 'strong' })).toBeTruthy();
  });

  it('lists the period’s done visits, newest first, and planned ones only on request', async () => {
    const api = teamApi();
    await renderWithApi(<TeamPage />, api);
    fireEvent.click(await screen.findByRole('tab', { name: 'Visit log' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenLastCalledWith({ from: '2026-01-01', to: '2026-01-31', statuses: ['done'], offset: 0, limit: 200 }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show planned visits' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenLastCalledWith({ from: '2026-01-01', to: '2026-01-31', statuses: ['done', 'planned'], offset: 0, limit: 200 }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenLastCalledWith({ from: '2025-12-01', to: '2025-12-31', statuses: ['done', 'planned'], offset: 0, limit: 200 }));
  });

  it('shows a rep’s visit that arrived by sync in the open visit log, without anyone pressing anything', async () => {
    let rows: VisitLogRowView[] = [];
    const api = teamApi({ 'reports.visitLog': async () => ({ rows, total: rows.length }) });
    await renderWithApi(<TeamPage />, api);
    fireEvent.click(await screen.findByRole('tab', { name: 'Visit log' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenCalled());
    expect(screen.queryByText(visit.accountName)).toBeNull();
    // A sync brought the visit: the sync status sees a new dataVersion and every open screen reloads.
    rows = [visit];
    act(() => invalidateAll());
    expect(await screen.findByText(visit.accountName)).toBeTruthy();
  });

  it('shows visit times on a 24-hour clock', async () => {
    const doneAt = '2026-01-05T13:30:00.000Z';
    const api = teamApi({ 'reports.visitLog': async () => ({ rows: [{ ...visit, doneAt }], total: 1 }) });
    await renderWithApi(<VisitLogTab from={JANUARY.from} to={JANUARY.to} />, api, 'zh-CN');
    const row = (await screen.findByRole('link', { name: '中国石油天然气股份有限公司' })).closest('.ant-table-row') as HTMLElement;
    expect(within(row).getByText(format(parseISO(doneAt), 'yyyy年M月d日 HH:mm'))).toBeTruthy();
    expect(row.textContent).not.toMatch(/上午|下午/);
  });

  it('sends the visit-log filters and sort to the query and names the rep', async () => {
    const api = teamApi();
    await renderWithApi(<VisitLogTab from={JANUARY.from} to={JANUARY.to} />, api);
    const row = (await screen.findByRole('link', { name: '中国石油天然气股份有限公司' })).closest('.ant-table-row') as HTMLElement;
    expect(within(row).getByText('王芳')).toBeTruthy();
    expect(within(row).getByText('Executive visit')).toBeTruthy();
    expect(api['reports.visitLog']).toHaveBeenLastCalledWith({ ...JANUARY, statuses: ['done'], offset: 0, limit: 200 });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Tier' }));
    fireEvent.click(await screen.findByText('Tier A', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenLastCalledWith({ ...JANUARY, statuses: ['done'], tiers: ['A'], offset: 0, limit: 200 }));
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Rep' }));
    fireEvent.click(await screen.findByText('王芳', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenLastCalledWith({ ...JANUARY, statuses: ['done'], tiers: ['A'], ownerIds: [REP], offset: 0, limit: 200 }));
    fireEvent.click(screen.getByText('Account', { selector: 'th *' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'account', descending: false })));
  });

  it('exports the visit log list with its filters and sort, in the chosen language', async () => {
    const api = teamApi({
      'exports.start': async () => ({ jobId: 'job-3' }),
      'exports.status': async () => ({ jobId: 'job-3', kind: 'visits', format: 'xlsx', state: 'running', done: 0, total: 0, file: null, error: null }),
    });
    await renderWithApi(<VisitLogTab from={JANUARY.from} to={JANUARY.to} />, api, 'zh-CN');
    await screen.findByRole('link', { name: '中国石油天然气股份有限公司' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '等级' }));
    fireEvent.click(await screen.findByText('A 级', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(api['reports.visitLog']).toHaveBeenLastCalledWith({ ...JANUARY, statuses: ['done'], tiers: ['A'], offset: 0, limit: 200 }));
    fireEvent.click(screen.getByRole('button', { name: /导出列表（Excel）/ }));
    await waitFor(() => expect(api['exports.start']).toHaveBeenCalledWith({ kind: 'visits', format: 'xlsx', visitLog: { ...JANUARY, statuses: ['done'], tiers: ['A'] }, language: 'zh-CN' }));
    // The job runs: its row count and Cancel show under the list.
    expect(await screen.findByText('0 / 0')).toBeTruthy();
    expect(screen.getByRole('button', { name: '取消' })).toBeTruthy();
  });
});

describe('export panel', () => {
  it('starts an export, shows its progress, and cancels it', async () => {
    const views: ExportJobView[] = [];
    const job = (patch: Partial<ExportJobView>): ExportJobView => ({ jobId: 'job-1', kind: 'visits', format: 'csv', state: 'running', done: 0, total: 0, file: null, error: null, ...patch });
    const api = fakeApi({
      'exports.start': async () => ({ jobId: 'job-1' }),
      'exports.status': async () => views.shift() ?? job({ done: 500, total: 1000 }),
      'exports.cancel': async () => job({ state: 'cancelled', done: 500, total: 1000 }),
    });
    views.push(job({ done: 250, total: 1000 }));
    await renderWithApi(<ExportPanel period={{ preset: 'quarter' }} />, api);
    fireEvent.click(screen.getByRole('button', { name: /Visit log \(CSV\)/ }));
    await waitFor(() => expect(api['exports.start']).toHaveBeenCalledWith({ kind: 'visits', format: 'csv', period: { preset: 'quarter' }, language: 'en' }));
    expect(await screen.findByText('250 / 1000', {}, { timeout: POLL_INTERVAL_MS * 4 })).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Export progress' }).getAttribute('aria-valuenow')).toBe('25');
    expect(screen.getByRole('button', { name: /Visit log \(CSV\)/ }).hasAttribute('disabled')).toBe(true);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Cancel' })));
    expect(api['exports.cancel']).toHaveBeenCalledWith({ jobId: 'job-1' });
    expect(await screen.findByText('Export cancelled; no file was written.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('asks what a calendar export holds: the team’s planned visits, dates, festivals, its period, one file per rep', async () => {
    const api = fakeApi({
      'app.info': async () => ({ version: '0', host: 'browser', dataDir: '/d', databasePath: '/d/rounds.sqlite', schemaVersion: 1, today: '2026-01-15' }),
      'exports.start': async () => ({ jobId: 'job-3' }),
      'exports.status': async () => ({ jobId: 'job-3', kind: 'calendar', format: 'ics', state: 'running', done: 0, total: 0, file: null, error: null }),
    });
    await renderWithApi(<ExportPanel period={{ preset: 'month' }} />, api);
    fireEvent.click(screen.getByRole('button', { name: /Calendar \(iCalendar\)/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Export calendar' });
    expect(within(dialog).getByText('Whose: the whole team')).toBeTruthy();
    const include = within(dialog).getByRole('group', { name: 'Include' });
    // nothing chosen: nothing to export, and the dialog says so
    fireEvent.click(within(include).getByRole('checkbox', { name: /Planned visits of the team/ }));
    fireEvent.click(within(include).getByRole('checkbox', { name: /important dates/ }));
    expect(within(dialog).getByText('Choose at least one thing to include.')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Export' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(include).getByRole('checkbox', { name: /Planned visits of the team/ }));
    fireEvent.click(within(include).getByRole('checkbox', { name: 'Festivals' }));
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /One file per rep/ }));
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Quarter' }));
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Export' })));
    expect(api['exports.start']).toHaveBeenCalledWith({
      kind: 'calendar',
      format: 'ics',
      period: { preset: 'quarter' },
      language: 'en',
      calendar: { visits: true, dates: false, festivals: true, perRep: true },
    });
  });

  it('downloads the finished file through a one-time ticket, never with the token in a link', async () => {
    sessionStorage.setItem('rounds.token', 'tok');
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ url: '/files/exports/report-2026.pdf?ticket=once' }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const api = fakeApi({
        'exports.start': async () => ({ jobId: 'job-2' }),
        'exports.status': async () => ({ jobId: 'job-2', kind: 'report', format: 'pdf', state: 'done', done: 3, total: 3, file: { name: 'report-2026.pdf', path: '/d/exports/report-2026.pdf' }, error: null }),
      });
      const { container } = await renderWithApi(<ExportPanel period={{ preset: 'year' }} />, api);
      fireEvent.click(screen.getByRole('button', { name: /Report \(PDF\)/ }));
      const download = await screen.findByRole('button', { name: 'Download' }, { timeout: POLL_INTERVAL_MS * 4 });
      expect(container.innerHTML).not.toContain('tok');
      await act(async () => fireEvent.click(download));
      expect(fetchMock).toHaveBeenCalledWith('/files/tickets', expect.objectContaining({ method: 'POST', body: JSON.stringify({ name: 'report-2026.pdf' }), headers: expect.objectContaining({ 'x-rounds-token': 'tok' }) }));
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
