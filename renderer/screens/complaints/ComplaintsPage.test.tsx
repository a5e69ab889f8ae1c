// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ComplaintListRow } from '../../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ComplaintsPage } from './ComplaintsPage.js';

afterEach(cleanup);

const row = (id: string, fields: Partial<ComplaintListRow>): ComplaintListRow => ({
  id,
  accountId: '01900000-0000-7000-8000-000000000101',
  accountName: '华东钢铁',
  tier: 'A',
  contactId: null,
  channel: 'phone',
  severity: 'high',
  description: '交货延误',
  receivedAt: '2026-11-22T00:00:00.000Z',
  targetHours: null,
  firstRespondedAt: null,
  response: null,
  resolvedAt: null,
  resolution: null,
  status: 'open',
  createdAt: '2026-11-22T00:00:00.000Z',
  updatedAt: '2026-11-22T00:00:00.000Z',
  deletedAt: null,
  respondBy: '2026-11-22T06:00:00.000Z',
  breached: true,
  ...fields,
});

describe('ComplaintsPage', () => {
  it('lists unresolved complaints across accounts and filters by past target and tier', async () => {
    const replied = row('c2', { accountName: '华南物流', tier: 'B', status: 'responded', firstRespondedAt: '2026-11-22T02:00:00.000Z', breached: false, description: '发票错误' });
    const api = fakeApi({ 'complaints.list': async () => [row('c1', {}), replied] });
    await renderWithApi(<ComplaintsPage />, api, 'en');

    expect(await screen.findByRole('link', { name: '华东钢铁' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '华南物流' })).toBeTruthy();
    expect(api['complaints.list']).toHaveBeenLastCalledWith({ unresolved: true });
    // A replied complaint is not resolved: it is listed, with Resolve and no Respond.
    const repliedRow = screen.getByRole('link', { name: '华南物流' }).closest('tr')!;
    expect(within(repliedRow).getByText('Responded')).toBeTruthy();
    expect(within(repliedRow).getByRole('button', { name: 'Resolve · 华南物流' })).toBeTruthy();
    expect(within(repliedRow).queryByRole('button', { name: 'Respond · 华南物流' })).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Past first-reply target only' }));
    await waitFor(() => expect(api['complaints.list']).toHaveBeenLastCalledWith({ unresolved: true, breached: true }));
    fireEvent.click(screen.getByText('All'));
    await waitFor(() => expect(api['complaints.list']).toHaveBeenLastCalledWith({ breached: true }));
  });

  it('says so in Chinese when nothing waits', async () => {
    await renderWithApi(<ComplaintsPage />, fakeApi({ 'complaints.list': async () => [] }), 'zh-CN');
    expect(await screen.findByText('没有待解决的投诉。')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '投诉' })).toBeTruthy();
  });
});
