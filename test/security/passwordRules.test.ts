/** What a new password must be (`passwordProblem`): the same rules for `rounds user`, the admin routes and the store. */
import { describe, expect, it } from 'vitest';
import { runRounds } from '../../cli/testing.js';
import { ServerError } from '../../server/errors.js';
import type { SqlClient } from '../../server/store/sqlClient.js';
import { addUser, MAX_PASSWORD_LENGTH, passwordProblem, resetPassword } from '../../server/users.js';
import { useTempDir } from '../../db/testing/tempDir.js';
import { PASSWORD } from '../sync/server/fixture.js';

const tempDir = useTempDir();

describe('new passwords', () => {
  it('takes at least 12 characters and refuses common ones and ones longer than sign-in takes', () => {
    for (const good of [PASSWORD, 'a brand new secret', 'another password', 'Tr4vel-Shanghai-Q3', '巡访客户拜访笔记本电脑很好用']) expect(passwordProblem(good), good).toBeNull();
    for (const short of ['12345678', 'correct hors', 'short']) expect(passwordProblem(short), short).toBe(short.length < 12 ? 'passwordTooShort' : null);
    for (const common of ['password1234', '123456789012', 'qwertyuiop12', 'aaaaaaaaaaaa', 'Password2024!', '210987654321', 'abcabcabcabc', '121212121212', 'asdfghjkl;12', 'iloveyou2024', '000000000000', 'abcdefghijklm']) {
      expect(passwordProblem(common), common).toBe('passwordTooCommon');
    }
    expect(passwordProblem('x'.repeat(11) + 'y'.repeat(MAX_PASSWORD_LENGTH))).toBe('passwordTooLong');
  });

  it('the store refuses them whoever asks, before touching the database', async () => {
    const store = {} as SqlClient;
    await expect(addUser(store, { username: 'x', role: 'rep', teamName: 't', password: '12345678' })).rejects.toEqual(new ServerError('invalid', 'sync.server.passwordTooShort'));
    await expect(resetPassword(store, 'x', 'password1234')).rejects.toEqual(new ServerError('invalid', 'sync.server.passwordTooCommon'));
  });

  it('rounds user add and reset-password say why, in the user’s language', async () => {
    const dataDir = tempDir();
    const user = (password: string, lang = 'en_US.UTF-8', ...argv: string[]) =>
      runRounds(['--data-dir', dataDir, 'user', ...argv], { env: { LANG: lang, ROUNDS_PASSWORD: password }, now: new Date() });
    expect(await user('12345678', 'en_US.UTF-8', 'add', 'chen', '--role', 'rep', '--team', 'north')).toMatchObject({ code: 1, stderr: expect.stringContaining('at least 12 characters') });
    expect(await user('qwertyuiop12', 'zh_CN.UTF-8', 'reset-password', 'chen')).toMatchObject({ code: 1, stderr: expect.stringContaining('太容易被猜到') });
    expect(await user('a'.repeat(201), 'en_US.UTF-8', 'reset-password', 'chen')).toMatchObject({ code: 1, stderr: expect.stringContaining('at most 200 characters') });
  });
});
