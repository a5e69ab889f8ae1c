import { readPassword } from '../../server/cliSupport.js';
import { UsageError, type Command } from '../command.js';
import { text, withSyncController } from './sync.js';

export const loginCommand: Command = {
  name: 'login',
  summary: 'sign this data folder in to a sync server (登录同步服务器)',
  usage: 'login --server URL --user NAME [--password-stdin]',
  optionHelp: [
    '  --server URL       the sync server, e.g. https://sync.example.com',
    '  --user NAME        your user name on it',
    '  --password-stdin   read the password from the first line of stdin (else $ROUNDS_PASSWORD, else a prompt)',
  ],
  options: { server: { type: 'string' }, user: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
  async run({ values, dataDir, io }) {
    const server = typeof values.server === 'string' ? values.server.trim() : '';
    const user = typeof values.user === 'string' ? values.user.trim() : '';
    if (server === '') throw new UsageError('--server URL is required.');
    if (user === '') throw new UsageError('--user NAME is required.');
    const password = await readPassword({ fromStdin: values['password-stdin'] === true, env: io.env, prompt: (prompt) => io.stderr(prompt), newline: () => io.stderr('\n') });
    const status = await withSyncController(dataDir, (controller) => controller.signIn({ serverUrl: server, username: user, password }), { create: true });
    io.stdout(`${text.signedIn(status.user?.username ?? user, status.user?.teamName ?? '', status.serverUrl ?? server)}\n`);
  },
};
