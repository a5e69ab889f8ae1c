// @vitest-environment jsdom
/** The sync screens with a fake API: status bar, the Settings card (with the demo data notice), the conflicts inbox. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import type { NoteConflictView, RejectedChangeView, SyncStatusView } from '../../../core/api/contract.js';
import { ApiError } from '../../../core/api/errors.js';
import { useQuery } from '../../api/useQuery.js';
import { SyncStatus } from '../../app/SyncStatus.js';
import { GettingStarted } from '../accounts/GettingStarted.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { ConflictsPage } from './ConflictsPage.js';
import { SyncSettingsCard } from './SyncSettingsCard.js';
import { useSyncStatus } from './useSyncStatus.js';

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

const noDemo = async () => ({ present: false, keptAccounts: [] });

const note = (id: string, body: string) => ({ id, accountId: 'a1', visitId: null, contactId: null, body, revision: 1, createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z', deletedAt: null });

describe('SyncStatus', () => {
  it('used alone (never signed in) says the data stays on this computer, with no count of changes to send', async () => {
    const { unmount } = await renderWithApi(<SyncStatus status={signedOut} />, fakeApi({}), 'zh-CN');
    expect(screen.getByRole('status').textContent).toContain('仅保存在本机');
    expect(screen.getByRole('status').textContent).not.toContain('待发送');
    expect(screen.getByRole('status').textContent).not.toContain('未同步');
    unmount();
    await renderWithApi(<SyncStatus status={signedOut} />, fakeApi({}));
    expect(screen.getByRole('status').textContent).toContain('On this computer only');
    cleanup();
    // Signed out after syncing with a team: what waits to be sent is still counted.
    await renderWithApi(<SyncStatus status={{ ...signedOut, lastSyncedAt: '2026-11-20T02:00:00.000Z' }} />, fakeApi({}));
    expect(screen.getByRole('status').textContent).toContain('Not syncing');
    expect(screen.getByText('3 to send')).toBeTruthy();
  });

  it('shows pending changes, the last sync and a pull in progress', async () => {
    await renderWithApi(<SyncStatus status={{ ...online, running: true, progress: { done: 1200, total: 4800 } }} />, fakeApi({}));
    expect(screen.getByRole('status').textContent).toContain('Syncing…');
    expect(screen.getByText('2 to send')).toBeTruthy();
    expect(screen.getByText('Receiving 1,200 of 4,800')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('25');
  });

  it('a new laptop’s first sync says its phase — Today’s rows first, then the rest — with done / total, in both languages', async () => {
    const cases: Array<[SyncStatusView['progress'], string[], string[]]> = [
      [{ phase: 'today', done: 1200, total: 8400 }, ['Getting Today ready…', 'Receiving 1,200 of 8,400'], ['正在准备今日待办…', '正在接收 1,200 / 8,400']],
      [{ phase: 'all', done: 60000, total: 182000 }, ['Today is ready · receiving the rest…', 'Receiving 60,000 of 182,000'], ['今日待办已就绪 · 正在接收其余数据…', '正在接收 60,000 / 182,000']],
      // Even a phase of a few rows shows its bar: the rep is waiting for Today.
      [{ phase: 'today', done: 20, total: 40 }, ['Getting Today ready…', 'Receiving 20 of 40'], ['正在准备今日待办…', '正在接收 20 / 40']],
    ];
    for (const [progress, en, zh] of cases) {
      for (const [language, expected] of [['en', en], ['zh-CN', zh]] as const) {
        await renderWithApi(<SyncStatus status={{ ...online, pending: 0, running: true, activity: 'receiving', progress }} />, fakeApi({}), language);
        for (const words of expected) expect(screen.getByRole('status').textContent).toContain(words);
        expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(Math.round((100 * progress!.done) / progress!.total!)));
        fireEvent.mouseEnter(screen.getByRole('status'));
        expect(await screen.findByText(language === 'en' ? /A new computer gets what Today needs first/ : /新电脑会先接收“今日”所需的数据/)).toBeTruthy();
        cleanup();
      }
    }
  });

  it('an empty Today or account list says the team’s accounts are on their way while a first sync brings them, and offers to begin otherwise', async () => {
    const firstSync = { ...online, pending: 0, lastSyncedAt: null, running: true, activity: 'receiving' as const, progress: { phase: 'today' as const, done: 5000, total: 10882 } };
    for (const [language, arriving] of [['en', 'Your team’s accounts are on their way'], ['zh-CN', '团队的客户数据正在接收中']] as const) {
      await renderWithApi(<GettingStarted onCreate={() => undefined} onImport={() => undefined} />, fakeApi({ 'sync.status': async () => firstSync }), language);
      expect(await screen.findByText(arriving)).toBeTruthy();
      expect(screen.queryByRole('button', { name: language === 'en' ? 'Load demo data' : '加载演示数据' })).toBeNull();
      cleanup();
    }
    // Synced before (an empty team), or not signed in: the ways to begin.
    for (const status of [{ ...firstSync, running: false, lastSyncedAt: '2026-12-03T02:00:00.000Z' }, signedOut]) {
      await renderWithApi(<GettingStarted onCreate={() => undefined} onImport={() => undefined} />, fakeApi({ 'sync.status': async () => status }));
      expect(await screen.findByText('No accounts yet')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Load demo data' })).toBeTruthy();
      cleanup();
    }
  });

  it('says offline in plain words, in Chinese too', async () => {
    await renderWithApi(<SyncStatus status={{ ...online, state: 'offline', lastError: 'sync:errors.offline' }} />, fakeApi({}), 'zh-CN');
    expect(screen.getByRole('status').textContent).toContain('离线');
    expect(screen.getByRole('status').textContent).toContain('2 项待发送');
  });

  it('never says synced while changes wait or need attention, and counts those that need attention', async () => {
    const settled = { ...online, pending: 0 };
    const { unmount } = await renderWithApi(<SyncStatus status={{ ...settled, conflicts: 16 }} />, fakeApi({}), 'zh-CN');
    expect(screen.getByRole('status').textContent).not.toContain('已同步');
    expect(screen.getByRole('status').textContent).toContain('16 项更改需要处理');
    unmount();
    await renderWithApi(<SyncStatus status={{ ...settled, pending: 3 }} />, fakeApi({}), 'zh-CN');
    expect(screen.getByRole('status').textContent).not.toContain('已同步');
    expect(screen.getByRole('status').textContent).toContain('3 项待发送');
    cleanup();
    await renderWithApi(<SyncStatus status={settled} />, fakeApi({}), 'zh-CN');
    expect(screen.getByRole('status').textContent).toContain('已同步');
  });
});

describe('SyncStatus while the team syncs live', () => {
  const text = () => screen.getByRole('status').textContent ?? '';

  it('says what it is doing — sending, receiving — and “synced” only with nothing to send after a sync that worked, in both languages', async () => {
    const cases: Array<[Partial<SyncStatusView>, string, string]> = [
      [{ running: true, activity: 'sending', pending: 2 }, 'Sending 2 changes…', '正在发送 2 项更改…'],
      [{ running: true, activity: 'sending', pending: 1 }, 'Sending 1 change…', '正在发送 1 项更改…'],
      [{ running: true, activity: 'receiving', pending: 0 }, 'Receiving team changes…', '正在接收团队的更改…'],
      [{ pending: 2 }, '2 to send', '2 项待发送'],
      [{ pending: 0, lastError: 'sync:errors.server' }, 'Last sync failed', '上次同步失败'],
      [{ pending: 0 }, 'Synced', '已同步'],
    ];
    for (const [change, en, zh] of cases) {
      for (const [language, expected] of [['en', en], ['zh-CN', zh]] as const) {
        await renderWithApi(<SyncStatus status={{ ...online, updates: 'live', ...change }} />, fakeApi({}), language);
        expect(text()).toContain(expected);
        if (expected !== 'Synced' && expected !== '已同步') expect(text()).not.toMatch(/Synced|已同步/);
        cleanup();
      }
    }
    // Sending says its count once, not again as "to send".
    await renderWithApi(<SyncStatus status={{ ...online, running: true, activity: 'sending', pending: 2 }} />, fakeApi({}));
    expect(text()).not.toContain('2 to send');
    // A live update of a few rows shows no progress bar; a first sync of thousands does.
    cleanup();
    await renderWithApi(<SyncStatus status={{ ...online, running: true, activity: 'receiving', pending: 0, progress: { done: 3, total: 3 } }} />, fakeApi({}));
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('says in its tooltip whether the team’s changes arrive live or are checked for every 30 s', async () => {
    for (const [updates, en, zh] of [
      ['live', 'Live: your team’s changes arrive as they are made.', '实时：团队成员的更改会即时送达。'],
      ['polling', 'Live updates unavailable: checking for your team’s changes every 30 seconds.', '实时更新暂不可用：每 30 秒检查一次团队的更改。'],
    ] as const) {
      for (const [language, expected] of [['en', en], ['zh-CN', zh]] as const) {
        await renderWithApi(<SyncStatus status={{ ...online, pending: 0, updates }} />, fakeApi({}), language);
        fireEvent.mouseEnter(screen.getByRole('status'));
        await waitFor(() => expect(screen.getByRole('tooltip').textContent).toContain(expected));
        cleanup();
      }
    }
  });
});

describe('useSyncStatus', () => {
  it('reloads the open screen when a sync brought rows (dataVersion), not when a sync brought nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let status: SyncStatusView = { ...online, pending: 0, dataVersion: 4 };
      const reps = vi.fn(async () => []);
      function Screen() {
        useSyncStatus();
        useQuery((api) => api['reports.reps']({}), []);
        return null;
      }
      await renderWithApi(<Screen />, fakeApi({ 'sync.status': async () => status, 'reports.reps': reps }));
      await act(() => vi.advanceTimersByTimeAsync(0));
      expect(reps).toHaveBeenCalledTimes(1);
      // A sync that only pushed: a later sync time, the same data.
      status = { ...status, lastSyncedAt: new Date().toISOString() };
      await act(() => vi.advanceTimersByTimeAsync(2_000));
      expect(reps).toHaveBeenCalledTimes(1);
      // A teammate's visit arrived.
      status = { ...status, dataVersion: 5 };
      await act(() => vi.advanceTimersByTimeAsync(2_000));
      expect(reps).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('SyncSettingsCard', () => {
  it('signs in and puts a wrong password on the password field', async () => {
    const api = fakeApi({
      'sync.status': async () => signedOut,
      'demo.status': noDemo,
      'sync.signIn': async () => {
        throw new ApiError('validation', { issues: [{ path: ['password'], message: 'sync:errors.bad_credentials' }] });
      },
    });
    await renderWithApi(<SyncSettingsCard />, api);
    fireEvent.change(await screen.findByLabelText('Server address'), { target: { value: 'https://sync.example.com' } });
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'wang' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    // On the password field itself (it used to be cleared away with the password, leaving only the toast).
    const password = screen.getByLabelText('Password');
    await waitFor(() => expect(screen.getAllByText('Wrong user name or password.').some((message) => message.closest('.ant-form-item')?.contains(password))).toBe(true));
    expect(api['sync.signIn']).toHaveBeenCalledWith({ serverUrl: 'https://sync.example.com', username: 'wang', password: 'nope' });
  });

  it('tells a throttled sign-in how many minutes to wait, on the password field, in both languages', async () => {
    const api = fakeApi({
      'sync.status': async () => signedOut,
      'demo.status': noDemo,
      'sync.signIn': async () => {
        throw new ApiError('validation', { issues: [{ path: ['password'], message: 'sync:errors.too_many_attempts_wait' }], params: { minutes: 14 } });
      },
    });
    for (const [language, labels, expected] of [
      ['en', ['Server address', 'User name', 'Password', 'Sign in'], 'Too many sign-in attempts. Wait 14 min, then try again.'],
      ['zh-CN', null, '登录尝试次数过多。请等 14 分钟后再试。'],
    ] as const) {
      cleanup();
      await renderWithApi(<SyncSettingsCard />, api, language);
      if (labels) {
        fireEvent.change(await screen.findByLabelText(labels[0]), { target: { value: 'https://sync.example.com' } });
        fireEvent.change(screen.getByLabelText(labels[1]), { target: { value: 'wang' } });
        fireEvent.change(screen.getByLabelText(labels[2]), { target: { value: 'guess' } });
        fireEvent.click(screen.getByRole('button', { name: labels[3] }));
        const password = screen.getByLabelText(labels[2]);
        await waitFor(() => expect(screen.getAllByText(expected).some((message) => message.closest('.ant-form-item')?.contains(password))).toBe(true));
      } else {
        const inputs = await screen.findAllByRole('textbox');
        fireEvent.change(inputs[0]!, { target: { value: 'https://sync.example.com' } });
        fireEvent.change(inputs[1]!, { target: { value: 'wang' } });
        fireEvent.change(document.querySelector('input[type=password]')!, { target: { value: 'guess' } });
        fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
        const password = document.querySelector('input[type=password]')!;
        await waitFor(() => expect(screen.getAllByText(expected).some((message) => message.closest('.ant-form-item')?.contains(password))).toBe(true));
      }
    }
  });

  it('shows a server address without https:// refused on the server address field', async () => {
    const api = fakeApi({
      'sync.status': async () => signedOut,
      'demo.status': noDemo,
      'sync.signIn': async () => {
        throw new ApiError('validation', { issues: [{ path: ['serverUrl'], message: 'sync:errors.scheme_required' }] });
      },
    });
    await renderWithApi(<SyncSettingsCard />, api);
    fireEvent.change(await screen.findByLabelText('Server address'), { target: { value: 'sync.example.com' } });
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'wang' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const [message] = await screen.findAllByText(/Start the server address with https:\/\//);
    expect(message!.closest('.ant-form-item')?.contains(screen.getByLabelText('Server address'))).toBe(true);
  });

  it('shows who is signed in and syncs now', async () => {
    const api = fakeApi({ 'sync.status': async () => online, 'sync.now': async () => ({ ...online, run: { pushed: 0, pulled: 3, changed: 3, rejected: 0, conflicts: 0, reset: false }, failure: null }), 'demo.status': noDemo });
    await renderWithApi(<SyncSettingsCard />, api);
    expect(await screen.findByText('王伟 (wang)')).toBeTruthy();
    expect(screen.getByText('Team lead')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(api['sync.now']).toHaveBeenCalledWith({}));
    // It says what the sync did.
    expect(await screen.findByText('This sync: 0 sent, 3 received, 0 refused')).toBeTruthy();
  });
});

describe('the demo data notice before sign-in', () => {
  it('says demo data stays on this laptop, names the accounts kept, and removes it when confirmed', async () => {
    let present = true;
    const api = fakeApi({
      'sync.status': async () => signedOut,
      'demo.status': async () => (present ? { present: true, keptAccounts: ['华东电力', '上海港务'] } : { present: false, keptAccounts: [] }),
      'demo.remove': async () => {
        present = false;
        return { removed: 840, keptAccounts: ['华东电力', '上海港务'] };
      },
    });
    await renderWithApi(<SyncSettingsCard />, api, 'zh-CN');
    expect(await screen.findByText('这台电脑上有演示数据')).toBeTruthy();
    expect(screen.getByText(/不会上传到团队服务器/)).toBeTruthy();
    expect(screen.getByText(/华东电力和上海港务/)).toBeTruthy();
    // the sign-in form is still there, below the notice
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '移除演示数据' }));
    expect(api['demo.remove']).not.toHaveBeenCalled();
    const confirm = await screen.findAllByRole('button', { name: '移除演示数据' });
    fireEvent.click(confirm.at(-1)!);
    await waitFor(() => expect(api['demo.remove']).toHaveBeenCalledWith({}));
    await waitFor(() => expect(screen.queryByText('这台电脑上有演示数据')).toBeNull());
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
    expect(screen.getByText('· Change of a note')).toBeTruthy();
    expect(screen.getByText('It was deleted on another device.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use the other version' }));
    await waitFor(() => expect(api['sync.resolveConflict']).toHaveBeenCalledWith({ noteId: 'c1', keep: 'theirs' }));
    fireEvent.click(screen.getByRole('button', { name: "Keep the server's" }));
    fireEvent.click(await screen.findByRole('button', { name: 'Discard my change' }));
    await waitFor(() => expect(api['sync.dismissRejected']).toHaveBeenCalledWith({ id: 7 }));
  });

  it('says why the server refused a change when it said more than the reason: a row of another account named (both languages)', async () => {
    const rejected: RejectedChangeView = {
      id: 11, mutationId: 14, table: 'notes', rowId: 'n4', op: 'upsert', fields: { body: '见了王经理', contactId: 'c9' }, reason: 'invalid', message: 'sync.rejected.foreignReference',
      changedAt: '2026-11-20T02:00:00.000Z', rejectedAt: '2026-11-21T02:00:00.000Z',
      about: { accountId: 'a1', accountName: '华东电力', personName: null, when: null, current: null, canRetry: true, canCopyText: true },
    };
    const api = fakeApi({ 'sync.conflicts': async () => ({ notes: [], rejected: [rejected] }) });
    const view = await renderWithApi(<ConflictsPage />, api);
    expect(await screen.findByText(/not this account's on the server/)).toBeTruthy();
    expect(screen.getByText(/make the change again with one of this account's own/)).toBeTruthy();
    expect(screen.queryByText('The change was not valid.')).toBeNull();
    view.unmount();
    await renderWithApi(<ConflictsPage />, api, 'zh-CN');
    expect(await screen.findByText(/在服务器上不属于该客户/)).toBeTruthy();
  });

  it('names a refused change by its account, person and day, shows what was tried, and offers every choice (in Chinese)', async () => {
    const rejected: RejectedChangeView = {
      id: 9, mutationId: 12, table: 'notes', rowId: 'n3', op: 'upsert', fields: { body: '客户要求周五前报价', revision: 2 }, reason: 'invalid', message: 'sync:rejected.invalid',
      changedAt: '2026-11-20T02:00:00.000Z', rejectedAt: '2026-11-21T02:00:00.000Z',
      about: { accountId: 'a1', accountName: '华东电力', personName: '李娜', when: '2026-11-18', current: { body: '第一版', revision: 1 }, canRetry: true, canCopyText: true },
    };
    const api = fakeApi({
      'sync.conflicts': async () => ({ notes: [], rejected: [rejected] }),
      'sync.retryRejected': async ({ id }) => ({ id }),
      'sync.copyRejectedNote': async () => ({ noteId: 'n9' }),
      'sync.dismissRejected': async ({ id }) => ({ id }),
    });
    await renderWithApi(<ConflictsPage />, api, 'zh-CN');
    expect(await screen.findByRole('link', { name: '华东电力' })).toBeTruthy();
    expect(screen.getByText('· 李娜')).toBeTruthy();
    expect(screen.getByText(/2026年11月18日/)).toBeTruthy();
    expect(screen.getByText('客户要求周五前报价')).toBeTruthy();
    expect(screen.getByText('当前内容: 第一版')).toBeTruthy();
    expect(screen.getByText('内容')).toBeTruthy();
    expect(screen.getByText(/请检查后重新发送/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '重新发送' }));
    await waitFor(() => expect(api['sync.retryRejected']).toHaveBeenCalledWith({ id: 9 }));
    fireEvent.click(screen.getByRole('button', { name: '把我的文字存为新笔记' }));
    await waitFor(() => expect(api['sync.copyRejectedNote']).toHaveBeenCalledWith({ id: 9 }));
    // Keeping the server's version discards typed text: it asks first, and says so.
    fireEvent.click(screen.getByRole('button', { name: '保留服务器上的版本' }));
    expect(await screen.findByText(/您写的文字不会保存在其他地方/)).toBeTruthy();
    expect(api['sync.dismissRejected']).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '放弃我的更改' }));
    await waitFor(() => expect(api['sync.dismissRejected']).toHaveBeenCalledWith({ id: 9 }));
  });

  it('says so when there is nothing to resolve', async () => {
    await renderWithApi(<ConflictsPage />, fakeApi({ 'sync.conflicts': async () => ({ notes: [], rejected: [] }) }));
    expect(await screen.findByText('No conflicts. Everything you changed reached the server.')).toBeTruthy();
  });
});
