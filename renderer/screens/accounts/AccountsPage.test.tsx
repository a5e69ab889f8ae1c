// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AccountListRow } from '../../../core/model/schemas.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { AccountsPage } from './AccountsPage.js';

afterEach(cleanup);

function row(partial: Partial<AccountListRow> & Pick<AccountListRow, 'id' | 'name'>): AccountListRow {
  return {
    tier: 'B',
    tierSource: 'manual',
    status: 'active',
    city: null,
    industry: null,
    longTermContract: false,
    strategic: false,
    archivedAt: null,
    lastVisitAt: null,
    contactCount: 0,
    ...partial,
  };
}

const rows = [
  row({ id: '0190a000-0000-7000-8000-000000000001', name: '中国石油 华东分公司', tier: 'A', city: '上海', strategic: true, contactCount: 4, lastVisitAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }),
  row({ id: '0190a000-0000-7000-8000-000000000002', name: 'Acme Trading', tier: 'C', status: 'at_risk', city: '杭州', longTermContract: true }),
];

function listApi(result = { rows, total: rows.length }) {
  return fakeApi({
    'accounts.list': async () => result,
    'accounts.cities': async () => ['上海', '杭州'],
  });
}

describe('AccountsPage', () => {
  it.each([
    ['with accounts', { rows, total: rows.length }],
    ['with none yet', { rows: [], total: 0 }],
  ])('opens the import from the accounts list (%s), where a rep looks for it', async (_, result) => {
    window.history.replaceState(null, '', '/?r=accounts');
    await renderWithApi(<AccountsPage />, listApi(result));
    const buttons = await screen.findAllByRole('button', { name: 'Import from Excel/CSV' });
    fireEvent.click(buttons[0]!);
    expect(new URLSearchParams(window.location.search).get('r')).toBe('import');
  });

  it('shows each account with its tier letter, status, city, key-account flags and last visit', async () => {
    await renderWithApi(<AccountsPage />, listApi());
    const link = await screen.findByRole('link', { name: '中国石油 华东分公司' });
    expect(link.getAttribute('href')).toContain('0190a000-0000-7000-8000-000000000001');
    const first = link.closest('.ant-table-row') as HTMLElement;
    expect(within(first).getByLabelText('Tier A').textContent).toBe('A');
    expect(within(first).getByText('Strategic')).toBeTruthy();
    expect(within(first).getByText('3 days ago')).toBeTruthy();
    expect(within(first).getByText('上海')).toBeTruthy();
    const second = screen.getByRole('link', { name: 'Acme Trading' }).closest('.ant-table-row') as HTMLElement;
    expect(within(second).getByText('At risk')).toBeTruthy();
    expect(within(second).getByText('Long-term contract')).toBeTruthy();
    expect(within(second).getByText('Never visited')).toBeTruthy();
  });

  it.each([
    [1024, ['Name', 'Tier', 'Status', 'City', 'Key account', 'Last visit']],
    [1366, ['Name', 'Tier', 'Status', 'City', 'Industry', 'Key account', 'Last visit', 'Contacts']],
  ])('at a %i px wide window, shows the columns that fit, the last visit always (no sideways scrolling at 1024 px)', async (width, headers) => {
    const before = window.innerWidth;
    window.innerWidth = width;
    try {
      await renderWithApi(<AccountsPage />, listApi());
      await screen.findByRole('link', { name: 'Acme Trading' });
      expect(screen.getAllByRole('columnheader').map((header) => header.textContent?.trim()).filter(Boolean)).toEqual(headers);
    } finally {
      window.innerWidth = before;
    }
  });

  it('shows no owner column on a book never synced', async () => {
    await renderWithApi(<AccountsPage />, listApi());
    await screen.findByRole('link', { name: 'Acme Trading' });
    expect(screen.queryByText('Owner')).toBeNull();
  });

  it('shows each synced account’s owner, and marks another rep’s as read-only (zh-CN)', async () => {
    const teamRows = [
      row({ id: '0190a000-0000-7000-8000-000000000003', name: '张伟的客户', ownerId: '0190a000-0000-7000-8000-0000000000b2', ownerName: '张伟', readOnly: true }),
      row({ id: '0190a000-0000-7000-8000-000000000004', name: '自己的客户', ownerId: '0190a000-0000-7000-8000-0000000000a1', ownerName: '王经理', readOnly: false }),
    ];
    await renderWithApi(<AccountsPage />, listApi({ rows: teamRows, total: 2 }), 'zh-CN');
    const others = (await screen.findByRole('link', { name: '张伟的客户' })).closest('.ant-table-row') as HTMLElement;
    expect(screen.getByText('负责人')).toBeTruthy();
    expect(within(others).getByText('张伟')).toBeTruthy();
    expect(within(others).getByText('只读')).toBeTruthy();
    const mine = screen.getByRole('link', { name: '自己的客户' }).closest('.ant-table-row') as HTMLElement;
    expect(within(mine).getByText('王经理')).toBeTruthy();
    expect(within(mine).queryByText('只读')).toBeNull();
  });

  it('sends the typed search to the server once typing settles', async () => {
    const api = listApi();
    await renderWithApi(<AccountsPage />, api);
    await screen.findByRole('link', { name: 'Acme Trading' });
    const box = screen.getByRole('searchbox', { name: 'Search accounts' });
    fireEvent.change(box, { target: { value: 'z' } });
    fireEvent.change(box, { target: { value: 'zgsy' } });
    await waitFor(() => expect(api['accounts.list']).toHaveBeenLastCalledWith(expect.objectContaining({ search: 'zgsy' })));
    const searches = api['accounts.list'].mock.calls.map(([q]) => (q as { search?: string }).search);
    expect(searches).not.toContain('z');
  });

  it('sends the archived toggle and the chosen sort', async () => {
    const api = listApi();
    await renderWithApi(<AccountsPage />, api);
    await screen.findByRole('link', { name: 'Acme Trading' });
    expect(api['accounts.list']).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'name', direction: 'asc', includeArchived: false }));
    fireEvent.click(screen.getByRole('switch'));
    await waitFor(() => expect(api['accounts.list']).toHaveBeenLastCalledWith(expect.objectContaining({ includeArchived: true })));
    fireEvent.click(screen.getByRole('columnheader', { name: /Last visit/ }));
    await waitFor(() => expect(api['accounts.list']).toHaveBeenLastCalledWith(expect.objectContaining({ sort: 'lastVisit', direction: 'asc' })));
  });

  it('filters by tier', async () => {
    const api = listApi();
    await renderWithApi(<AccountsPage />, api);
    await screen.findByRole('link', { name: 'Acme Trading' });
    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Tier' }));
    fireEvent.click(await screen.findByText('Tier A', { selector: '.ant-select-item-option-content' }));
    await waitFor(() => expect(api['accounts.list']).toHaveBeenLastCalledWith(expect.objectContaining({ tiers: ['A'] })));
  });

  it('explains what to do first when there are no accounts at all', async () => {
    await renderWithApi(<AccountsPage />, listApi({ rows: [], total: 0 }));
    expect(await screen.findByText('No accounts yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load demo data' })).toBeTruthy();
  });
});
