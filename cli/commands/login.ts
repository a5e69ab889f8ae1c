import { readPassword } from '../../server/cliSupport.js';
import { UsageError, type CommandContext } from '../command.js';
import { text, withSyncController } from './sync.js';

export async function run({ values, dataDir, io }: CommandContext) {
  const server = typeof values.server === 'string' ? values.server.trim() : '';
  const user = typeof values.user === 'string' ? values.user.trim() : '';
  if (server === '') throw new UsageError('--server URL is required.');
  if (user === '') throw new UsageError('--user NAME is required.');
  const password = await readPassword({ fromStdin: values['password-stdin'] === true, env: io.env, prompt: (prompt) => io.stderr(prompt), newline: () => io.stderr('\n') });
  const status = await withSyncController(dataDir, (controller) => controller.signIn({ serverUrl: server, username: user, password }), { create: true });
  io.stdout(`${text.signedIn(status.user?.username ?? user, status.user?.teamName ?? '', status.serverUrl ?? server)}\n`);
}
