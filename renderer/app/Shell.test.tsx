// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { SyncStatusView } from '../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../test/renderWithApi.js';
import { Shell } from './Shell.js';

const fullWidth = window.innerWidth;
afterEach(() => {
  cleanup();
  window.innerWidth = fullWidth;
});

const alone: SyncStatusView = { state: 'signed_out', running: false, pending: 4, lastSyncedAt: null, progress: null, lastError: null, serverUrl: null, user: null, conflicts: 0 };

const navEntries = () => screen.getAllByRole('menuitem').map((item) => item.textContent);

describe('Shell', () => {
  it('has no conflicts entry for a rep using Rounds alone', async () => {
    await renderWithApi(<Shell />, fakeApi({ 'sync.status': async () => alone }), 'zh-CN');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('仅保存在本机'));
    expect(navEntries()).toEqual(['今日', '客户', '投诉', '日历', '团队', '设置']);
  });

  it('narrows the navigation to icons in a 1024-pixel window, each named in a tooltip', async () => {
    window.innerWidth = 1024;
    await renderWithApi(<Shell />, fakeApi({ 'sync.status': async () => alone }), 'en');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('On this computer only'));
    expect(document.querySelector('.ant-layout-sider-collapsed')).not.toBeNull();
    expect(document.querySelector('.ant-menu-inline-collapsed')).not.toBeNull();
    fireEvent.mouseEnter(screen.getAllByRole('menuitem')[1]!);
    expect((await screen.findByRole('tooltip')).textContent).toBe('Accounts');
  });

  it('keeps the names beside the icons in a 1366-pixel window', async () => {
    window.innerWidth = 1366;
    await renderWithApi(<Shell />, fakeApi({ 'sync.status': async () => alone }), 'en');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('On this computer only'));
    expect(document.querySelector('.ant-layout-sider-collapsed')).toBeNull();
  });

  it('has it once signed in to a team server', async () => {
    const signedIn: SyncStatusView = { ...alone, state: 'online', pending: 0, lastSyncedAt: '2026-11-20T02:00:00.000Z', serverUrl: 'https://sync.example.com' };
    await renderWithApi(<Shell />, fakeApi({ 'sync.status': async () => signedIn }), 'zh-CN');
    await waitFor(() => expect(navEntries()).toContain('冲突'));
  });
});
