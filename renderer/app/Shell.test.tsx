// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import type { SyncStatusView } from '../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../test/renderWithApi.js';
import { Shell } from './Shell.js';

afterEach(cleanup);

const alone: SyncStatusView = { state: 'signed_out', running: false, pending: 4, lastSyncedAt: null, progress: null, lastError: null, serverUrl: null, user: null, conflicts: 0 };

const navEntries = () => screen.getAllByRole('menuitem').map((item) => item.textContent);

describe('Shell', () => {
  it('has no conflicts entry for a rep using Rounds alone', async () => {
    await renderWithApi(<Shell />, fakeApi({ 'sync.status': async () => alone }), 'zh-CN');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('仅保存在本机'));
    expect(navEntries()).toEqual(['今日', '客户', '日历', '团队', '设置']);
  });

  it('has it once signed in to a team server', async () => {
    const signedIn: SyncStatusView = { ...alone, state: 'online', pending: 0, lastSyncedAt: '2026-11-20T02:00:00.000Z', serverUrl: 'https://sync.example.com' };
    await renderWithApi(<Shell />, fakeApi({ 'sync.status': async () => signedIn }), 'zh-CN');
    await waitFor(() => expect(navEntries()).toContain('冲突'));
  });
});
