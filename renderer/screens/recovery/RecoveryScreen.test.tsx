// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AppStatus } from '../../../core/api/contract.js';
import { fakeApi, renderWithApi } from '../../test/renderWithApi.js';
import { RecoveryScreen } from './RecoveryScreen.js';

afterEach(cleanup);

const corrupt: Extract<AppStatus, { state: 'problem' }> = {
  state: 'problem',
  code: 'database_corrupt',
  databasePath: '/home/rep/.config/Rounds/rounds.db',
  backups: [
    { file: 'rounds-2026-11-20T09-00-00.db', createdAt: '2026-11-20T09:00:00.000Z', bytes: 2_500_000 },
    { file: 'rounds-2026-11-01T09-00-00.db', createdAt: '2026-11-01T09:00:00.000Z', bytes: 2_400_000 },
  ],
};

describe('RecoveryScreen', () => {
  it('says what is wrong, shows the file and the backups', async () => {
    await renderWithApi(<RecoveryScreen status={corrupt} />, fakeApi({}));
    expect(screen.getByText('The data file is damaged')).toBeTruthy();
    expect(screen.getByText(corrupt.databasePath)).toBeTruthy();
    expect(screen.getByText(/rounds-2026-11-20T09-00-00\.db/)).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Restore this backup' })).toHaveLength(2);
  });

  it('restores the chosen backup through app.recover', async () => {
    const api = fakeApi({ 'app.recover': async () => ({ state: 'ready' }) });
    await renderWithApi(<RecoveryScreen status={corrupt} />, api);
    fireEvent.click(screen.getAllByRole('button', { name: 'Restore this backup' })[1]!);
    await waitFor(() => expect(api['app.recover']).toHaveBeenCalledWith({ backup: 'rounds-2026-11-01T09-00-00.db' }));
  });

  it('for a database encrypted elsewhere, opens it with the recovery key the user types', async () => {
    const api = fakeApi({ 'app.recover': async () => ({ state: 'ready' }) });
    await renderWithApi(<RecoveryScreen status={{ ...corrupt, code: 'database_key_unknown' }} />, api, 'zh-CN');
    expect(screen.getByText('此数据文件使用了本机没有的密钥加密')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: '恢复密钥' }), { target: { value: '7K3M-ABCD' } });
    fireEvent.click(screen.getByRole('button', { name: '用此密钥打开' }));
    await waitFor(() => expect(api['app.recover']).toHaveBeenCalledWith({ backup: null, recoveryKey: '7K3M-ABCD' }));
  });

  it('starts empty only after confirmation, keeping the damaged file aside', async () => {
    const api = fakeApi({ 'app.recover': async () => ({ state: 'ready' }) });
    await renderWithApi(<RecoveryScreen status={{ ...corrupt, code: 'database_newer', backups: [] }} />, api);
    expect(screen.getByText('The data file was written by a newer version of Rounds')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Start with an empty database' }));
    expect(api['app.recover']).not.toHaveBeenCalled();
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Start with an empty database' }));
    await waitFor(() => expect(api['app.recover']).toHaveBeenCalledWith({ backup: null }));
  });
});
