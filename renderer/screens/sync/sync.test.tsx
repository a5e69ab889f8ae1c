// @vitest-environment jsdom
/** The sync screens with a fake API: status bar, the Settings card, the conflicts inbox. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { NoteConflictView, RejectedChangeView, SyncStatusView } from '../../../core/api/contract.js';
import { ApiError } from '../../../core/api/errors.js';
import { SyncStatus } from '../../app/SyncStatus.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ConflictsPage } from './ConflictsPage.js';
import { SyncSettingsCard } from './SyncSettingsCard.js';

const signedOut: SyncStatusView = { state: 'signed_out', running: false, pending: 3, lastSyncedAt: null, progress: null, lastError: null, serverUrl: null, user: null, conflicts: 0 };
const online: SyncStatusView = {
  ...signedOut,
  state: 'online',
  pending: 2,
  lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  serverUrl: 'https://sync.example.com',
  user: { id: 'u1', username: 'wang', displayName: '王伟', role: 'lead', teamName: '华东' },
};
afterEach(cleanup);

const note = (id: string, body: string) => ({ id, accountId: 'a1', visitId: null, contactId: null, body, revision: 1, createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z', deletedAt: null });

describe('SyncStatus', () => {
  it('shows pending changes, the last sync and a pull in progress', async () => {
    await renderWithApi(<SyncStatus status={{ ...online, running: true, progress: { done: 1200, total: 4800 } }} />, fakeApi({}));
    expect(screen.getByRole('status').textContent).toContain('Syncing…');
    expect(screen.getByText('2 to send')).toBeTruthy();
    expect(screen.getByText('Receiving 1200 of 4800')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
  });

  it('says offline in plain words, in Chinese too', async () => {
    await renderWithApi(<SyncStatus status={{ ...online, state: 'offline', lastError: 'sync:errors.offline' }} />, fakeApi({}), 'zh-CN');
    expect(screen.getByRole('status').textContent).toContain('离线');
    expect(screen.getByRole('status').textContent).toContain('2 项待发送');
  });
});

describe('SyncSettingsCard', () => {
  it('signs in and puts a wrong password on the password field', async () => {
    const api = fakeApi({
      'sync.status': async () => signedOut,
      'sync.signIn': async () => {
        throw new ApiError('validation', { issues: [{ path: ['password'], message: 'sync:errors.bad_credentials' }] });
      },
    });
    await renderWithApi(<SyncSettingsCard />, api);
    fireEvent.change(await screen.findByLabelText('Server address'), { target: { value: 'sync.example.com' } });
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'wang' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Wrong user name or password.')).toBeTruthy();
    expect(api['sync.signIn']).toHaveBeenCalledWith({ serverUrl: 'sync.example.com', username: 'wang', password: 'nope' });
  });

  it('shows who is signed in and syncs now', async () => {
    const api = fakeApi({ 'sync.status': async () => online, 'sync.now': async () => online });
    await renderWithApi(<SyncSettingsCard />, api);
    expect(await screen.findByText('王伟 (wang)')).toBeTruthy();
    expect(screen.getByText('Team lead')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(api['sync.now']).toHaveBeenCalledWith({}));
  });
});

describe('ConflictsPage', () => {
  it('shows both texts of a note conflict and resolves it', async () => {
    const conflict: NoteConflictView = { copy: note('c1', 'text from the laptop'), current: note('n1', 'text from the desktop'), accountId: 'a1', accountName: '华东电力' };
    const rejected: RejectedChangeView = { id: 7, mutationId: 3, table: 'notes', rowId: 'n2', op: 'upsert', fields: { body: 'lost edit' }, reason: 'deleted', message: null, changedAt: '2026-11-20T02:00:00.000Z', rejectedAt: '2026-11-21T02:00:00.000Z', about: { accountId: 'a1', accountName: '华东电力', personName: null, when: '2026-11-19T02:00:00.000Z', current: { body: 'server text' }, canRetry: false, canCopyText: true } };
    const api = fakeApi({
      'sync.conflicts': async () => ({ notes: [conflict], rejected: [rejected] }),
      'sync.resolveConflict': async ({ noteId }) => ({ noteId }),
      'sync.dismissRejected': async ({ id }) => ({ id }),
    });
    await renderWithApi(<ConflictsPage />, api);
    expect(await screen.findByText('text from the laptop')).toBeTruthy();
    expect(screen.getByText('text from the desktop')).toBeTruthy();
    expect(screen.getByText('Change of a note')).toBeTruthy();
    expect(screen.getByText('It was deleted on another device.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use the other version' }));
    await waitFor(() => expect(api['sync.resolveConflict']).toHaveBeenCalledWith({ noteId: 'c1', keep: 'theirs' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(api['sync.dismissRejected']).toHaveBeenCalledWith({ id: 7 }));
  });

  it('says so when there is nothing to resolve', async () => {
    await renderWithApi(<ConflictsPage />, fakeApi({ 'sync.conflicts': async () => ({ notes: [], rejected: [] }) }));
    expect(await screen.findByText('No conflicts. Everything you changed reached the server.')).toBeTruthy();
  });
});
